"""The seeded vocabulary learns hobbies, trades and needs of ordinary and rural schools
(``vocabulary_seed.HOBBY_TERMS`` and ``HOBBY_TOPICS``: cooking, machinery, bees, flight schools,
beat-making, video editing, K-pop, smoking and drinking, families in need of material help,
disability, autism, a boarding pupil missing home, reading for pleasure), and moves the words ``HOBBY_LESS`` lists out of
the terms they no longer belong to (reading competitions from theatre to literature, local history
out of hiking, a cook out of the general trades into cooking).

Only the shared seeded terms are touched: what a region or a school added stays as it is. Going back
removes the new terms, takes back exactly the words added and gives back exactly the words taken."""

from django.db import migrations


def forward(apps, schema_editor):
    from participants.vocabulary_seed import (
        HOBBY_LESS,
        HOBBY_TERMS,
        HOBBY_TOPICS,
        add_terms,
        add_words,
        drop_words,
    )

    seeded = add_terms(apps.get_model("participants", "VocabularyTerm"), HOBBY_TERMS)
    add_words(seeded, HOBBY_TOPICS)
    drop_words(seeded, HOBBY_LESS)


def backward(apps, schema_editor):
    from participants.vocabulary_seed import (
        HOBBY_LESS,
        HOBBY_TERMS,
        HOBBY_TOPICS,
        SYNONYMS_BEFORE_HOBBIES,
        add_words,
        drop_terms,
        drop_words,
    )

    seeded = drop_terms(apps.get_model("participants", "VocabularyTerm"), HOBBY_TERMS)
    drop_words(seeded, HOBBY_TOPICS, SYNONYMS_BEFORE_HOBBIES)
    add_words(seeded, HOBBY_LESS, only=SYNONYMS_BEFORE_HOBBIES)


class Migration(migrations.Migration):
    dependencies = [("participants", "0016_vocabulary_speech_therapy")]

    operations = [migrations.RunPython(forward, backward)]

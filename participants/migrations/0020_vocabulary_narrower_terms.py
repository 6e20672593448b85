"""Narrower terms a school has a specialist or a club for (``vocabulary_seed.NARROWER_TERMS``: Russian as
a second language, hearing and sight loss, a delay of development, tutoring, drones, 3D modelling and
printing, electrics, a request for an older pupil as mentor), the everyday words of needs the terms
lacked (``NARROWER_TOPICS``: severe speech disorders, a low mood, skipping lessons, nights at the
computer, a family short of money), and the words ``NARROWER_LESS`` lists moved out of the terms they no
longer belong to (a lone «урок» out of teaching methodology, «электрика» out of physics).

Only the shared seeded terms are touched: what a region or a school added stays as it is. Going back
removes the new terms, takes back exactly the words added and gives back exactly the words taken."""

from django.db import migrations


def forward(apps, schema_editor):
    from participants.vocabulary_seed import (
        NARROWER_LESS,
        NARROWER_TERMS,
        NARROWER_TOPICS,
        add_terms,
        add_words,
        drop_words,
    )

    seeded = add_terms(apps.get_model("participants", "VocabularyTerm"), NARROWER_TERMS)
    add_words(seeded, NARROWER_TOPICS)
    drop_words(seeded, NARROWER_LESS)


def backward(apps, schema_editor):
    from participants.vocabulary_seed import (
        NARROWER_LESS,
        NARROWER_TERMS,
        NARROWER_TOPICS,
        SYNONYMS_BEFORE_NARROWER,
        add_words,
        drop_terms,
        drop_words,
    )

    seeded = drop_terms(apps.get_model("participants", "VocabularyTerm"), NARROWER_TERMS)
    drop_words(seeded, NARROWER_TOPICS, SYNONYMS_BEFORE_NARROWER)
    add_words(seeded, NARROWER_LESS, only=SYNONYMS_BEFORE_NARROWER)


class Migration(migrations.Migration):
    dependencies = [("participants", "0019_vocabulary_urgent_words")]

    operations = [migrations.RunPython(forward, backward)]

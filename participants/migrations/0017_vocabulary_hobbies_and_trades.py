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
        add_words,
        drop_words,
        seeded_terms,
    )

    Term = apps.get_model("participants", "VocabularyTerm")
    for slug, kind, name, synonyms, _broader in HOBBY_TERMS:
        Term.objects.get_or_create(
            organization=None, slug=slug, defaults={"kind": kind, "name": name, "synonyms": synonyms}
        )
    seeded = seeded_terms(Term)
    for slug, _kind, _name, _synonyms, broader in HOBBY_TERMS:
        seeded[slug].broader.add(*(seeded[item] for item in broader if item in seeded))
    add_words(seeded, HOBBY_TOPICS)
    drop_words(seeded, HOBBY_LESS)


def backward(apps, schema_editor):
    from participants.vocabulary_seed import (
        HOBBY_LESS,
        HOBBY_TERMS,
        HOBBY_TOPICS,
        SYNONYMS_BEFORE_HOBBIES,
        add_words,
        drop_words,
        seeded_terms,
    )

    Term = apps.get_model("participants", "VocabularyTerm")
    Term.objects.filter(organization=None, slug__in=[row[0] for row in HOBBY_TERMS]).delete()
    seeded = seeded_terms(Term)
    drop_words(seeded, HOBBY_TOPICS, SYNONYMS_BEFORE_HOBBIES)
    add_words(seeded, HOBBY_LESS, only=SYNONYMS_BEFORE_HOBBIES)


class Migration(migrations.Migration):
    dependencies = [("participants", "0016_vocabulary_speech_therapy")]

    operations = [migrations.RunPython(forward, backward)]

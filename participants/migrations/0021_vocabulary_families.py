"""Families of concepts schools commonly write (``vocabulary_seed.FAMILY_TERMS``): kinds of sport under
physical education (hockey, skiing and biathlon, football, volleyball, basketball, swimming, martial arts,
gymnastics, adaptive physical education), the rescuers' (МЧС) and the police's (МВД) careers apart from
the army's and the lawyers', learning to read and write in the primary school; the words existing terms
lacked (``FAMILY_TOPICS``: journalism for media, making games for programming, a young child's speech for
speech therapy, self-harm and being tired of living for the suicide risk, a parent who died for grief,
a relative who fought in the war for history), and the words ``FAMILY_LESS`` lists moved out of the
terms they no longer belong to (the kinds of sport out of physical education, «мчс» and «пожарный» out
of the army's career, «полиция» out of the lawyers', «техника чтения» out of literature).

Only the shared seeded terms are touched: what a region or a school added stays as it is. Going back
removes the new terms, takes back exactly the words added and gives back exactly the words taken."""

from django.db import migrations


def forward(apps, schema_editor):
    from participants.vocabulary_seed import (
        FAMILY_LESS,
        FAMILY_TERMS,
        FAMILY_TOPICS,
        add_terms,
        add_words,
        drop_words,
    )

    seeded = add_terms(apps.get_model("participants", "VocabularyTerm"), FAMILY_TERMS)
    add_words(seeded, FAMILY_TOPICS)
    drop_words(seeded, FAMILY_LESS)


def backward(apps, schema_editor):
    from participants.vocabulary_seed import (
        FAMILY_LESS,
        FAMILY_TERMS,
        FAMILY_TOPICS,
        SYNONYMS_BEFORE_FAMILIES,
        add_words,
        drop_terms,
        drop_words,
    )

    seeded = drop_terms(apps.get_model("participants", "VocabularyTerm"), FAMILY_TERMS)
    drop_words(seeded, FAMILY_TOPICS, SYNONYMS_BEFORE_FAMILIES)
    add_words(seeded, FAMILY_LESS, only=SYNONYMS_BEFORE_FAMILIES)


class Migration(migrations.Migration):
    dependencies = [("participants", "0020_vocabulary_narrower_terms")]

    operations = [migrations.RunPython(forward, backward)]

"""Families of everyday words (``vocabulary_seed.STRENGTH_TOPICS``): wanting to be stronger (pull-ups,
press-ups, muscles) for physical training, the office programs (Word, Excel, PowerPoint) for digital
skills, being bored at lessons because one knows it all for the gifted.

Only the shared seeded terms are touched: what a region or a school added stays as it is. Going back
takes back exactly the words added."""

from django.db import migrations


def forward(apps, schema_editor):
    from participants.vocabulary_seed import STRENGTH_TOPICS, add_words, seeded_terms

    add_words(seeded_terms(apps.get_model("participants", "VocabularyTerm")), STRENGTH_TOPICS)


def backward(apps, schema_editor):
    from participants.vocabulary_seed import (
        STRENGTH_TOPICS,
        SYNONYMS_BEFORE_STRENGTH,
        drop_words,
        seeded_terms,
    )

    drop_words(seeded_terms(apps.get_model("participants", "VocabularyTerm")), STRENGTH_TOPICS, SYNONYMS_BEFORE_STRENGTH)


class Migration(migrations.Migration):
    dependencies = [("participants", "0024_vocabulary_farming")]

    operations = [migrations.RunPython(forward, backward)]

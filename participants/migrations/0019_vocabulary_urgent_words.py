"""More everyday words of urgent and family needs (``vocabulary_seed.SAFETY_MORE_TOPICS``): an ache before
a lesson as stress, threats and blackmail as bullying, a parent who drinks and rows at home as the family's.

Only the shared seeded terms are touched: what a region or a school added stays as it is. Going back takes
back exactly the words added."""

from django.db import migrations


def forward(apps, schema_editor):
    from participants.vocabulary_seed import SAFETY_MORE_TOPICS, add_words, seeded_terms

    add_words(seeded_terms(apps.get_model("participants", "VocabularyTerm")), SAFETY_MORE_TOPICS)


def backward(apps, schema_editor):
    from participants.vocabulary_seed import (
        SAFETY_MORE_TOPICS,
        SYNONYMS_BEFORE_SAFETY_MORE,
        drop_words,
        seeded_terms,
    )

    drop_words(
        seeded_terms(apps.get_model("participants", "VocabularyTerm")),
        SAFETY_MORE_TOPICS,
        keep=SYNONYMS_BEFORE_SAFETY_MORE,
    )


class Migration(migrations.Migration):
    dependencies = [("participants", "0018_vocabulary_urgent_needs")]

    operations = [migrations.RunPython(forward, backward)]

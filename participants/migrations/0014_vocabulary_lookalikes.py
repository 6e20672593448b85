"""The seeded vocabulary learns phrases whose words alone mean something else, and slang
(``vocabulary_seed.LOOKALIKE_TOPICS``: «водительские права», «скрипичный ключ», «Пайтон», «инфа»).

Only the shared seeded terms are touched: what a region or a school added, and the words a region or
a school added to a shared term, stay as they are. Going back removes exactly the words this migration
added."""

from django.db import migrations


def forward(apps, schema_editor):
    from participants.vocabulary_seed import LOOKALIKE_TOPICS, add_words, seeded_terms

    add_words(seeded_terms(apps.get_model("participants", "VocabularyTerm")), LOOKALIKE_TOPICS)


def backward(apps, schema_editor):
    from participants.vocabulary_seed import (
        LOOKALIKE_TOPICS,
        SYNONYMS_BEFORE_LOOKALIKE,
        drop_words,
        seeded_terms,
    )

    seeded = seeded_terms(apps.get_model("participants", "VocabularyTerm"))
    drop_words(seeded, LOOKALIKE_TOPICS, SYNONYMS_BEFORE_LOOKALIKE)


class Migration(migrations.Migration):
    dependencies = [("participants", "0013_vocabulary_needs_in_notes")]

    operations = [migrations.RunPython(forward, backward)]

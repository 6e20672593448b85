"""Everyday words the shared terms lacked (``vocabulary_seed.EVERYDAY_TOPICS``: being upset or torn, for
stress; Russian spoken badly in either order of words, for Russian as a second language; money taken by
older pupils, for bullying; missing one's friends after a move, for adaptation; seeing no sense in
studying, for motivation), and the words ``EVERYDAY_LESS`` lists taken out: «нет смысла» and «нет цели»,
which were a lone «смысл» and «цель» once their «нет», a stop word, was lost.

Only the shared seeded terms are touched: what a region or a school added stays as it is. Going back
takes back exactly the words added and gives back exactly the words taken."""

from django.db import migrations


def forward(apps, schema_editor):
    from participants.vocabulary_seed import (
        EVERYDAY_LESS,
        EVERYDAY_TOPICS,
        add_words,
        drop_words,
        seeded_terms,
    )

    seeded = seeded_terms(apps.get_model("participants", "VocabularyTerm"))
    add_words(seeded, EVERYDAY_TOPICS)
    drop_words(seeded, EVERYDAY_LESS)


def backward(apps, schema_editor):
    from participants.vocabulary_seed import (
        EVERYDAY_LESS,
        EVERYDAY_TOPICS,
        SYNONYMS_BEFORE_EVERYDAY_WORDS,
        add_words,
        drop_words,
        seeded_terms,
    )

    seeded = seeded_terms(apps.get_model("participants", "VocabularyTerm"))
    drop_words(seeded, EVERYDAY_TOPICS, SYNONYMS_BEFORE_EVERYDAY_WORDS)
    add_words(seeded, EVERYDAY_LESS, only=SYNONYMS_BEFORE_EVERYDAY_WORDS)


class Migration(migrations.Migration):
    dependencies = [("participants", "0021_vocabulary_families")]

    operations = [migrations.RunPython(forward, backward)]

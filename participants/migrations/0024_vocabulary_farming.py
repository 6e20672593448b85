"""Farming as a career of its own (``vocabulary_seed.FARMING_TERMS``) under career guidance and biology:
«фермер», «фермерство», «сельское хозяйство» and «агроном» move out of biology (``FARMING_LESS``), so the
farmer who names them is their mentor and a biology teacher meets them in part; and the forest's trades
under ecology (``FARMING_TOPICS``).

Only the shared seeded terms are touched: what a region or a school added stays as it is. Going back
removes the new term, takes back exactly the words added and gives back exactly the words taken."""

from django.db import migrations


def forward(apps, schema_editor):
    from participants.vocabulary_seed import (
        FARMING_LESS,
        FARMING_TERMS,
        FARMING_TOPICS,
        add_terms,
        add_words,
        drop_words,
    )

    seeded = add_terms(apps.get_model("participants", "VocabularyTerm"), FARMING_TERMS)
    add_words(seeded, FARMING_TOPICS)
    drop_words(seeded, FARMING_LESS)


def backward(apps, schema_editor):
    from participants.vocabulary_seed import (
        FARMING_LESS,
        FARMING_TERMS,
        FARMING_TOPICS,
        SYNONYMS_BEFORE_FARMING,
        add_words,
        drop_terms,
        drop_words,
    )

    seeded = drop_terms(apps.get_model("participants", "VocabularyTerm"), FARMING_TERMS)
    drop_words(seeded, FARMING_TOPICS, SYNONYMS_BEFORE_FARMING)
    add_words(seeded, FARMING_LESS, only=SYNONYMS_BEFORE_FARMING)


class Migration(migrations.Migration):
    dependencies = [("participants", "0023_vocabulary_first_aid")]

    operations = [migrations.RunPython(forward, backward)]

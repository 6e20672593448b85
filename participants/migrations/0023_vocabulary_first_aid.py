"""First aid as a skill of its own under ОБЖ (``vocabulary_seed.FIRST_AID_TERMS``): «первая помощь» moves
out of ОБЖ (``FIRST_AID_LESS``), so the instructor who names it is its mentor and an ОБЖ teacher meets it
in part through the subject; and everyday words of being laughed at, alone, sleeping little
(``FIRST_AID_TOPICS``).

Only the shared seeded terms are touched: what a region or a school added stays as it is. Going back
removes the new term, takes back exactly the words added and gives back exactly the words taken."""

from django.db import migrations


def forward(apps, schema_editor):
    from participants.vocabulary_seed import (
        FIRST_AID_LESS,
        FIRST_AID_TERMS,
        FIRST_AID_TOPICS,
        add_terms,
        add_words,
        drop_words,
    )

    seeded = add_terms(apps.get_model("participants", "VocabularyTerm"), FIRST_AID_TERMS)
    add_words(seeded, FIRST_AID_TOPICS)
    drop_words(seeded, FIRST_AID_LESS)


def backward(apps, schema_editor):
    from participants.vocabulary_seed import (
        FIRST_AID_LESS,
        FIRST_AID_TERMS,
        FIRST_AID_TOPICS,
        SYNONYMS_BEFORE_FIRST_AID,
        add_words,
        drop_terms,
        drop_words,
    )

    seeded = drop_terms(apps.get_model("participants", "VocabularyTerm"), FIRST_AID_TERMS)
    drop_words(seeded, FIRST_AID_TOPICS, SYNONYMS_BEFORE_FIRST_AID)
    add_words(seeded, FIRST_AID_LESS, only=SYNONYMS_BEFORE_FIRST_AID)


class Migration(migrations.Migration):
    dependencies = [("participants", "0022_vocabulary_everyday_words")]

    operations = [migrations.RunPython(forward, backward)]

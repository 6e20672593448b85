"""The seeded vocabulary learns speech therapy as a field of its own (``vocabulary_seed.SPEECH_TERMS``:
stuttering, sounds a pupil cannot say, dysgraphia, dyslexia), and the Russian language term gives up
the speech therapist's words (``SPEECH_LESS``).

Only the shared seeded terms are touched: what a region or a school added stays as it is. Going back
removes the new term and gives the Russian language term back exactly the words taken."""

from django.db import migrations


def forward(apps, schema_editor):
    from participants.vocabulary_seed import SPEECH_LESS, SPEECH_TERMS, add_terms, drop_words

    seeded = add_terms(apps.get_model("participants", "VocabularyTerm"), SPEECH_TERMS)
    drop_words(seeded, SPEECH_LESS)


def backward(apps, schema_editor):
    from participants.vocabulary_seed import (
        SPEECH_LESS,
        SPEECH_TERMS,
        SYNONYMS_BEFORE_SPEECH,
        add_words,
        drop_terms,
    )

    seeded = drop_terms(apps.get_model("participants", "VocabularyTerm"), SPEECH_TERMS)
    add_words(seeded, SPEECH_LESS, only=SYNONYMS_BEFORE_SPEECH)


class Migration(migrations.Migration):
    dependencies = [("participants", "0015_query_indexes")]

    operations = [migrations.RunPython(forward, backward)]

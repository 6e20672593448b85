"""Urgent needs (``vocabulary_seed.SAFETY_TERMS``): a kind of term of their own — suicidal thoughts and
self-harm, violence, bullying, a loss, a year about to be failed — that the engine weighs more than a hobby
beside them; a teenager's crisis and relations with parents as emotional needs; and the everyday words of
being alone or of a divorce for the terms that lacked them (``SAFETY_TOPICS``).

Only the shared seeded terms are touched: what a region or a school added stays as it is. Going back
removes the new terms and takes back exactly the words added."""

from django.db import migrations, models


def forward(apps, schema_editor):
    from participants.vocabulary_seed import SAFETY_TERMS, SAFETY_TOPICS, add_terms, add_words

    seeded = add_terms(apps.get_model("participants", "VocabularyTerm"), SAFETY_TERMS)
    add_words(seeded, SAFETY_TOPICS)


def backward(apps, schema_editor):
    from participants.vocabulary_seed import (
        SAFETY_TERMS,
        SAFETY_TOPICS,
        SYNONYMS_BEFORE_SAFETY,
        drop_terms,
        drop_words,
    )

    seeded = drop_terms(apps.get_model("participants", "VocabularyTerm"), SAFETY_TERMS)
    drop_words(seeded, SAFETY_TOPICS, keep=SYNONYMS_BEFORE_SAFETY)


class Migration(migrations.Migration):
    dependencies = [("participants", "0017_vocabulary_hobbies_and_trades")]

    operations = [
        migrations.AlterField(
            model_name="vocabularyterm",
            name="kind",
            field=models.CharField(
                choices=[
                    ("subject", "Subject"),
                    ("exam", "Exam or contest"),
                    ("skill", "Skill"),
                    ("interest", "Interest"),
                    ("career", "Career"),
                    ("social", "Social need"),
                    ("emotional", "Emotional need"),
                    ("urgent", "Urgent need (safety, a year about to be failed)"),
                ],
                max_length=16,
                verbose_name="kind",
            ),
        ),
        migrations.RunPython(forward, backward),
    ]

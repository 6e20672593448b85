"""The seeded vocabulary learns needs as teachers' and parents' notes describe them
(``vocabulary_seed.NEEDS_TOPICS``: «часто болеет, много пропустил», «боится контрольных», «не ладит с
учителями», «убегает из дома», «врёт», «на домашнем обучении», «мама одна воспитывает»…).

Only the shared seeded terms are touched: what a region or a school added, and the words a region or
a school added to a shared term, stay as they are. Going back removes exactly the words this migration
added."""

from django.db import migrations


def forward(apps, schema_editor):
    from participants.vocabulary_seed import NEEDS_TOPICS, add_words, seeded_terms

    add_words(seeded_terms(apps.get_model("participants", "VocabularyTerm")), NEEDS_TOPICS)


def backward(apps, schema_editor):
    from participants.vocabulary_seed import NEEDS_TOPICS, SYNONYMS_BEFORE_NEEDS, drop_words, seeded_terms

    drop_words(
        seeded_terms(apps.get_model("participants", "VocabularyTerm")), NEEDS_TOPICS, SYNONYMS_BEFORE_NEEDS
    )


class Migration(migrations.Migration):
    dependencies = [("participants", "0012_vocabulary_general_requests")]

    operations = [migrations.RunPython(forward, backward)]

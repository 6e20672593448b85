"""The seeded vocabulary learns the topics of the school subjects, the common sports and professions and
everyday words for social and emotional needs (``vocabulary_seed.TOPICS``: «дроби» for «Математика»,
«плавание» for «Физическая культура», «хирург» for «Медицина», «грусть» for «Стресс и тревожность»).

Only the shared seeded terms are touched, and only by adding the synonyms they lack: what a region or a
school added stays as it is. Going back removes exactly the words this migration added."""

from django.db import migrations


def forward(apps, schema_editor):
    from participants.vocabulary_seed import TOPICS

    Term = apps.get_model("participants", "VocabularyTerm")
    for term in Term.objects.filter(organization=None, slug__in=list(TOPICS)):
        have = list(term.synonyms or [])
        added = [word for word in TOPICS[term.slug] if word not in have and word != term.name]
        if added:
            term.synonyms = have + added
            term.save(update_fields=["synonyms"])


def backward(apps, schema_editor):
    from participants.vocabulary_seed import TOPICS

    Term = apps.get_model("participants", "VocabularyTerm")
    for term in Term.objects.filter(organization=None, slug__in=list(TOPICS)):
        words = set(TOPICS[term.slug])
        term.synonyms = [word for word in term.synonyms or [] if word not in words]
        term.save(update_fields=["synonyms"])


class Migration(migrations.Migration):
    dependencies = [("participants", "0008_russian_field_names")]

    operations = [migrations.RunPython(forward, backward)]

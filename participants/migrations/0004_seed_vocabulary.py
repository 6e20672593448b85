"""The shared vocabulary of requests and competencies (``participants/vocabulary_seed.py``)."""

from django.db import migrations


def seed(apps, schema_editor):
    from participants.vocabulary_seed import TERMS

    Term = apps.get_model("participants", "VocabularyTerm")
    made = {}
    for slug, kind, name, synonyms, _broader in TERMS:
        made[slug], _created = Term.objects.get_or_create(
            organization=None, name=name, defaults={"kind": kind, "synonyms": synonyms, "slug": slug}
        )
    for slug, _kind, _name, _synonyms, broader in TERMS:
        made[slug].broader.add(*(made[item] for item in broader if item in made))


def unseed(apps, schema_editor):
    apps.get_model("participants", "VocabularyTerm").objects.filter(organization=None).exclude(slug="").delete()


class Migration(migrations.Migration):
    dependencies = [("participants", "0003_vocabulary")]

    operations = [migrations.RunPython(seed, unseed)]

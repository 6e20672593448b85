"""The seeded vocabulary learns phrases whose words alone mean something else, and slang
(``vocabulary_seed.LOOKALIKE_TOPICS``: «водительские права», «скрипичный ключ», «Пайтон», «инфа»).

Only the shared seeded terms are touched: what a region or a school added, and the words a region or
a school added to a shared term, stay as they are. Going back removes exactly the words this migration
added."""

from django.db import migrations


def forward(apps, schema_editor):
    from participants.vocabulary_seed import LOOKALIKE_TOPICS

    Term = apps.get_model("participants", "VocabularyTerm")
    seeded = {term.slug: term for term in Term.objects.filter(organization=None).exclude(slug="")}
    for slug, words in LOOKALIKE_TOPICS.items():
        term = seeded.get(slug)
        if term is None:  # taken out of this installation: left out
            continue
        have = list(term.synonyms or [])
        added = [word for word in words if word not in have and word != term.name]
        if added:
            term.synonyms = have + added
            term.save(update_fields=["synonyms"])


def backward(apps, schema_editor):
    from participants.vocabulary_seed import LOOKALIKE_TOPICS, SYNONYMS_BEFORE_LOOKALIKE

    Term = apps.get_model("participants", "VocabularyTerm")
    seeded = {term.slug: term for term in Term.objects.filter(organization=None).exclude(slug="")}
    for slug, words in LOOKALIKE_TOPICS.items():
        term = seeded.get(slug)
        if term is None:
            continue
        added = set(words) - SYNONYMS_BEFORE_LOOKALIKE.get(slug, frozenset())
        kept = [word for word in term.synonyms or [] if word not in added]
        if kept != list(term.synonyms or []):
            term.synonyms = kept
            term.save(update_fields=["synonyms"])


class Migration(migrations.Migration):
    dependencies = [("participants", "0013_vocabulary_needs_in_notes")]

    operations = [migrations.RunPython(forward, backward)]

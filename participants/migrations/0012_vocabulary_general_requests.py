"""The seeded vocabulary learns the general requests schools write (``vocabulary_seed.GENERAL_TOPICS``:
«технарь», «плохие оценки», «химбио», «дисграфия», «всё время в телефоне», «не хочет ходить в школу»,
school abbreviations such as «ДЗ», «МХК», «ТЖС», «ПМПК», «НПК», pupils who do not speak Russian well
yet, careers named by a profession, crises a psychologist is needed for…) and two broader terms (``GENERAL_BROADER``: informatics is an exact science again, a medical career asks
for chemistry too).

Only the shared seeded terms are touched: what a region or a school added, and the words a region or
a school added to a shared term (their overrides), stay as they are. Going back removes exactly the
words and broader terms this migration added."""

from django.db import migrations


def forward(apps, schema_editor):
    from participants.vocabulary_seed import GENERAL_BROADER, GENERAL_TOPICS

    Term = apps.get_model("participants", "VocabularyTerm")
    seeded = {term.slug: term for term in Term.objects.filter(organization=None).exclude(slug="")}
    for slug, words in GENERAL_TOPICS.items():
        term = seeded.get(slug)
        if term is None:  # taken out of this installation: left out
            continue
        have = list(term.synonyms or [])
        added = [word for word in words if word not in have and word != term.name]
        if added:
            term.synonyms = have + added
            term.save(update_fields=["synonyms"])
    for slug, broader in GENERAL_BROADER.items():
        if slug in seeded:
            seeded[slug].broader.add(*(seeded[item] for item in broader if item in seeded))


def backward(apps, schema_editor):
    from participants.vocabulary_seed import (
        BROADER_BEFORE_GENERAL,
        GENERAL_BROADER,
        GENERAL_TOPICS,
        SYNONYMS_BEFORE_GENERAL,
    )

    Term = apps.get_model("participants", "VocabularyTerm")
    seeded = {term.slug: term for term in Term.objects.filter(organization=None).exclude(slug="")}
    for slug, words in GENERAL_TOPICS.items():
        term = seeded.get(slug)
        if term is None:
            continue
        added = set(words) - SYNONYMS_BEFORE_GENERAL.get(slug, frozenset())
        kept = [word for word in term.synonyms or [] if word not in added]
        if kept != list(term.synonyms or []):
            term.synonyms = kept
            term.save(update_fields=["synonyms"])
    for slug, broader in GENERAL_BROADER.items():
        if slug in seeded:
            added = [item for item in broader if item not in BROADER_BEFORE_GENERAL.get(slug, frozenset())]
            seeded[slug].broader.remove(*(seeded[item] for item in added if item in seeded))


class Migration(migrations.Migration):
    dependencies = [("participants", "0011_vocabulary_everyday_words")]

    operations = [migrations.RunPython(forward, backward)]

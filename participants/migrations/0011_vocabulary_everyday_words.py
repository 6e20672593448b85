"""The seeded vocabulary learns everyday pupil wording (``vocabulary_seed.NEW_TERMS`` and ``MORE_TOPICS``:
pets, films and cartoons, dance, crafts, games, attention, gadgets, college careers, and slang, hobbies,
behaviour and feelings for the terms it had), and forgets two false links (``LESS_TOPICS``: «закон»
found «законы Ньютона» as law; ``LESS_BROADER``: informatics under «Точные науки» paired mathematics
with programming).

Only the shared seeded terms are touched: what a region or a school added stays as it is. Going back
removes exactly what this migration added and restores what it removed."""

from django.db import migrations


def forward(apps, schema_editor):
    from participants.vocabulary_seed import LESS_BROADER, LESS_TOPICS, MORE_BROADER, MORE_TOPICS, NEW_TERMS

    Term = apps.get_model("participants", "VocabularyTerm")
    for slug, kind, name, synonyms, _broader in NEW_TERMS:
        Term.objects.get_or_create(
            organization=None, slug=slug, defaults={"kind": kind, "name": name, "synonyms": synonyms}
        )
    seeded = {term.slug: term for term in Term.objects.filter(organization=None).exclude(slug="")}
    for slug, _kind, _name, _synonyms, broader in NEW_TERMS:
        seeded[slug].broader.add(*(seeded[item] for item in broader if item in seeded))
    for slug, words in MORE_TOPICS.items():
        term = seeded.get(slug)
        if term is None:
            continue
        have = list(term.synonyms or [])
        added = [word for word in words if word not in have and word != term.name]
        left = [word for word in have if word not in LESS_TOPICS.get(slug, [])]
        if added or left != have:
            term.synonyms = left + added
            term.save(update_fields=["synonyms"])
    for slug, words in LESS_TOPICS.items():
        term = seeded.get(slug)
        if term is not None and slug not in MORE_TOPICS:
            term.synonyms = [word for word in term.synonyms or [] if word not in words]
            term.save(update_fields=["synonyms"])
    for slug, broader in LESS_BROADER.items():
        if slug in seeded:
            seeded[slug].broader.remove(*(seeded[item] for item in broader if item in seeded))
    for slug, broader in MORE_BROADER.items():
        if slug in seeded:
            seeded[slug].broader.add(*(seeded[item] for item in broader if item in seeded))


def backward(apps, schema_editor):
    from participants.vocabulary_seed import (
        LESS_BROADER,
        LESS_TOPICS,
        MORE_BROADER,
        MORE_TOPICS,
        NEW_TERMS,
        SYNONYMS_BEFORE_EVERYDAY,
    )

    Term = apps.get_model("participants", "VocabularyTerm")
    Term.objects.filter(organization=None, slug__in=[row[0] for row in NEW_TERMS]).delete()
    seeded = {term.slug: term for term in Term.objects.filter(organization=None).exclude(slug="")}
    for slug in set(MORE_TOPICS) | set(LESS_TOPICS):
        term = seeded.get(slug)
        if term is None:
            continue
        words = set(MORE_TOPICS.get(slug, [])) - SYNONYMS_BEFORE_EVERYDAY.get(slug, frozenset())
        kept = [word for word in term.synonyms or [] if word not in words]
        term.synonyms = kept + [word for word in LESS_TOPICS.get(slug, []) if word not in kept]
        term.save(update_fields=["synonyms"])
    for slug, broader in LESS_BROADER.items():
        if slug in seeded:
            seeded[slug].broader.add(*(seeded[item] for item in broader if item in seeded))
    for slug, broader in MORE_BROADER.items():
        if slug in seeded:
            seeded[slug].broader.remove(*(seeded[item] for item in broader if item in seeded))


class Migration(migrations.Migration):
    dependencies = [("participants", "0010_vocabulary_override")]

    operations = [migrations.RunPython(forward, backward)]

"""The seeded vocabulary refined: terms that were synonyms of a broader one get their own term under it
(«Дебаты» under «Публичные выступления», «Движение Первых» and «Школьное самоуправление» under
«Общественная активность», «Поступление» and «Технические профессии» under «Профориентация»), a new
«Тревога перед экзаменами» under «Стресс и тревожность», «диктант» for «Русский язык».

Only the shared seeded terms are touched, and a synonym is moved only if it is still there: what a
region or a school added stays as it is."""

from django.db import migrations

MOVED = {
    "public-speaking": ["дебаты"],
    "civic": [
        "движение первых",
        "рдш",
        "самоуправление",
        "школьное самоуправление",
        "совет обучающихся",
        "ученический совет",
        "совет старшеклассников",
        "школьный парламент",
    ],
    "career": ["поступление", "выбор вуза", "поступить", "колледж", "вуз"],
}
ADDED = {"career": ["выбрать профиль", "профиль выбрать", "какой профиль"], "russian": ["диктант"]}
NEW = ("debate", "first-movement", "self-government", "admission", "career-engineering", "exam-anxiety")


def forward(apps, schema_editor):
    from participants.vocabulary_seed import TERMS

    Term = apps.get_model("participants", "VocabularyTerm")
    seeded = {term.slug: term for term in Term.objects.filter(organization=None).exclude(slug="")}
    if not seeded:
        return  # an installation without the seeded vocabulary: nothing to refine
    for slug, words in MOVED.items():
        term = seeded.get(slug)
        if term is not None:
            term.synonyms = [word for word in term.synonyms or [] if word not in words]
            term.save(update_fields=["synonyms"])
    for slug, words in ADDED.items():
        term = seeded.get(slug)
        if term is not None:
            term.synonyms = list(term.synonyms or []) + [
                word for word in words if word not in (term.synonyms or [])
            ]
            term.save(update_fields=["synonyms"])
    rows = {row[0]: row for row in TERMS}
    for slug in NEW:
        _slug, kind, name, synonyms, _broader = rows[slug]
        if slug not in seeded:
            seeded[slug] = Term.objects.create(
                organization=None, slug=slug, kind=kind, name=name, synonyms=synonyms
            )
    for slug in NEW:
        seeded[slug].broader.add(*(seeded[up] for up in rows[slug][4] if up in seeded))


def backward(apps, schema_editor):
    Term = apps.get_model("participants", "VocabularyTerm")
    Term.objects.filter(organization=None, slug__in=NEW).delete()
    seeded = {
        term.slug: term for term in Term.objects.filter(organization=None, slug__in=list(MOVED) + list(ADDED))
    }
    for slug, words in ADDED.items():
        if slug in seeded:
            seeded[slug].synonyms = [word for word in seeded[slug].synonyms or [] if word not in words]
            seeded[slug].save(update_fields=["synonyms"])
    for slug, words in MOVED.items():
        if slug in seeded:
            seeded[slug].synonyms = list(seeded[slug].synonyms or []) + [
                word for word in words if word not in (seeded[slug].synonyms or [])
            ]
            seeded[slug].save(update_fields=["synonyms"])


class Migration(migrations.Migration):
    dependencies = [("participants", "0006_import_column_mapping")]

    operations = [migrations.RunPython(forward, backward)]

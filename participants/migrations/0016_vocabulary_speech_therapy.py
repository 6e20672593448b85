"""The seeded vocabulary learns speech therapy as a field of its own (``vocabulary_seed.SPEECH_TERMS``:
stuttering, sounds a pupil cannot say, dysgraphia, dyslexia), and the Russian language term gives up
the speech therapist's words (``SPEECH_LESS``).

Only the shared seeded terms are touched: what a region or a school added stays as it is. Going back
removes the new term and gives the Russian language term back exactly the words taken."""

from django.db import migrations


def forward(apps, schema_editor):
    from participants.vocabulary_seed import SPEECH_LESS, SPEECH_TERMS

    Term = apps.get_model("participants", "VocabularyTerm")
    for slug, kind, name, synonyms, _broader in SPEECH_TERMS:
        Term.objects.get_or_create(
            organization=None, slug=slug, defaults={"kind": kind, "name": name, "synonyms": synonyms}
        )
    seeded = {term.slug: term for term in Term.objects.filter(organization=None).exclude(slug="")}
    for slug, _kind, _name, _synonyms, broader in SPEECH_TERMS:
        seeded[slug].broader.add(*(seeded[item] for item in broader if item in seeded))
    for slug, words in SPEECH_LESS.items():
        term = seeded.get(slug)
        if term is None:
            continue
        kept = [word for word in term.synonyms or [] if word not in words]
        if kept != list(term.synonyms or []):
            term.synonyms = kept
            term.save(update_fields=["synonyms"])


def backward(apps, schema_editor):
    from participants.vocabulary_seed import SPEECH_LESS, SPEECH_TERMS, SYNONYMS_BEFORE_SPEECH

    Term = apps.get_model("participants", "VocabularyTerm")
    Term.objects.filter(organization=None, slug__in=[row[0] for row in SPEECH_TERMS]).delete()
    seeded = {term.slug: term for term in Term.objects.filter(organization=None).exclude(slug="")}
    for slug, words in SPEECH_LESS.items():
        term = seeded.get(slug)
        if term is None:
            continue
        have = list(term.synonyms or [])
        back = [
            word
            for word in words
            if word in SYNONYMS_BEFORE_SPEECH.get(slug, frozenset()) and word not in have
        ]
        if back:
            term.synonyms = have + back
            term.save(update_fields=["synonyms"])


class Migration(migrations.Migration):
    dependencies = [("participants", "0015_query_indexes")]

    operations = [migrations.RunPython(forward, backward)]

"""Migration 0024 gives an installation seeded before it the term of farming (``vocabulary_seed.
FARMING_TERMS``) with «фермер» and its kin moved out of biology, and the words of ``FARMING_TOPICS``: once,
keeping what a region added, and going back to exactly what the installation had."""

from importlib import import_module

import pytest
from django.apps import apps

from participants.models import VocabularyTerm
from participants.vocabulary_seed import FARMING_TOPICS

pytestmark = pytest.mark.django_db

farming = import_module("participants.migrations.0024_vocabulary_farming")


def shared(slug: str) -> VocabularyTerm:
    return VocabularyTerm.objects.get(organization=None, slug=slug)


def test_a_new_installation_has_farming_under_career_and_biology():
    assert "кфх" in shared("career-farming").synonyms
    assert {term.slug for term in shared("career-farming").broader.all()} == {"career", "biology"}
    assert "фермер" not in shared("biology").synonyms
    assert "лесничество" in shared("ecology").synonyms


def test_the_migration_runs_once_keeps_a_regions_words_and_goes_back():
    farming.backward(apps, None)
    assert not VocabularyTerm.objects.filter(organization=None, slug="career-farming").exists()
    biology = shared("biology")
    assert "фермер" in biology.synonyms
    biology.synonyms = [*biology.synonyms, "юный натуралист"]  # a region's own word
    biology.save()
    before = {slug: sorted(shared(slug).synonyms) for slug in ("biology", *FARMING_TOPICS)}

    farming.forward(apps, None)
    farming.forward(apps, None)  # twice: nothing doubled
    assert VocabularyTerm.objects.filter(organization=None, slug="career-farming").count() == 1
    assert "фермер" not in shared("biology").synonyms and "юный натуралист" in shared("biology").synonyms
    ecology = shared("ecology").synonyms
    assert set(FARMING_TOPICS["ecology"]) <= set(ecology) and len(ecology) == len(set(ecology))

    farming.backward(apps, None)
    assert {slug: sorted(shared(slug).synonyms) for slug in before} == before

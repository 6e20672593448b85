"""Migration 0025 gives the shared terms the everyday words of ``vocabulary_seed.STRENGTH_TOPICS`` (being
stronger, the office programs, boredom at lessons): once, keeping what a region added, and going back to
exactly what the installation had."""

from importlib import import_module

import pytest
from django.apps import apps

from participants.models import VocabularyTerm
from participants.vocabulary_seed import STRENGTH_TOPICS

pytestmark = pytest.mark.django_db

strength = import_module("participants.migrations.0025_vocabulary_strength_office_gifted")


def shared(slug: str) -> VocabularyTerm:
    return VocabularyTerm.objects.get(organization=None, slug=slug)


def test_a_new_installation_has_the_words():
    assert "подтягивания" in shared("pe").synonyms
    assert "excel" in shared("digital").synonyms
    assert "скучно на уроках" in shared("gifted").synonyms


def test_the_migration_runs_once_keeps_a_regions_words_and_goes_back():
    strength.backward(apps, None)
    gifted = shared("gifted")
    assert "скучно на уроках" not in gifted.synonyms
    assert "офисные программы" in shared("digital").synonyms  # the term had it before: kept
    gifted.synonyms = [*gifted.synonyms, "вундеркинд"]  # a region's own word
    gifted.save()
    before = {slug: sorted(shared(slug).synonyms) for slug in STRENGTH_TOPICS}

    strength.forward(apps, None)
    strength.forward(apps, None)  # twice: nothing doubled
    after = shared("gifted").synonyms
    assert set(STRENGTH_TOPICS["gifted"]) <= set(after) and len(after) == len(set(after))
    assert "вундеркинд" in after

    strength.backward(apps, None)
    assert {slug: sorted(shared(slug).synonyms) for slug in before} == before

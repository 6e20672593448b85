"""Migration 0022 gives the shared terms the everyday words of ``vocabulary_seed.EVERYDAY_TOPICS`` and
takes out those of ``EVERYDAY_LESS``: once, keeping what a region added, and going back to exactly what
the installation had."""

from importlib import import_module

import pytest
from django.apps import apps

from participants.models import VocabularyTerm
from participants.vocabulary_seed import EVERYDAY_LESS, EVERYDAY_TOPICS

pytestmark = pytest.mark.django_db

everyday = import_module("participants.migrations.0022_vocabulary_everyday_words")


def shared(slug: str) -> VocabularyTerm:
    return VocabularyTerm.objects.get(organization=None, slug=slug)


def test_a_new_installation_has_the_words_and_not_the_lone_ones():
    assert "отбирают деньги" in shared("bullying").synonyms
    assert "по-русски почти не говорит" in shared("russian-foreign").synonyms
    assert "нет смысла" not in shared("stress").synonyms and "нет цели" not in shared("motivation").synonyms


def test_the_migration_runs_once_keeps_a_regions_words_and_goes_back():
    everyday.backward(apps, None)
    stress = shared("stress")
    assert "нет смысла" in stress.synonyms and "расстроен" not in stress.synonyms
    stress.synonyms = [*stress.synonyms, "на нервах"]  # a region's own word
    stress.save()
    before = {slug: sorted(shared(slug).synonyms) for slug in {*EVERYDAY_TOPICS, *EVERYDAY_LESS}}

    everyday.forward(apps, None)
    everyday.forward(apps, None)  # twice: nothing doubled
    after = shared("stress").synonyms
    assert set(EVERYDAY_TOPICS["stress"]) <= set(after) and len(after) == len(set(after))
    assert not set(EVERYDAY_LESS["stress"]) & set(after) and "на нервах" in after

    everyday.backward(apps, None)
    assert {slug: sorted(shared(slug).synonyms) for slug in before} == before

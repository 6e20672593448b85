"""Migration 0023 gives an installation seeded before it the term of first aid (``vocabulary_seed.
FIRST_AID_TERMS``) with «первая помощь» moved out of ОБЖ, and the words of ``FIRST_AID_TOPICS``: once,
keeping what a region added, and going back to exactly what the installation had."""

from importlib import import_module

import pytest
from django.apps import apps

from participants.models import VocabularyTerm
from participants.vocabulary_seed import FIRST_AID_TOPICS

pytestmark = pytest.mark.django_db

first_aid = import_module("participants.migrations.0023_vocabulary_first_aid")


def shared(slug: str) -> VocabularyTerm:
    return VocabularyTerm.objects.get(organization=None, slug=slug)


def test_a_new_installation_has_first_aid_under_obzh():
    assert "слр" in shared("first-aid").synonyms
    assert {term.slug for term in shared("first-aid").broader.all()} == {"obzh"}
    assert "первая помощь" not in shared("obzh").synonyms
    assert "ребята смеются" in shared("conflicts").synonyms


def test_the_migration_runs_once_keeps_a_regions_words_and_goes_back():
    first_aid.backward(apps, None)
    assert not VocabularyTerm.objects.filter(organization=None, slug="first-aid").exists()
    obzh = shared("obzh")
    assert "первая помощь" in obzh.synonyms
    obzh.synonyms = [*obzh.synonyms, "гражданская оборона"]  # a region's own word
    obzh.save()
    before = {slug: sorted(shared(slug).synonyms) for slug in ("obzh", *FIRST_AID_TOPICS)}

    first_aid.forward(apps, None)
    first_aid.forward(apps, None)  # twice: nothing doubled
    assert VocabularyTerm.objects.filter(organization=None, slug="first-aid").count() == 1
    assert "первая помощь" not in shared("obzh").synonyms and "гражданская оборона" in shared("obzh").synonyms
    stress = shared("stress").synonyms
    assert set(FIRST_AID_TOPICS["stress"]) <= set(stress) and len(stress) == len(set(stress))

    first_aid.backward(apps, None)
    assert {slug: sorted(shared(slug).synonyms) for slug in before} == before

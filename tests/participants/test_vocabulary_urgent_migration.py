"""Migration 0018 gives an installation seeded before it the urgent needs as terms of their own (kind
«urgent») and the everyday words of being alone or of a divorce: once, keeping what a region added, and
going back to exactly what the installation had."""

from importlib import import_module

import pytest
from django.apps import apps

from participants.models import VocabularyTerm
from participants.vocabulary_seed import SAFETY_TERMS, SAFETY_TOPICS, SYNONYMS_BEFORE_SAFETY

pytestmark = pytest.mark.django_db

urgent = import_module("participants.migrations.0018_vocabulary_urgent_needs")
NEW = [row[0] for row in SAFETY_TERMS]
ADDED = set(SAFETY_TOPICS["communication"]) - SYNONYMS_BEFORE_SAFETY["communication"]


def shared(slug: str) -> VocabularyTerm:
    return VocabularyTerm.objects.get(organization=None, slug=slug)


def test_a_new_installation_has_the_urgent_needs_under_psychology():
    assert shared("suicide-risk").kind == VocabularyTerm.Kind.URGENT
    assert "не хочет жить" in shared("suicide-risk").synonyms
    assert shared("psychology") in shared("suicide-risk").broader.all()
    assert set(SAFETY_TOPICS["communication"]) <= set(shared("communication").synonyms)


def test_the_migration_runs_once_keeps_a_regions_words_and_goes_back():
    urgent.backward(apps, None)
    assert not VocabularyTerm.objects.filter(organization=None, slug__in=NEW).exists()
    communication = shared("communication")
    assert ADDED and not ADDED & set(communication.synonyms)
    communication.synonyms = [*communication.synonyms, "сидит один на перемене"]  # a region's own word
    communication.save()
    before = list(shared("communication").synonyms)

    urgent.forward(apps, None)
    urgent.forward(apps, None)  # twice: nothing doubled
    assert VocabularyTerm.objects.filter(organization=None, slug__in=NEW).count() == len(NEW)
    assert shared("violence").broader.count() == 2
    after = shared("communication").synonyms
    assert set(SAFETY_TOPICS["communication"]) <= set(after)
    assert "сидит один на перемене" in after
    assert len(after) == len(set(after))

    urgent.backward(apps, None)
    assert sorted(shared("communication").synonyms) == sorted(before)
    assert "родители развелись" in shared("stress").synonyms  # a word it had before stays


more = import_module("participants.migrations.0019_vocabulary_urgent_words")


def test_the_second_migration_adds_its_words_once_and_takes_back_only_those():
    from participants.vocabulary_seed import SAFETY_MORE_TOPICS, SYNONYMS_BEFORE_SAFETY_MORE

    added = set(SAFETY_MORE_TOPICS["family"]) - SYNONYMS_BEFORE_SAFETY_MORE["family"]
    assert added <= set(shared("family").synonyms)
    more.backward(apps, None)
    family = shared("family")
    assert added and not added & set(family.synonyms)
    family.synonyms = [*family.synonyms, "отец в запое"]  # a region's own word
    family.save()
    before = sorted(shared("family").synonyms)
    more.forward(apps, None)
    more.forward(apps, None)
    after = shared("family").synonyms
    assert added <= set(after) and "отец в запое" in after and len(after) == len(set(after))
    more.backward(apps, None)
    assert sorted(shared("family").synonyms) == before

"""Migration 0017 gives an installation seeded before it the hobby, trade and need terms and words
(``vocabulary_seed.HOBBY_TERMS`` / ``HOBBY_TOPICS``) and moves the words ``HOBBY_LESS`` lists out of the
terms they no longer belong to: once, keeping what a region added, and going back to exactly what the
installation had."""

from importlib import import_module

import pytest
from django.apps import apps

from participants.models import VocabularyTerm
from participants.vocabulary_seed import HOBBY_LESS, HOBBY_TERMS, HOBBY_TOPICS

pytestmark = pytest.mark.django_db

hobbies = import_module("participants.migrations.0017_vocabulary_hobbies_and_trades")


def shared(slug: str) -> VocabularyTerm:
    return VocabularyTerm.objects.get(organization=None, slug=slug)


def test_a_new_installation_has_the_new_terms_and_words():
    assert "пекарня" in shared("cooking").synonyms
    assert {term.slug for term in shared("cooking").broader.all()} == {"career-services"}
    assert "пасека" in shared("biology").synonyms
    assert not set(HOBBY_LESS["theatre"]) & set(shared("theatre").synonyms)
    assert "повар" not in shared("career-services").synonyms


def test_the_migration_runs_once_keeps_a_regions_words_and_goes_back():
    hobbies.backward(apps, None)
    assert not VocabularyTerm.objects.filter(
        organization=None, slug__in=[row[0] for row in HOBBY_TERMS]
    ).exists()
    theatre = shared("theatre")
    assert set(HOBBY_LESS["theatre"]) <= set(theatre.synonyms)
    assert not set(HOBBY_TOPICS["biology"]) & set(shared("biology").synonyms)
    theatre.synonyms = [*theatre.synonyms, "театр теней"]  # a region's own word
    theatre.save()
    before = {slug: sorted(shared(slug).synonyms) for slug in ("theatre", "biology", "ovz", "tourism")}

    hobbies.forward(apps, None)
    hobbies.forward(apps, None)  # twice: nothing doubled
    assert VocabularyTerm.objects.filter(
        organization=None, slug__in=[row[0] for row in HOBBY_TERMS]
    ).count() == len(HOBBY_TERMS)
    after = shared("theatre").synonyms
    assert not set(HOBBY_LESS["theatre"]) & set(after)
    assert "театр теней" in after
    biology = shared("biology").synonyms
    assert set(HOBBY_TOPICS["biology"]) <= set(biology)
    assert len(biology) == len(set(biology))
    assert {term.slug for term in shared("disability").broader.all()} == {"ovz"}

    hobbies.backward(apps, None)
    assert {slug: sorted(shared(slug).synonyms) for slug in before} == before

"""Migration 0026 takes the false friends of ``vocabulary_seed.FRIENDS_LESS`` out of the shared terms and
gives them the words of ``FRIENDS_TOPICS``: once, keeping what a region added, and going back to exactly
what the installation had."""

from importlib import import_module

import pytest
from django.apps import apps

from participants.models import VocabularyTerm
from participants.vocabulary_seed import FRIENDS_LESS, FRIENDS_TOPICS

pytestmark = pytest.mark.django_db

friends = import_module("participants.migrations.0026_vocabulary_false_friends")


def shared(slug: str) -> VocabularyTerm:
    return VocabularyTerm.objects.get(organization=None, slug=slug)


def test_a_new_installation_has_the_words_and_not_the_false_friends():
    assert "свой проект" not in shared("entrepreneurship").synonyms
    # «вести за собой» reads as one lemma of its own (semantics._leading_verb), no longer as «вести»: kept
    assert "вести за собой" in shared("leadership").synonyms
    assert "любит читать" in shared("reading").synonyms
    assert "любит читать" not in shared("literature").synonyms
    assert "лечебное дело" in shared("career-medicine").synonyms


def test_the_migration_runs_once_keeps_a_regions_words_and_goes_back():
    friends.backward(apps, None)
    assert "свой проект" in shared("entrepreneurship").synonyms  # given back
    assert "любит читать" in shared("literature").synonyms
    assert "любит читать" not in shared("reading").synonyms
    assert "книжный клуб" in shared("reading").synonyms  # the term had it before: kept
    reading = shared("reading")
    reading.synonyms = [*reading.synonyms, "читательский дневник"]  # a region's own word
    reading.save()
    slugs = set(FRIENDS_TOPICS) | set(FRIENDS_LESS)
    before = {slug: sorted(shared(slug).synonyms) for slug in slugs}

    friends.forward(apps, None)
    friends.forward(apps, None)  # twice: nothing doubled, nothing lost
    after = shared("reading").synonyms
    assert set(FRIENDS_TOPICS["reading"]) <= set(after) and len(after) == len(set(after))
    assert "читательский дневник" in after
    assert "свой проект" not in shared("entrepreneurship").synonyms

    friends.backward(apps, None)
    assert {slug: sorted(shared(slug).synonyms) for slug in slugs} == before

"""Migration 0016 gives an installation seeded before it speech therapy as a term of its own and takes
the speech therapist's words from the Russian language term: once, keeping what a region added, and
going back to exactly what the installation had."""

from importlib import import_module

import pytest
from django.apps import apps

from participants.models import VocabularyTerm
from participants.vocabulary_seed import SPEECH_LESS, SPEECH_TERMS

pytestmark = pytest.mark.django_db

speech = import_module("participants.migrations.0016_vocabulary_speech_therapy")


def shared(slug: str) -> VocabularyTerm:
    return VocabularyTerm.objects.get(organization=None, slug=slug)


def test_a_new_installation_has_speech_therapy_and_russian_without_its_words():
    assert "заикание" in shared("speech-therapy").synonyms
    assert not set(SPEECH_LESS["russian"]) & set(shared("russian").synonyms)


def test_the_migration_runs_once_keeps_a_regions_words_and_goes_back():
    speech.backward(apps, None)
    assert not VocabularyTerm.objects.filter(organization=None, slug="speech-therapy").exists()
    russian = shared("russian")
    assert set(SPEECH_LESS["russian"]) <= set(russian.synonyms)
    russian.synonyms = [*russian.synonyms, "логопедия для малышей"]  # a region's own word
    russian.save()
    before = list(shared("russian").synonyms)

    speech.forward(apps, None)
    speech.forward(apps, None)  # twice: nothing doubled
    assert VocabularyTerm.objects.filter(organization=None, slug="speech-therapy").count() == len(
        SPEECH_TERMS
    )
    after = shared("russian").synonyms
    assert not set(SPEECH_LESS["russian"]) & set(after)
    assert "логопедия для малышей" in after

    speech.backward(apps, None)
    assert sorted(shared("russian").synonyms) == sorted(before)

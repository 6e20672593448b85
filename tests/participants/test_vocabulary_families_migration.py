"""Migration 0021 gives an installation seeded before it the families of concepts (``vocabulary_seed.
FAMILY_TERMS``: kinds of sport, the rescuers' and the police's careers, learning to read, adaptive PE)
and the words ``FAMILY_TOPICS`` lists, and moves the words ``FAMILY_LESS`` lists out of the terms they
no longer belong to: once, keeping what a region added, and going back to exactly what it had."""

from importlib import import_module

import pytest
from django.apps import apps

from participants.models import VocabularyTerm
from participants.vocabulary_seed import FAMILY_LESS, FAMILY_TERMS, FAMILY_TOPICS

pytestmark = pytest.mark.django_db

families = import_module("participants.migrations.0021_vocabulary_families")
NEW = [row[0] for row in FAMILY_TERMS]


def shared(slug: str) -> VocabularyTerm:
    return VocabularyTerm.objects.get(organization=None, slug=slug)


def test_a_new_installation_has_the_families():
    assert "биатлон" in shared("skiing").synonyms and "биатлон" not in shared("pe").synonyms
    assert {term.slug for term in shared("hockey").broader.all()} == {"pe"}
    assert "мчс" in shared("career-rescue").synonyms and "мчс" not in shared("career-military").synonyms
    assert "полиция" in shared("career-police").synonyms and "полиция" not in shared("career-law").synonyms
    assert {term.slug for term in shared("career-police").broader.all()} == {"career-law"}
    assert "техника чтения" in shared("early-literacy").synonyms
    assert "техника чтения" not in shared("literature").synonyms
    assert "журфак" in shared("media").synonyms and "устал жить" in shared("suicide-risk").synonyms


def test_the_migration_runs_once_keeps_a_regions_words_and_goes_back():
    families.backward(apps, None)
    assert not VocabularyTerm.objects.filter(organization=None, slug__in=NEW).exists()
    pe = shared("pe")
    assert "хоккей" in pe.synonyms and "мчс" in shared("career-military").synonyms
    assert "журфак" not in shared("media").synonyms and "устал жить" not in shared("suicide-risk").synonyms
    pe.synonyms = [*pe.synonyms, "городки"]  # a region's own word
    pe.save()
    before = {slug: sorted(shared(slug).synonyms) for slug in ("pe", "career-military", "media", "history")}

    families.forward(apps, None)
    families.forward(apps, None)  # twice: nothing doubled
    assert VocabularyTerm.objects.filter(organization=None, slug__in=NEW).count() == len(NEW)
    after = shared("pe").synonyms
    assert not set(FAMILY_LESS["pe"]) & set(after)
    assert "городки" in after
    media = shared("media").synonyms
    assert set(FAMILY_TOPICS["media"]) <= set(media) and len(media) == len(set(media))

    families.backward(apps, None)
    assert {slug: sorted(shared(slug).synonyms) for slug in before} == before

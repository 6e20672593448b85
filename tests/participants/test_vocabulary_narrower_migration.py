"""Migration 0020 gives an installation seeded before it the narrower terms (``vocabulary_seed.
NARROWER_TERMS``) and the everyday words of needs (``NARROWER_TOPICS``), and moves the words
``NARROWER_LESS`` lists out of the terms they no longer belong to: once, keeping what a region added, and
going back to exactly what the installation had."""

from importlib import import_module

import pytest
from django.apps import apps

from participants.models import VocabularyTerm
from participants.vocabulary_seed import NARROWER_LESS, NARROWER_TERMS, NARROWER_TOPICS

pytestmark = pytest.mark.django_db

narrower = import_module("participants.migrations.0020_vocabulary_narrower_terms")
NEW = [row[0] for row in NARROWER_TERMS]


def shared(slug: str) -> VocabularyTerm:
    return VocabularyTerm.objects.get(organization=None, slug=slug)


def test_a_new_installation_has_the_narrower_terms_and_words():
    assert "рки" in shared("russian-foreign").synonyms
    assert {term.slug for term in shared("russian-foreign").broader.all()} == {"russian", "adaptation"}
    assert "слабослышащий" in set(shared("hearing").synonyms) & set(shared("disability").synonyms)
    assert "рки" not in shared("russian").synonyms
    assert "урок" not in shared("methodology").synonyms
    assert "электрика" not in shared("physics").synonyms
    assert "тнр" in shared("speech-therapy").synonyms and "тнр" not in shared("ovz").synonyms
    assert {"зпр", "дефектолог"} <= set(shared("ovz").synonyms) & set(shared("defectology").synonyms)
    assert {"дроны", "3d-печать"} <= set(shared("engineering").synonyms)


def test_the_migration_runs_once_keeps_a_regions_words_and_goes_back():
    narrower.backward(apps, None)
    assert not VocabularyTerm.objects.filter(organization=None, slug__in=NEW).exists()
    methodology = shared("methodology")
    assert "урок" in methodology.synonyms
    assert "рки" in shared("russian").synonyms and "тьютор" in shared("ovz").synonyms
    assert not set(NARROWER_TOPICS["social-support"]) & set(shared("social-support").synonyms)
    methodology.synonyms = [*methodology.synonyms, "открытый урок"]  # a region's own word
    methodology.save()
    before = {
        slug: sorted(shared(slug).synonyms) for slug in ("methodology", "russian", "ovz", "engineering")
    }

    narrower.forward(apps, None)
    narrower.forward(apps, None)  # twice: nothing doubled
    assert VocabularyTerm.objects.filter(organization=None, slug__in=NEW).count() == len(NEW)
    after = shared("methodology").synonyms
    assert not set(NARROWER_LESS["methodology"]) & set(after)
    assert "открытый урок" in after
    engineering = shared("engineering").synonyms
    assert set(NARROWER_TOPICS["engineering"]) <= set(engineering)
    assert len(engineering) == len(set(engineering))
    assert {term.slug for term in shared("electrics").broader.all()} == {"engineering", "career-services"}

    narrower.backward(apps, None)
    assert {slug: sorted(shared(slug).synonyms) for slug in before} == before

"""Migration 0014 gives an installation seeded before it the phrases whose words alone mean something
else («водительские права», «скрипичный ключ», «физическая активность») and the slang «Пайтон», «инфа»:
once, keeping what a region added, and going back to exactly what the installation had."""

from importlib import import_module

import pytest
from django.apps import apps

from participants.models import VocabularyTerm
from participants.vocabulary_seed import LOOKALIKE_TOPICS, SYNONYMS_BEFORE_LOOKALIKE

pytestmark = pytest.mark.django_db

lookalikes = import_module("participants.migrations.0014_vocabulary_lookalikes")


def shared(slug: str) -> VocabularyTerm:
    return VocabularyTerm.objects.get(organization=None, slug=slug)


def test_a_new_installation_has_the_phrases():
    for slug, words in LOOKALIKE_TOPICS.items():
        assert set(words) <= set(shared(slug).synonyms), slug


def test_the_migration_adds_its_words_once_and_takes_back_only_those():
    for slug in LOOKALIKE_TOPICS:
        term = shared(slug)
        term.synonyms = [word for word in term.synonyms if word in SYNONYMS_BEFORE_LOOKALIKE[slug]]
        term.save()
    music = shared("music")
    music.synonyms = [*music.synonyms, "скрипичный ключ", "нотный стан"]  # a region added its own words
    music.save()
    before = {slug: list(shared(slug).synonyms) for slug in LOOKALIKE_TOPICS}
    assert "водительские права" not in before["obzh"]

    lookalikes.forward(apps, None)
    lookalikes.forward(apps, None)  # twice: nothing doubled
    for slug, words in LOOKALIKE_TOPICS.items():
        synonyms = shared(slug).synonyms
        assert set(words) <= set(synonyms), slug
        assert len(synonyms) == len(set(synonyms)), slug

    lookalikes.backward(apps, None)
    after = {slug: list(shared(slug).synonyms) for slug in LOOKALIKE_TOPICS}
    # the words it added are gone, the region's own stays (one it shared with the seed goes too, as 0013)
    assert after == {**before, "music": [w for w in before["music"] if w != "скрипичный ключ"]}
    assert "нотный стан" in after["music"]

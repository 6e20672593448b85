"""Migrations 0012 and 0013 give an installation seeded before them the general requests and the needs
of the shared vocabulary, touch nothing a region or a school added, run twice without doubling a
word, and go back to exactly what the installation had."""

from importlib import import_module

import pytest
from django.apps import apps

from participants.models import VocabularyTerm
from participants.vocabulary_seed import (
    BROADER_BEFORE_GENERAL,
    FARMING_LESS,
    FRIENDS_LESS,
    GENERAL_BROADER,
    GENERAL_TOPICS,
    HOBBY_LESS,
    NARROWER_LESS,
    NEEDS_TOPICS,
    SPEECH_LESS,
    SYNONYMS_BEFORE_GENERAL,
    SYNONYMS_BEFORE_NEEDS,
    TERMS,
)

pytestmark = pytest.mark.django_db

migration = import_module("participants.migrations.0012_vocabulary_general_requests")
needs = import_module("participants.migrations.0013_vocabulary_needs_in_notes")


def shared(slug: str) -> VocabularyTerm:
    return VocabularyTerm.objects.get(organization=None, slug=slug)


def _as_before(extra_word: str) -> None:
    """The shared terms as an installation migrated up to 0011 has them, plus a word its region added
    to one of them."""
    for slug in GENERAL_TOPICS:
        term = shared(slug)
        term.synonyms = [word for word in term.synonyms if word in SYNONYMS_BEFORE_GENERAL[slug]]
        if slug == "performance":
            term.synonyms.append(extra_word)
        term.save()
    for slug, broader in GENERAL_BROADER.items():
        term = shared(slug)
        term.broader.remove(*(shared(up) for up in broader if up not in BROADER_BEFORE_GENERAL[slug]))


def test_a_new_installation_has_the_general_requests():
    rows = {row[0]: row for row in TERMS}
    for slug, words in GENERAL_TOPICS.items():
        # given up to speech therapy by migration 0016, moved to other terms by migrations 0017, 0020, 0024,
        # taken out as false friends by migration 0026
        kept = set(words) - set(SPEECH_LESS.get(slug, [])) - set(HOBBY_LESS.get(slug, []))
        kept -= (
            set(NARROWER_LESS.get(slug, []))
            | set(FARMING_LESS.get(slug, []))
            | set(FRIENDS_LESS.get(slug, []))
        )
        assert kept <= set(shared(slug).synonyms) | {rows[slug][2]}, slug
    assert shared("exact-sciences") in shared("informatics").broader.all()
    assert shared("chemistry") in shared("career-medicine").broader.all()


def test_an_older_installation_learns_them_keeps_its_own_and_goes_back(school):
    own = VocabularyTerm.objects.create(
        organization=school, kind="subject", name="Черчение", synonyms=["технарь", "плохие оценки"]
    )
    _as_before("неуд за четверть")
    before = {slug: list(shared(slug).synonyms) for slug in GENERAL_TOPICS}
    assert "технарь" not in before["exact-sciences"]
    assert shared("exact-sciences") not in shared("informatics").broader.all()

    migration.forward(apps, None)
    migration.forward(apps, None)  # twice: nothing doubled
    for slug, words in GENERAL_TOPICS.items():
        synonyms = shared(slug).synonyms
        assert set(words) - {shared(slug).name} <= set(synonyms), slug
        assert len(synonyms) == len(set(synonyms)), slug
    assert "неуд за четверть" in shared("performance").synonyms  # the region's word stays
    assert shared("exact-sciences") in shared("informatics").broader.all()
    assert shared("chemistry") in shared("career-medicine").broader.all()
    own.refresh_from_db()
    assert own.synonyms == ["технарь", "плохие оценки"] and own.organization == school

    migration.backward(apps, None)
    assert {slug: list(shared(slug).synonyms) for slug in GENERAL_TOPICS} == before
    assert shared("exact-sciences") not in shared("informatics").broader.all()
    assert shared("chemistry") not in shared("career-medicine").broader.all()
    assert shared("biology") in shared("career-medicine").broader.all()  # what 0012 did not add stays


def test_the_needs_migration_adds_its_words_once_and_takes_back_only_those(school):
    for slug in NEEDS_TOPICS:
        term = shared(slug)
        term.synonyms = [word for word in term.synonyms if word in SYNONYMS_BEFORE_NEEDS[slug]]
        term.save()
    behaviour = shared("behaviour")
    behaviour.synonyms = [*behaviour.synonyms, "врать"]  # a region added one of its words itself
    behaviour.save()
    before = {slug: list(shared(slug).synonyms) for slug in NEEDS_TOPICS}

    needs.forward(apps, None)
    needs.forward(apps, None)
    for slug, words in NEEDS_TOPICS.items():
        synonyms = shared(slug).synonyms
        assert set(words) <= set(synonyms), slug
        assert len(synonyms) == len(set(synonyms)), slug

    needs.backward(apps, None)
    after = {slug: list(shared(slug).synonyms) for slug in NEEDS_TOPICS}
    assert after == {**before, "behaviour": [w for w in before["behaviour"] if w != "врать"]}

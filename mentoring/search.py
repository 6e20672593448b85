"""The staff's search across the school's people, pairs and roadmap events (one results page).

The other apps are reached by model name (``apps.get_model``): this core app imports none of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.apps import apps

from .models import Programme
from .text_search import contains_word, query_words

LIMIT = 20
MIN_LENGTH = 2


def _words(query: str) -> list[str]:
    return query_words(query)


@dataclass
class SearchResults:
    query: str
    people: list[Any] = field(default_factory=list)
    pairs: list[Any] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.people) + len(self.pairs) + len(self.events)


def search(programme: Programme, query: str) -> SearchResults:
    """At most ``LIMIT`` people, pairs and events of the school's year whose names or titles hold every
    word; three queries (plus one for the pairs' members)."""
    results = SearchResults(query=query.strip())
    words = _words(query)
    if not words or len(" ".join(words)) < MIN_LENGTH:
        return results
    Person = apps.get_model("participants", "Person")
    people = Person.objects.filter(organization_id=programme.organization_id, anonymised_at__isnull=True)
    for word in words:
        people = people.filter(search_text__contains=word)
    results.people = list(people.order_by("last_name", "first_name", "patronymic", "pk")[:LIMIT])

    MentoringGroup = apps.get_model("pairing", "MentoringGroup")
    groups = MentoringGroup.objects.filter(programme=programme)
    for word in words:
        groups = groups.filter(members__person__search_text__contains=word)
    results.pairs = list(
        groups.distinct()
        .select_related("form")
        .prefetch_related("members__person")
        .order_by("-start_date", "-pk")[:LIMIT]
    )

    RoadmapEvent = apps.get_model("roadmap", "RoadmapEvent")
    events = RoadmapEvent.objects.filter(programme=programme)
    for word in words:
        events = events.filter(contains_word(word, "number", "title"))
    results.events = list(
        events.only("pk", "number", "title", "status", "section_id").order_by(
            "section__position", "section_id", "position", "pk"
        )[:LIMIT]
    )
    return results

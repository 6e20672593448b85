"""Cards other apps put on the start page (the dashboard) without the core importing them.

An app registers a provider in its ``AppConfig.ready``: ``register(provider)``, where ``provider(scope,
user)`` returns a list of cards, each a dict with the ``template`` to include and its own context. The
dependencies keep pointing one way: the core knows only this list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .access import Scope
    from .models import User

Card = dict[str, Any]
Provider = Callable[[Any, Any], list[Card]]

_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def cards_for(scope: Scope, user: User) -> list[Card]:
    cards: list[Card] = []
    for provider in _providers:
        cards.extend(provider(scope, user))
    return cards

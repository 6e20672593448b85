"""Searching Russian text the same way on PostgreSQL and SQLite: letter case and «ё»/«е» aside.

``folded(field)`` is the database expression ``REPLACE(LOWER(field), 'ё', 'е')`` and ``fold(text)`` the
same in Python, so ``queryset.filter(Contains(folded("title"), fold(word)))`` matches «Анкетирование»
for «АНКЕТ», «анкет» or «Анкет». PostgreSQL's ``lower()`` folds Cyrillic (a UTF-8 database); SQLite's
built-in one folds ASCII only (so does its ``LIKE``, which ``icontains`` uses), hence ``LOWER`` is
replaced on every SQLite connection by Python's Unicode ``str.lower`` (``register_sqlite_lower``,
connected in ``MentoringConfig.ready``). People keep a folded copy of their names instead
(``Person.search_text``), which an index serves.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F, Q, TextField, Value
from django.db.models.expressions import Combinable, Func
from django.db.models.functions import Lower, Replace
from django.db.models.lookups import Contains

# at most this many words of a query are matched (each must be found)
MAX_WORDS = 5


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def query_words(query: str) -> list[str]:
    """The folded words of a search query, at most MAX_WORDS."""
    return fold(query).split()[:MAX_WORDS]


def folded(field: str | Combinable) -> Func:
    expression = F(field) if isinstance(field, str) else field
    return Replace(Lower(expression), Value("ё"), Value("е"), output_field=TextField())


def contains_word(word: str, *fields: str) -> Q:
    """Any of ``fields`` holds ``word`` (already folded), letter case and «ё» aside."""
    condition = Q()
    for field in fields:
        condition |= Q(Contains(folded(field), word))
    return condition


def _lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def register_sqlite_lower(sender: Any = None, connection: Any = None, **kwargs: Any) -> None:
    """``connection_created``: SQLite's ``LOWER`` as Python's Unicode lower-casing."""
    if connection is not None and connection.vendor == "sqlite":
        connection.connection.create_function("LOWER", 1, _lower, deterministic=True)

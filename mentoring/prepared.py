"""Counting queries whose SQL the ORM compiles once per process, not on every request.

A start page asks a dozen counts (events overdue, mentees without a pair, plans waiting…). The database
answers each in well under a millisecond; Django spends more than that building the query — ``filter``,
``build_filter``, ``get_aggregation``, ``as_sql`` — and builds the same SQL again on every request, only
the programme and the day differ. A prepared query is written with the ORM as usual; the first call in a
process compiles it (without running it) and keeps the SQL and the places of its parameters, later calls
only bind the new values and run it through Django's cursor (so the query is still counted, logged and
seen by the connection's execute wrappers).

Rules for the query a builder returns (checked when it is compiled):

- every varying value is a parameter of the builder, used as it is (``programme_id=programme_id``,
  ``deadline__lt=today``) — a value computed inside the builder (``today + timedelta(…)``) would be
  frozen: compute it in the caller and pass it as a parameter of its own;
- the SQL must not depend on the values (no ``None``, no lists of varying length): the builder is
  compiled twice with different made-up values and both SQL texts must be the same;
- the result is one row of integers: ``.count()`` or ``.aggregate()`` of counts and sums (never NULL:
  ``Coalesce(Sum(…), 0)``) — or, for ``PreparedValues``, the rows of a ``values_list`` of texts and
  integers (columns the ORM hands over as the driver gives them).

The SQL is kept per database connection alias and vendor; it also freezes the settings the compiler read
(the time zone of a date truncation, for instance), which do not change while a process runs.
"""

from __future__ import annotations

import copy
import itertools
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from django.db import connections
from django.db.models import QuerySet

ParamType = type[int] | type[date] | type[datetime]


class _Captured(Exception):  # noqa: N818  not an error: carries the SQL out of the ORM's call
    def __init__(self, sql: str, params: tuple[Any, ...]) -> None:
        super().__init__("captured")
        self.sql = sql
        self.params = params


class PreparationError(RuntimeError):
    """The builder's query breaks one of the rules of a prepared query (see the module's docstring)."""


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]  # the constants; a parameter's places are replaced on each call
    places: dict[str, tuple[int, ...]]


def _sentinel(kind: ParamType, number: int, round_: int) -> Any:
    """A made-up value that no real query constant equals (checked by ``_places``)."""
    if kind is datetime:
        return datetime(1901 + number, 1 + round_, 3, 4, 5, 6, tzinfo=UTC)
    if kind is date:
        return date(1901 + number, 1 + round_, 7)
    if kind is int:
        return -1_987_654_321 - 1000 * number - round_
    raise TypeError(f"a prepared query's parameter is an int, a date or a datetime, not {kind!r}")


def _adapt(connection: Any, value: Any) -> Any:
    """The value as the ORM hands it to the driver (a date is a string on SQLite, for instance)."""
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, date):
        return connection.ops.adapt_datefield_value(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"a prepared query's parameter is an int, a date or a datetime, not {value!r}")
    return value


def _integer(value: Any) -> int:
    """A count or a sum as an int (PostgreSQL sums a bigint column as a numeric: a Decimal)."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal) or value != int(value):
        raise PreparationError(f"a prepared query answers integers, not {value!r}")
    return int(value)


class _Prepared:
    def __init__(self, build: Callable[..., Any], run: Callable[[Any], Any], params: Mapping[str, ParamType]):
        self._build = build
        self._run = run  # the ORM call on the builder's result: ``.count()`` or ``.aggregate(…)``
        self._params = dict(params)
        self._compiled: dict[tuple[str, str], _Compiled] = {}
        self._lock = threading.Lock()

    def _capture(self, connection: Any, values: dict[str, Any]) -> _Captured:
        def capture(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
            raise _Captured(sql, tuple(params or ()))

        # neither run nor logged: ``assertNumQueries`` and the query pins see only the real calls
        logged, connection.force_debug_cursor = connection.force_debug_cursor, False
        try:
            with connection.execute_wrapper(capture):
                self._run(self._build(**values))
        except _Captured as captured:
            return captured
        finally:
            connection.force_debug_cursor = logged
        raise PreparationError("the builder's query ran no SQL")

    def _compile(self, connection: Any) -> _Compiled:
        rounds = []
        for round_ in range(2):
            values = {
                name: _sentinel(kind, number, round_)
                for number, (name, kind) in enumerate(self._params.items())
            }
            rounds.append((values, self._capture(connection, values)))
        (first_values, first), (second_values, second) = rounds
        if first.sql != second.sql or len(first.params) != len(second.params):
            raise PreparationError("the SQL depends on the parameters' values")
        places: dict[str, tuple[int, ...]] = {}
        for name in self._params:
            one, two = _adapt(connection, first_values[name]), _adapt(connection, second_values[name])
            found = tuple(i for i, value in enumerate(first.params) if value == one)
            if not found or found != tuple(i for i, value in enumerate(second.params) if value == two):
                raise PreparationError(f"the parameter {name!r} is not used as it is")
            places[name] = found
        used = set(itertools.chain.from_iterable(places.values()))
        for i, (one, two) in enumerate(zip(first.params, second.params, strict=True)):
            if i not in used and one != two:
                raise PreparationError("a value derived from a parameter is in the SQL")
        return _Compiled(first.sql, first.params, places)

    def _statement(self, using: str, values: Mapping[str, Any]) -> tuple[Any, str, list[Any]]:
        """The connection, the compiled SQL and its parameters with these values bound."""
        if set(values) != set(self._params):
            raise TypeError(f"the parameters are {sorted(self._params)}, not {sorted(values)}")
        connection = connections[using]
        key = (connection.alias, connection.vendor)
        compiled = self._compiled.get(key)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(key) or self._compile(connection)
                self._compiled[key] = compiled
        params = list(compiled.params)
        for name, places in compiled.places.items():
            value = _adapt(connection, values[name])
            for i in places:
                params[i] = value
        return connection, compiled.sql, params

    def row(self, using: str, values: Mapping[str, Any]) -> tuple[Any, ...]:
        connection, sql, params = self._statement(using, values)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        if row is None:
            raise PreparationError("a prepared query answers one row")
        return tuple(_integer(value) for value in row)

    def rows(self, using: str, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        connection, sql, params = self._statement(using, values)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [tuple(row) for row in cursor.fetchall()]


class PreparedCount:
    """``build(**params).count()``, compiled once: ``PreparedCount(build, programme_id=int)(programme_id=7)``."""

    def __init__(self, build: Callable[..., QuerySet[Any]], **params: ParamType) -> None:
        self._prepared = _Prepared(build, lambda queryset: queryset.count(), params)

    def __call__(self, using: str = "default", **values: Any) -> int:
        return int(self._prepared.row(using, values)[0])


class PreparedAggregate:
    """``queryset.aggregate(**aggregates)`` (counts and sums: integers, never NULL) where ``build(**params)`` returns ``(queryset, aggregates)``,
    compiled once; the call returns the same dict of counts as ``aggregate``."""

    def __init__(
        self, build: Callable[..., tuple[QuerySet[Any], dict[str, Any]]], **params: ParamType
    ) -> None:
        self._names: tuple[str, ...] = ()

        def run(built: tuple[QuerySet[Any], dict[str, Any]]) -> Any:
            queryset, aggregates = built
            # ``get_aggregation`` selects the aggregates in the order they are given: the row's order
            self._names = tuple(aggregates)
            return queryset.aggregate(**aggregates)

        self._prepared = _Prepared(build, run, params)

    def __call__(self, using: str = "default", **values: Any) -> dict[str, int]:
        row = self._prepared.row(using, values)
        if len(row) != len(self._names):
            raise PreparationError("the row does not have a value per aggregate")
        return dict(zip(self._names, row, strict=True))


def _unconverted(queryset: QuerySet[Any], using: str) -> QuerySet[Any]:
    """The queryset, if the ORM would hand its columns over as the driver gives them: no converter of a
    field (a date, a boolean on SQLite, a decimal, JSON) nor of the backend between the cursor and the rows."""
    compiler = queryset.query.get_compiler(using=using)
    compiler.setup_query()
    if compiler.get_converters([column for column, _sql, _alias in compiler.select]):
        raise PreparationError(
            "a prepared list's columns are texts and integers, read as the database sends them"
        )
    return queryset


class PreparedValues:
    """``build(**params)`` — a ``values_list`` of text and integer columns — compiled once: the call returns
    its rows as tuples, as ``values_list`` would (the ORM applies no converter to such columns; one that
    it would — a date, a boolean, a decimal — is refused when the query is compiled).

    For the short lists of choices a page reads whatever its size (the classes of a base, the mentors of
    a filter): building their query cost more than the database's answer."""

    def __init__(self, build: Callable[..., QuerySet[Any]], **params: ParamType) -> None:
        def run(queryset: QuerySet[Any]) -> Any:
            return list(_unconverted(queryset, queryset.db))

        self._prepared = _Prepared(build, run, params)

    def __call__(self, using: str = "default", **values: Any) -> list[tuple[Any, ...]]:
        return self._prepared.rows(using, values)


class PreparedModels:
    """``list(build(**params))`` — model instances, with their annotations and ``select_related``
    relations — where the queryset's SQL is compiled once: later calls bind the values and let the ORM's
    own iterator read the rows through a copy of the compiler kept from the first call (its columns, the
    converters of its fields, the related models it fills), so the instances are the ORM's.

    For the rows of a list page whose query costs more to build than to answer (the roadmap table's
    events: the ORM's ``filter``/``annotate``/``as_sql`` took more than the database and the sixty
    instances together). A slice (``[:50]``) is part of the SQL: a page further on is another query."""

    def __init__(self, build: Callable[..., QuerySet[Any]], **params: ParamType) -> None:
        self._build = build
        self._params = dict(params)
        self._kept: dict[tuple[str, str], tuple[QuerySet[Any], Any]] = {}

        def run(queryset: QuerySet[Any]) -> Any:
            return list(queryset)

        self._prepared = _Prepared(build, run, params)
        self._lock = threading.Lock()

    def _compiled(self, connection: Any) -> tuple[QuerySet[Any], Any]:
        """The queryset built with made-up values and its compiler, set up (select, related models)."""
        key = (connection.alias, connection.vendor)
        kept = self._kept.get(key)
        if kept is None:
            with self._lock:
                kept = self._kept.get(key)
                if kept is None:
                    values = {
                        name: _sentinel(kind, number, 0)
                        for number, (name, kind) in enumerate(self._params.items())
                    }
                    queryset = self._build(**values)
                    compiler = queryset.query.get_compiler(connection=connection)
                    compiler.as_sql()  # sets up its columns, the related models to fill, its annotations
                    kept = self._kept[key] = (queryset, compiler)
        return kept

    def __call__(self, using: str = "default", **values: Any) -> list[Any]:
        connection, sql, params = self._prepared._statement(using, values)  # noqa: SLF001 (same module)
        queryset, compiler = self._compiled(connection)
        bound = copy.copy(compiler)
        bound.connection = connection  # this thread's
        bound.as_sql = lambda *_args, **_kwargs: (sql, params)
        chained = queryset._chain()  # type: ignore[attr-defined]  # noqa: SLF001 (a fresh queryset on the kept query)
        chained.query.get_compiler = lambda *_args, **_kwargs: bound
        return list(chained)


class PreparedPages:
    """A list page's rows for ``django.core.paginator.Paginator``: ``build(**params)`` — an ordered
    queryset — counted and sliced through queries compiled once per process (the count once, each page
    once: a slice is part of the SQL). ``bind(**values)`` gives what the paginator reads."""

    KEPT = 64  # the pages a list keeps compiled (all dropped when there would be more)

    def __init__(self, build: Callable[..., QuerySet[Any]], **params: ParamType) -> None:
        self._build = build
        self._params = params
        self._count = PreparedCount(build, **params)
        self._pages: dict[tuple[int, int | None], PreparedModels] = {}
        self._lock = threading.Lock()

    def _page(self, start: int, stop: int | None) -> PreparedModels:
        prepared = self._pages.get((start, stop))
        if prepared is None:
            with self._lock:
                if len(self._pages) >= self.KEPT:
                    self._pages.clear()
                build = self._build
                prepared = self._pages.setdefault(
                    (start, stop),
                    PreparedModels(lambda **values: build(**values)[start:stop], **self._params),
                )
        return prepared

    def bind(self, using: str = "default", **values: Any) -> BoundPages:
        return BoundPages(self, using, values)


class BoundPages:
    """``PreparedPages`` with its values: ``count()`` and ``[start:stop]``, as a queryset for a paginator."""

    def __init__(self, pages: PreparedPages, using: str, values: dict[str, Any]) -> None:
        self._pages, self._using, self._values = pages, using, values

    def count(self) -> int:
        return self._pages._count(self._using, **self._values)  # noqa: SLF001 (same module)

    def __getitem__(self, index: slice) -> list[Any]:
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("a page is a slice")
        start, stop = index.start or 0, index.stop
        if stop is not None and stop <= start:
            return []  # the first page of an empty list: the ORM asks nothing either
        return self._pages._page(start, stop)(self._using, **self._values)  # noqa: SLF001 (same module)


class PreparedIdLists:
    """``list(build(ids, **params))`` for a list of ids of any length — the organisations of a chain, the
    schools of an authority — compiled once per process and size of list: the ids are padded with 0 (no
    row has it, so ``IN (…, 0)`` keeps the same rows) up to the next of ``SIZES``; a longer list is left
    to the ORM as it is. ``build`` must use the ids only in an ``IN``; the rows are read as
    ``PreparedModels`` reads them (model instances, or the rows of ``values``/``values_list``). An empty
    list is asked too (the ORM would skip an ``AND … IN ()``: a caller that wants no query checks first)."""

    SIZES = (4, 16, 64)

    def __init__(self, build: Callable[..., QuerySet[Any]], **params: ParamType) -> None:
        self._build = build
        self._params = params
        self._sized: dict[int, PreparedModels] = {}
        self._lock = threading.Lock()

    def _of_size(self, size: int) -> PreparedModels:
        prepared = self._sized.get(size)
        if prepared is None:
            names = tuple(f"id{number}" for number in range(size))
            build = self._build

            def sized(**values: Any) -> QuerySet[Any]:
                return build([values.pop(name) for name in names], **values)

            with self._lock:
                prepared = self._sized.setdefault(
                    size, PreparedModels(sized, **dict.fromkeys(names, int), **self._params)
                )
        return prepared

    def __call__(self, ids: Iterable[int], using: str = "default", **values: Any) -> list[Any]:
        ids = list(dict.fromkeys(ids))
        size = next((size for size in self.SIZES if size >= len(ids)), None)
        if size is None:
            return list(self._build(ids, **values).using(using))
        padded = {f"id{number}": pk for number, pk in enumerate([*ids, *[0] * (size - len(ids))])}
        return self._of_size(size)(using, **padded, **values)

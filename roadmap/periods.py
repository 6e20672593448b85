"""Reading the «Сроки» (period) cell of a school roadmap into dated periods.

Pure module: standard library only, no Django; warnings are marked with ``_()`` from
:mod:`mentoring.messages` and translated at call time.

``parse_periods(text, start_year)`` reads the free text a school writes in the «Сроки» column;
``start_year`` is the first calendar year of the academic year (2023 for 2023/2024; the academic year
runs from 1 September ``start_year`` to 31 August ``start_year + 1``).

How the text is read
--------------------
* The text is split into *items* by ``,``, ``;`` and the word «и». Every item gives zero or more
  periods; several dates in one item without a separator between them («Декабрь 2023 Май 2024») are
  separate periods, like a list. A line break is a space for the grammar, because table cells wrap
  inside a period («август⏎2020», «Октябрь –⏎Ноябрь 2023»); «Декабрь 2023⏎Май 2024» still gives two
  periods. Lines matter only for «ежегодно» (below).
* Months are recognised in any case and grammatical form, full or abbreviated (январь, января, январе,
  янв., сент., нояб. …), glued to a year («ноябрь2020») or followed by «г», «г.», «гг.», «год», «года».
* A month without a year belongs to the academic year: September–December to ``start_year``,
  January–August to ``start_year + 1``. An explicit year always wins («август 2020» in 2020/2021 is
  August 2020).
* Ranges: ``X - Y`` with any dash, «/», «с X по Y», «с X до Y», and two months glued together
  («апрельмай» = April–May, a real typo). A year written on one end only applies to both ends
  («Октябрь – Ноябрь 2023», «Декабрь – апрель 2024» = December 2023 – April 2024). With no year at
  all, both ends are placed in the academic year and, if the end then falls before the start, the end
  moves one year on («март-ноябрь» in 2020/2021 = March 2021 – November 2021). A range whose end is
  still before its start is not read.
* Exact dates: «15.09.2023», «15.09.23», «2023-09-15», «15 сентября 2023», «01.09.2023 – 30.09.2023»,
  «1-15 октября», «с 1 по 15 октября» (the first day takes the month of the second).
  «до / по / к / не позднее X» (a deadline) is the period from 1 September of ``start_year`` to X; if X
  comes before that day, the period is X alone. «с X» without an end runs to the 31 August that ends
  the academic year containing X. Ends are inclusive: «до декабря» includes December.
* The whole academic year (1 September – 31 August): «в течение года», «в течение учебного года»,
  «весь учебный год», «постоянно», «круглогодично», and a range of years «2023 – 2024 г.»,
  «2023/2024 уч. год», «2023-24» (a range of several years runs from 1 September of the first to
  31 August of the last). A single year alone («2024 г.») is that calendar year, January–December,
  unless «учебный год» follows it («2023 учебный год» = 2023/2024).
* School terms of the academic year: четверти I = September–October, II = November–December,
  III = January–March, IV = April–May; полугодия 1 = September–December, 2 = January–May;
  триместры 1 = September–November, 2 = December–February, 3 = March–May. The ordinal may be Roman
  (I–IV), a digit («1», «1-я», «2-е») or a word («первая», «второе»); «I–II четверть» is a range. A year
  after a term picks the academic year («III четверть 2024» = January–March 2024,
  «I четверть 2023/2024» = September–October 2023).
* «ежегодно» (or «каждый год») makes periods repeat every year: those of its item written on its line
  («сентябрь 2020⏎январь-февраль ежегодно»: only January–February), or all of its item if none is on
  that line. Written as an item of its own («ноябрь2020, ежегодно по мере необходимости»,
  «ежегодно, май») it qualifies the periods of its line, or, if that line has none, of the whole text;
  with no period at all it means the whole academic year, every year.
* Remarks in brackets «(дополнительно по запросу)» and words that say nothing about dates
  («по мере необходимости», «в течение», «по запросу») are ignored; they stay in the period's ``text``.

* Seasons: «весна» March–May, «лето» June–August, «осень» September–November, «зима» December–February
  (nouns only: «весенние каникулы» are not read). Without a year the season of the academic year;
  «зима 2027» is the winter that ends in 2027. «05.2027», «5/2027» is that month; «ноябрь, 2026» is
  November 2026 (a comma between a month and its year does not separate items).
* Schedules (:class:`Recurrence`): «еженедельно», «раз в неделю», «по пятницам»; «ежемесячно», «каждый
  месяц», «до 25 числа каждого месяца»; «ежеквартально» (calendar quarters); «1 раз в четверть», «по итогам
  четвертей» (school terms); «раз в полугодие». The schedule's words are taken out and the rest of the text
  gives the span it runs in («ежемесячно с октября по март»); without one, or with a single month for a
  schedule longer than a week («сентябрь 2023, ежемесячно»), it runs through the school months to 31 May.
  :func:`occurrences` lists the times it happens and when each is due. Two different schedules in one
  text: the first is kept, the other is warned about.

What is not read
----------------
* Empty text, «_____» placeholders and a lone «-» / «—» give no period and no warning.
* Text with nothing readable («по согласованию с РНЦ», «в течение месяца после приказа», a blank form
  date ««___» ______ 2024 г.») gives ONE undated ``Period`` holding the text as written and a warning.
* When part of the text is read, the read periods are kept, and an unread part that looks like a date
  or a period (month or date words, numbers, «неделя», «конец», «каникулы» …) is named in a warning.

Every period keeps in ``text`` the piece of the original text it came from; unread pieces join the
period before them (or the first one), so no text is lost.

Writing back: ``format_period`` gives «октябрь 2023», «октябрь – ноябрь 2023», «декабрь 2023 – апрель
2024», «15.09.2023», «01.09.2023 – 15.09.2023», «весь учебный год 2023/2024», with «ежегодно: » in front
of a yearly period; what it writes reads back to the same period. ``shift_years`` moves both dates by
whole years (29 February → 28 February); a period of whole months keeps ending on its month's last day.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum, auto

from mentoring.messages import _

__all__ = [
    "Occurrence",
    "Period",
    "PeriodParse",
    "Recurrence",
    "format_period",
    "format_recurrence",
    "occurrences",
    "parse_periods",
    "schedule_occurrences",
    "shift_years",
    "shift_years_in_text",
]


@dataclass(frozen=True)
class Recurrence:
    """A schedule inside a period: «ежемесячно до 25 числа», «еженедельно по пятницам», «1 раз в четверть»."""

    unit: str  # one of RECURRENCE_UNITS
    day: int | None = None  # the due day of the month («до 25 числа»), months only
    weekday: int | None = None  # the due weekday, 0 = Monday («по пятницам»), weeks only


RECURRENCE_UNITS = ("week", "month", "quarter", "term", "half")


@dataclass(frozen=True)
class Period:
    start: date | None  # None only when the text could not be read
    end: date | None
    yearly: bool  # repeats every year («ежегодно»)
    text: str  # the piece of the original text this period came from, as written (stripped)
    recurrence: Recurrence | None = None  # the event recurs inside start … end


@dataclass(frozen=True)
class Occurrence:
    """One time a recurring event happens: its span and the day it is due."""

    start: date
    end: date
    due: date


@dataclass(frozen=True)
class PeriodParse:
    periods: tuple[Period, ...]
    warnings: tuple[str, ...]  # user-facing, translated (see mentoring.messages)


# ---------------------------------------------------------------- tokens


class _Kind(Enum):
    REMARK = auto()  # (…) — ignored
    BLANK = auto()  # ____ — a form field left empty
    LIST = auto()  # , ; и — separates items
    NEWLINE = auto()  # a line break: a cell may wrap inside a period («август⏎2020»)
    DASH = auto()  # - – — / — separates the ends of a range
    DATE = auto()  # 15.09.2023, 15.09, 2023-09-15
    ORDINAL = auto()  # I, II, 1-я, первая — numbers a term
    YEAR = auto()  # 2023
    NUMBER = auto()  # 15
    MONTH = auto()
    TERM = auto()  # четверть, полугодие, триместр
    FROM = auto()  # с, со, от, начиная с
    UNTIL = auto()  # до, по (also range separators); к, не позднее (deadline only)
    YEARLY = auto()  # ежегодно, каждый год
    RECUR = auto()  # ежемесячно, еженедельно, 1 раз в четверть, по пятницам (term: unit, value: weekday + 1)
    DAY_OF_MONTH = auto()  # «25 числа»
    SEASON = auto()  # весна, осень… (value: the season's first month)
    WHOLE = auto()  # постоянно, круглогодично
    ACADEMIC = auto()  # учебный, уч.
    YEAR_WORD = auto()  # г, г., гг., год, года
    THIS = auto()  # текущего, этого, данного, сего (… года)
    WORD = auto()
    OTHER = auto()  # any other single character


@dataclass(frozen=True)
class _Token:
    kind: _Kind
    start: int
    end: int
    value: int = 0  # month, year, number, ordinal; 1 for an UNTIL that may separate a range
    date_parts: tuple[int | None, int, int | None] = (0, 0, None)  # DATE: day (None: a month), month, year
    term: str = ""  # TERM: "quarter", "half", "trimester"
    datelike: bool = False  # left unread, it deserves a warning
    line: int = 0  # the line of the text the token is on


_L = "а-яa-z"
_WORD_END = rf"(?![{_L}])"
_MONTH_FORMS = (
    r"январ[ьяюе]|янв",
    r"феврал[ьяюе]|февр?",
    r"март[аеу]?|мар",
    r"апрел[ьяюе]|апр",
    r"ма[йяюе]",
    r"июн[ьяюе]|июн",
    r"июл[ьяюе]|июл",
    r"август[аеу]?|авг",
    r"сентябр[ьяюе]|сент?",
    r"октябр[ьяюе]|окт",
    r"ноябр[ьяюе]|нояб?",
    r"декабр[ьяюе]|дек",
)
_ANY_MONTH = "|".join(f"(?:{form})" for form in _MONTH_FORMS)
# a month ends where the word ends, or where another month begins («апрельмай»)
_MONTH = re.compile(
    "(?:" + "|".join(f"(?P<m{n}>{form})" for n, form in enumerate(_MONTH_FORMS, 1)) + ")"
    rf"\.?(?=[^{_L}]|$|(?:{_ANY_MONTH})(?:[^{_L}]|$))"
)
_DATE = re.compile(r"(?<![0-9])([0-9]{1,2})[./]([0-9]{1,2})(?:[./]((?:19|20)[0-9]{2}|[0-9]{2}))?(?![0-9])")
_ISO_DATE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})-([0-9]{1,2})-([0-9]{1,2})(?![0-9])")
_ORDINAL_DIGIT = re.compile(rf"(?<![0-9])([1-4])-?(?:ая|ое|ой|ом|ую|ого|го|ый|я|е|й){_WORD_END}")
_ORDINAL_WORDS = {
    1: r"перв(?:ая|ое|ой|ую|ого|ый|ом)",
    2: r"втор(?:ая|ое|ой|ую|ого|ом)",
    3: r"трет(?:ья|ье|ьей|ью|ьего|ий)",
    4: r"четв[её]рт(?:ая|ой|ую|ое|ого|ый|ом)",
}
_ROMAN = {"iv": 4, "iii": 3, "ii": 2, "i": 1}
_TERMS = {
    "quarter": r"четверт(?:ь|и|ям|ей)",
    "half": r"полугоди[а-я]*",
    "trimester": r"триместр[а-я]*",
}
_SIMPLE: tuple[tuple[_Kind, str, int], ...] = (
    (_Kind.REMARK, r"\([^)]*\)?", 0),
    (_Kind.BLANK, r"_+", 0),
    (_Kind.LIST, rf"[,;]|и{_WORD_END}", 0),
    (_Kind.NEWLINE, r"\n", 0),
    (_Kind.DASH, r"[-‐‑‒–—―−/]+", 0),
    (_Kind.YEAR, r"(?<![0-9])(?:19[5-9][0-9]|20[0-9][0-9])(?![0-9])", 0),
    (_Kind.NUMBER, r"[0-9]+", 0),
    (_Kind.FROM, rf"(?:начиная\s+)?(?:со|с|от){_WORD_END}", 0),
    (_Kind.UNTIL, rf"(?:до|по){_WORD_END}", 1),
    (_Kind.UNTIL, rf"(?:к|ко|не\s+позднее|не\s+позже){_WORD_END}", 0),
    (_Kind.YEARLY, rf"ежегодн[а-я]*|кажд[а-я]*\s+(?:учебн[а-я]*\s+)?год(?:а|у)?{_WORD_END}", 0),
    (_Kind.WHOLE, rf"постоян[а-я]*|круглогодичн[а-я]*|кругл(?:ый|ого)\s+год[а-я]*{_WORD_END}", 0),
    (_Kind.ACADEMIC, rf"учебн[а-я]*|уч{_WORD_END}\.?", 0),
    (_Kind.YEAR_WORD, rf"(?:год|года|году|годом|годе){_WORD_END}", 1),  # 1: may stand for a whole year
    (_Kind.YEAR_WORD, rf"гг?{_WORD_END}\.?", 0),
    (_Kind.THIS, rf"(?:текущ[а-я]*|этого|этом|данного|данном|сего){_WORD_END}", 0),
)
_COMPILED = tuple((kind, re.compile(pattern), value) for kind, pattern, value in _SIMPLE)
_ONCE = r"(?:(?:1|один|одного)\s+)?раз\s+в\s+"
_RECURRENCES: tuple[tuple[str, str], ...] = (
    ("week", rf"еженедельн[а-я]*|кажд(?:ую|ой)\s+недел[а-я]*|{_ONCE}недел[а-я]*"),
    ("month", rf"ежемесячн[а-я]*|кажд(?:ый|ого|ом)\s+месяц[а-я]*|{_ONCE}месяц"),
    ("quarter", rf"ежекварталь?н[а-я]*|кажд(?:ый|ого|ом)\s+квартал[а-я]*|{_ONCE}квартал|по\s+кварталам"),
    (
        "term",
        rf"ежечетвертн[а-я]*|кажд(?:ую|ой)\s+(?:учебн[а-я]*\s+)?четверт[а-я]*|{_ONCE}(?:учебн[а-я]*\s+)?четверть"
        r"|по\s+(?:итогам\s+)?четверт(?:ям|ей)",
    ),
    ("half", rf"кажд(?:ое|ого|ом)\s+полугоди[а-я]*|{_ONCE}полугоди[а-я]*|по\s+полугодиям"),
)
_RECUR_RES = tuple((unit, re.compile(f"(?:{pattern}){_WORD_END}")) for unit, pattern in _RECURRENCES)
_WEEKDAYS = ("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень")
_WEEKDAY_RE = re.compile(r"(?:кажд[а-я]*|по)\s+(" + "|".join(_WEEKDAYS) + rf")[а-я]*{_WORD_END}")
_DAY_OF_MONTH = re.compile(rf"(?<![0-9])([0-9]{{1,2}})(?:-?(?:го|е|ое))?\s+числ[а-я]*{_WORD_END}")
_MONTH_YEAR = re.compile(r"(?<![0-9.])(0?[1-9]|1[0-2])[./]((?:19|20)[0-9]{2})(?![0-9])")
# nouns only: «весенние каникулы» are not the whole spring
_SEASONS = (
    (3, r"весн(?:а|ой|ы|е|у)"),
    (6, r"лет(?:о|ом|а|е)"),
    (9, r"осен(?:ь|ью|и)"),
    (12, r"зим(?:а|ой|ы|е|у)"),
)
_SEASON_RES = tuple((month, re.compile(pattern + _WORD_END)) for month, pattern in _SEASONS)
_ORDINAL_WORD_RES = tuple((n, re.compile(pattern + _WORD_END)) for n, pattern in _ORDINAL_WORDS.items())
_ROMAN_RE = re.compile(r"(?:iv|iii|ii|i)(?![a-z])")
_TERM_RES = tuple((name, re.compile(pattern + _WORD_END)) for name, pattern in _TERMS.items())
_WORD = re.compile(r"[^\W\d_]+")
_DATELIKE_WORD = re.compile(
    r"месяц.*|недел.*|дн[еияю].*|день|сут.*|час.*|числ.*|квартал.*|декад.*|семестр.*|конец|конц.*|"
    r"начал.*|середин.*|половин.*|каникул.*|после|перед|ранее|раньше|позднее|позже|срок.*|"
    r"ежемесячн.*|еженедел.*|ежекварт.*|ежедневн.*|раз|раза|лет.*|зим.*|весн.*|осен.*|полгода|"
    r"следующ.*|прошл.*|будущ.*|дата|даты|дату|январ.*|феврал.*|март.*|апрел.*|июн.*|июл.*|"
    r"август.*|сентябр.*|октябр.*|ноябр.*|декабр.*"
)


def _normalise(text: str) -> str:
    """Lower case and «е» for «ё», keeping every character at its place (offsets stay valid)."""
    chars = []
    for char in text:
        lower = char.lower()
        chars.append(lower if len(lower) == 1 else char)
    return "".join(chars).replace("ё", "е")


def _match_token(text: str, pos: int) -> _Token:
    """The token that starts at ``pos`` (never fails: an unknown character is OTHER). The patterns are
    tried in a fixed order: dates and repetitions first, then numbers and words."""
    token = _match_dates(text, pos)
    if token is None:
        token = _match_words(text, pos)
    return token if token is not None else _Token(_Kind.OTHER, pos, pos + 1)


def _match_dates(text: str, pos: int) -> _Token | None:
    """A date, a month of a year, a day of the month, a repetition, a weekday or a season."""
    if match := _MONTH_YEAR.match(text, pos):  # «05.2027»: the whole month
        return _Token(
            _Kind.DATE, pos, match.end(), date_parts=(None, int(match.group(1)), int(match.group(2)))
        )
    if match := _DAY_OF_MONTH.match(text, pos):
        return _Token(_Kind.DAY_OF_MONTH, pos, match.end(), value=int(match.group(1)))
    for unit, pattern in _RECUR_RES:
        if match := pattern.match(text, pos):
            return _Token(_Kind.RECUR, pos, match.end(), term=unit)
    if match := _WEEKDAY_RE.match(text, pos):
        weekday = _WEEKDAYS.index(match.group(1))
        return _Token(_Kind.RECUR, pos, match.end(), term="week", value=weekday + 1)
    for month, pattern in _SEASON_RES:
        if match := pattern.match(text, pos):
            return _Token(_Kind.SEASON, pos, match.end(), value=month)
    if match := _ISO_DATE.match(text, pos):
        year, month, day = (int(group) for group in match.groups())
        return _Token(_Kind.DATE, pos, match.end(), date_parts=(day, month, year))
    if match := _DATE.match(text, pos):
        written_year = _full_year(match.group(3))  # None: a day and month without a year
        return _Token(
            _Kind.DATE, pos, match.end(), date_parts=(int(match.group(1)), int(match.group(2)), written_year)
        )
    return None


def _match_words(text: str, pos: int) -> _Token | None:
    """An ordinal, a year or number, a month, a term, a Roman numeral or a plain word."""
    if match := _ORDINAL_DIGIT.match(text, pos):
        return _Token(_Kind.ORDINAL, pos, match.end(), value=int(match.group(1)))
    for kind, pattern, value in _COMPILED:
        if match := pattern.match(text, pos):
            if kind in (_Kind.YEAR, _Kind.NUMBER):
                value = int(match.group()) if len(match.group()) <= 4 else 0  # no day or year is longer
            return _Token(kind, pos, match.end(), value=value)
    if match := _MONTH.match(text, pos):
        month = next(int(name[1:]) for name, found in match.groupdict().items() if found)
        return _Token(_Kind.MONTH, pos, match.end(), value=month)
    for name, pattern in _TERM_RES:
        if match := pattern.match(text, pos):
            return _Token(_Kind.TERM, pos, match.end(), term=name)
    for number, pattern in _ORDINAL_WORD_RES:
        if match := pattern.match(text, pos):
            return _Token(_Kind.ORDINAL, pos, match.end(), value=number)
    if match := _ROMAN_RE.match(text, pos):
        return _Token(_Kind.ORDINAL, pos, match.end(), value=_ROMAN[match.group()])
    if match := _WORD.match(text, pos):
        datelike = _DATELIKE_WORD.fullmatch(match.group()) is not None
        return _Token(_Kind.WORD, pos, match.end(), datelike=datelike)
    return None


def _full_year(written: str | None) -> int | None:
    if written is None:
        return None
    return int(written) + 2000 if len(written) == 2 else int(written)


_DATELIKE_KINDS = {
    _Kind.BLANK,
    _Kind.DATE,
    _Kind.ORDINAL,
    _Kind.YEAR,
    _Kind.NUMBER,
    _Kind.MONTH,
    _Kind.TERM,
    _Kind.DAY_OF_MONTH,
    _Kind.SEASON,
}


def _tokenize(text: str) -> list[_Token]:
    normal = _normalise(text)
    tokens: list[_Token] = []
    pos = line = 0
    while pos < len(normal):
        if normal[pos].isspace() and normal[pos] != "\n":
            pos += 1
            continue
        token = replace(_match_token(normal, pos), line=line)
        if token.kind in _DATELIKE_KINDS:
            token = replace(token, datelike=True)
        line += normal.count("\n", token.start, token.end)
        tokens.append(token)
        pos = token.end
    return tokens


# ---------------------------------------------------------------- dates


@dataclass(frozen=True)
class _Point:
    """A date as written: a day, a month or a whole year; a missing year is filled in later."""

    year: int | None
    month: int | None = None
    day: int | None = None
    academic: bool = False  # «2023 учебный год»

    @property
    def year_only(self) -> bool:
        return self.month is None and self.day is None

    @property
    def day_only(self) -> bool:
        return self.month is None and self.day is not None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _academic_year(start_year: int) -> tuple[date, date]:
    return date(start_year, 9, 1), date(start_year + 1, 8, 31)


def _year_of_month(month: int, start_year: int) -> int:
    """September–December belong to the first calendar year of the academic year, the rest to the second."""
    return start_year if month >= 9 else start_year + 1


def _school_year_of(day: date) -> int:
    return day.year if day.month >= 9 else day.year - 1


def _first_day(point: _Point) -> date:
    assert point.year is not None and point.month is not None
    return date(point.year, point.month, 1 if point.day is None else point.day)


def _last_day(point: _Point) -> date:
    assert point.year is not None and point.month is not None
    if point.day is None:
        return _month_end(point.year, point.month)
    return date(point.year, point.month, point.day)


def _year_span(point: _Point) -> tuple[date, date]:
    assert point.year is not None
    if point.academic:
        return _academic_year(point.year)
    return date(point.year, 1, 1), date(point.year, 12, 31)


def _resolve_single(point: _Point, start_year: int) -> tuple[date, date] | None:
    if point.day_only or (point.year is None and point.month is None):
        return None
    if point.year_only:
        return _year_span(point)
    assert point.month is not None
    dated = replace(point, year=point.year or _year_of_month(point.month, start_year))
    try:
        return _first_day(dated), _last_day(dated)
    except ValueError:  # 31 ноября
        return None


def _order_key(point: _Point, *, end: bool) -> tuple[int, int]:
    assert point.month is not None
    return point.month, point.day or (31 if end else 1)


def _resolve_range(first: _Point, last: _Point, start_year: int) -> tuple[date, date] | None:
    if last.day_only or (last.year is None and last.month is None):
        return None
    if first.day_only:
        if last.year_only:
            return None
        first = replace(first, year=last.year, month=last.month)
    if first.year_only or last.year_only:
        return _resolve_year_range(first, last)
    assert first.month is not None and last.month is not None
    if first.year is None and last.year is None:
        first = replace(first, year=_year_of_month(first.month, start_year))
        last = replace(last, year=_year_of_month(last.month, start_year))
        assert first.year is not None and last.year is not None
        if (last.year, last.month) < (first.year, first.month):  # «март-ноябрь»: March – November
            last = replace(last, year=last.year + 1)
    elif first.year is None:
        assert last.year is not None
        later = _order_key(first, end=False) > _order_key(last, end=True)
        first = replace(first, year=last.year - 1 if later else last.year)
    elif last.year is None:
        earlier = _order_key(last, end=True) < _order_key(first, end=False)
        last = replace(last, year=first.year + 1 if earlier else first.year)
    try:
        start, end = _first_day(first), _last_day(last)
    except ValueError:
        return None
    return (start, end) if start <= end else None


def _resolve_year_range(first: _Point, last: _Point) -> tuple[date, date] | None:
    """«2023 – 2024 г.»: the academic years from the first to the last; one year twice is that year."""
    if not (first.year_only and last.year_only) or first.year is None or last.year is None:
        return None
    if last.year == first.year:
        return _year_span(first)
    if last.year < first.year:
        return None
    return date(first.year, 9, 1), date(last.year, 8, 31)


# ---------------------------------------------------------------- grammar

_Found = tuple[tuple[date, date], int]  # the dates read and the index of the next token


class _Reader:
    """Reads the periods of one item (the tokens between two list separators)."""

    def __init__(self, tokens: list[_Token], start_year: int) -> None:
        self.tokens = tokens
        self.start_year = start_year

    def kind(self, index: int) -> _Kind | None:
        return self.tokens[index].kind if index < len(self.tokens) else None

    def element(self, index: int) -> _Found | None:
        """The period that starts at ``index``, if one does."""
        for read in (self._deadline, self._range, self._term, self._whole_year, self._season):
            if found := read(index):
                return found
        return None

    # -- points

    def point(self, index: int) -> tuple[_Point, int] | None:
        token = self.tokens[index] if index < len(self.tokens) else None
        if token is None:
            return None
        if token.kind is _Kind.DATE:
            day, month, year = token.date_parts
            if not 1 <= month <= 12:
                return None
            return self._with_year(_Point(year, month, day), index + 1)
        if token.kind is _Kind.NUMBER and self.kind(index + 1) is _Kind.MONTH:
            return self._with_year(_Point(None, self.tokens[index + 1].value, token.value), index + 2)
        if token.kind is _Kind.MONTH:
            return self._with_year(_Point(None, token.value), index + 1)
        if token.kind is _Kind.YEAR:
            return self._year_words(_Point(token.value), index + 1)
        if token.kind is _Kind.NUMBER and 1 <= token.value <= 31:
            return _Point(None, day=token.value), index + 1
        return None

    def _with_year(self, point: _Point, index: int) -> tuple[_Point, int]:
        """A written year after a day or month («мая 2025 г.»), or «текущего (учебного) года»."""
        if point.year is not None:
            return self._year_words(point, index)
        if self.kind(index) is _Kind.YEAR:
            return self._year_words(replace(point, year=self.tokens[index].value), index + 1)
        if self.kind(index) is _Kind.THIS:
            end = index + 1 + (self.kind(index + 1) is _Kind.ACADEMIC)
            if self.kind(end) is _Kind.YEAR_WORD:
                return point, end + 1
        return point, index

    def _year_words(self, point: _Point, index: int) -> tuple[_Point, int]:
        """Skips «г.», «года», «учебного года» after a year; «учебный» makes a lone year academic."""
        while self.kind(index) in (_Kind.YEAR_WORD, _Kind.ACADEMIC):
            if self.kind(index) is _Kind.ACADEMIC and point.year_only:
                point = replace(point, academic=True)
            index += 1
        return point, index

    # -- elements

    def _deadline(self, index: int) -> _Found | None:
        """«до 15 сентября 2023»: from the start of the academic year to that day."""
        if self.kind(index) is not _Kind.UNTIL or not (read := self.point(index + 1)):
            return None
        point, after = read
        dates = _resolve_single(point, self.start_year)
        if dates is None:
            return None
        start = date(self.start_year, 9, 1)
        return ((start if start <= dates[1] else dates[0]), dates[1]), after

    def _range(self, index: int) -> _Found | None:
        opened = self.kind(index) is _Kind.FROM
        read = self.point(index + opened)
        if read is None:
            return None
        first, after = read
        if second := self._range_end(first, after):
            last, end_index = second
            dates = _resolve_range(first, last, self.start_year)
            return (dates, end_index) if dates else None
        dates = _resolve_single(first, self.start_year)
        if dates is None:
            return None
        if opened:  # «с 1 октября»: to the end of that academic year
            dates = dates[0], date(_school_year_of(dates[0]) + 1, 8, 31)
        return dates, after

    def _range_end(self, first: _Point, index: int) -> tuple[_Point, int] | None:
        kind = self.kind(index)
        if kind is _Kind.MONTH and first.month and first.year is None and not first.day:
            previous = self.tokens[index - 1]
            if previous.kind is _Kind.MONTH and previous.end == self.tokens[index].start:  # «апрельмай»
                return self.point(index)
            return None
        separated = kind is _Kind.DASH or (kind is _Kind.UNTIL and self.tokens[index].value == 1)
        if not separated:
            return None
        if first.year_only and self.kind(index + 1) is _Kind.NUMBER:  # «2023-24»
            assert first.year is not None
            if self.tokens[index + 1].value == (first.year + 1) % 100:
                return self._year_words(_Point(first.year + 1), index + 2)
        return self.point(index + 1)

    def _ordinal(self, index: int) -> int | None:
        token = self.tokens[index] if index < len(self.tokens) else None
        if token and (token.kind is _Kind.ORDINAL or (token.kind is _Kind.NUMBER and 1 <= token.value <= 4)):
            return token.value
        return None

    def _term(self, index: int) -> _Found | None:
        """«I четверть», «2 полугодие», «I–II четверть 2023/2024 уч. года»."""
        first = self._ordinal(index)
        if first is None:
            return None
        last, after = first, index + 1
        if self.kind(after) in (_Kind.DASH, _Kind.UNTIL) and (second := self._ordinal(after + 1)):
            last, after = second, after + 2
        if self.kind(after) is not _Kind.TERM:
            return None
        months = _TERM_MONTHS[self.tokens[after].term]
        if not 1 <= first <= last <= len(months):
            return None
        school_year, after = self._term_year(months[first - 1][0], after + 1)
        start_month, end_month = months[first - 1][0], months[last - 1][1]
        start = date(_year_of_month(start_month, school_year), start_month, 1)
        return (start, _month_end(_year_of_month(end_month, school_year), end_month)), after

    def _term_year(self, first_month: int, index: int) -> tuple[int, int]:
        """The academic year a term belongs to: written after it, or the roadmap's."""
        school_year = self.start_year
        if self.kind(index) is _Kind.YEAR:
            point, end = self._year_point_or_range(index)
            school_year = point if first_month >= 9 or end else point - 1
            index = end or index + 1
        while self.kind(index) in (_Kind.YEAR_WORD, _Kind.ACADEMIC, _Kind.THIS):
            index += 1
        return school_year, index

    def _year_point_or_range(self, index: int) -> tuple[int, int]:
        """A year at ``index``; with «2023/2024» or «2023-24» after it, the index after the range."""
        year = self.tokens[index].value
        if self.kind(index + 1) is _Kind.DASH and index + 2 < len(self.tokens):
            following = self.tokens[index + 2]
            if following.kind in (_Kind.YEAR, _Kind.NUMBER) and following.value in (
                year + 1,
                (year + 1) % 100,
            ):
                return year, index + 3
        return year, 0

    def _whole_year(self, index: int) -> _Found | None:
        """«постоянно», «в течение (учебного) года», «весь учебный год (2023/2024)»."""
        kind = self.kind(index)
        if kind is _Kind.WHOLE or (kind is _Kind.YEAR_WORD and self.tokens[index].value):
            after = index + 1
        elif kind is _Kind.ACADEMIC and self.kind(index + 1) is _Kind.YEAR_WORD:
            after = index + 2
        else:
            return None
        if self.kind(after) is _Kind.YEAR:
            year, end = self._year_point_or_range(after)
            if end:
                return _academic_year(year), end
        return _academic_year(self.start_year), after

    def _season(self, index: int) -> _Found | None:
        """«весна 2027», «осенью», «зима 2026/2027»: spring March–May, summer June–August, autumn
        September–November, winter December–February. Without a year, the season of the academic year;
        «зима 2027» is the winter that ends in 2027 (December 2026 – February 2027)."""
        if self.kind(index) is not _Kind.SEASON:
            return None
        first_month = self.tokens[index].value
        after = index + 1
        year: int | None = None
        if self.kind(after) is _Kind.YEAR:
            written, pair_end = self._year_point_or_range(after)
            year = written + 1 if first_month == 12 and pair_end else written
            after = pair_end or after + 1
            while self.kind(after) in (_Kind.YEAR_WORD, _Kind.ACADEMIC):
                after += 1
        if first_month == 12:
            end_year = year if year is not None else self.start_year + 1
            return (date(end_year - 1, 12, 1), _month_end(end_year, 2)), after
        if year is None:
            year = _year_of_month(first_month, self.start_year)
        return (date(year, first_month, 1), _month_end(year, first_month + 2)), after


_TERM_MONTHS = {
    "quarter": ((9, 10), (11, 12), (1, 3), (4, 5)),
    "half": ((9, 12), (1, 5)),
    "trimester": ((9, 11), (12, 2), (3, 5)),
}


# ---------------------------------------------------------------- items and the whole text


@dataclass
class _Read:
    """A period read from an item, with the span of the original text it covers."""

    dates: tuple[date, date]
    start: int
    end: int
    item: int
    lines: range  # the lines of the text it was written on
    yearly: bool = False


@dataclass
class _Unread:
    """Consecutive tokens of an item that were not read."""

    start: int
    end: int
    datelike: bool


@dataclass
class _Item:
    """What one item (the text between two list separators) gave."""

    read: list[_Read]
    unread: list[_Unread]
    yearly_lines: set[int]  # the lines where «ежегодно» is written

    @property
    def is_qualifier(self) -> bool:
        """«ежегодно по мере необходимости» on its own: it says how often, not when."""
        return bool(self.yearly_lines) and not self.read and not any(part.datelike for part in self.unread)


def _items(tokens: list[_Token]) -> list[list[_Token]]:
    items: list[list[_Token]] = [[]]
    for index, token in enumerate(tokens):
        if token.kind is _Kind.LIST and _comma_before_year(tokens, index):
            continue
        if token.kind is _Kind.LIST:
            items.append([])
        elif token.kind is not _Kind.NEWLINE:
            items[-1].append(token)
    return [item for item in items if item]


def _comma_before_year(tokens: list[_Token], index: int) -> bool:
    """«ноябрь, 2026»: a comma between a month (or a season) and its year does not separate items."""
    if index == 0 or index + 1 >= len(tokens) or tokens[index + 1].kind is not _Kind.YEAR:
        return False
    if tokens[index - 1].kind not in (_Kind.MONTH, _Kind.SEASON):
        return False
    following = tokens[index + 2] if index + 2 < len(tokens) else None
    return following is None or following.kind in (_Kind.LIST, _Kind.NEWLINE, _Kind.YEAR_WORD, _Kind.ACADEMIC)


def _read_item(tokens: list[_Token], number: int, start_year: int) -> _Item:
    yearly_lines = {token.line for token in tokens if token.kind is _Kind.YEARLY}
    if any(token.kind is _Kind.BLANK for token in tokens):  # a date in a form left blank
        return _Item([], [_Unread(tokens[0].start, tokens[-1].end, True)], yearly_lines)
    reader = _Reader(tokens, start_year)
    read: list[_Read] = []
    unread: list[_Unread] = []
    index = 0
    while index < len(tokens):
        if found := reader.element(index):
            dates, after = found
            first, last = tokens[index], tokens[after - 1]
            read.append(_Read(dates, first.start, last.end, number, range(first.line, last.line + 1)))
            index = after
            continue
        token = tokens[index]
        if unread and index and unread[-1].end == tokens[index - 1].end:
            unread[-1].end, unread[-1].datelike = token.end, unread[-1].datelike or token.datelike
        else:
            unread.append(_Unread(token.start, token.end, token.datelike))
        index += 1
    _make_yearly(read, yearly_lines)
    return _Item(read, unread, yearly_lines)


def _make_yearly(reads: list[_Read], yearly_lines: set[int]) -> None:
    """«ежегодно» qualifies the periods written on its lines, or, if there are none, all of ``reads``."""
    if not yearly_lines:
        return
    on_its_lines = [read for read in reads if yearly_lines.intersection(read.lines)]
    for read in on_its_lines or reads:
        read.yearly = True


def _apply_qualifiers(items: list[_Item]) -> None:
    """A lone «ежегодно» item makes the periods of its line yearly, or those of the whole text."""
    reads = [read for item in items for read in item.read]
    for item in items:
        if item.is_qualifier:
            _make_yearly(reads, item.yearly_lines)


def _attach_unread(reads: list[_Read], unread: list[_Unread]) -> None:
    """Unread text joins the period before it (or the first period), so the text is never lost."""
    for part in unread:
        before = [read for read in reads if read.start <= part.start]
        target = before[-1] if before else reads[0]
        target.start, target.end = min(target.start, part.start), max(target.end, part.end)


def _merge_repeats(reads: list[_Read]) -> list[_Read]:
    """«постоянно в течение года»: the same period twice in one item is one period."""
    merged: list[_Read] = []
    for read in reads:
        last = merged[-1] if merged else None
        if last and last.item == read.item and (last.dates, last.yearly) == (read.dates, read.yearly):
            last.end = max(last.end, read.end)
        else:
            merged.append(read)
    return merged


_PLACEHOLDER = re.compile(r"[\s_\-‐‑‒–—―−.…«»\"“”„'`]*")


def _take_recurrence(
    tokens: list[_Token],
) -> tuple[Recurrence | None, list[_Token], list[_Unread], list[_Token]]:
    """The schedule written in the text, the tokens left for the dates, the schedule's words (kept in
    the periods' text) and any second, conflicting schedule (warned about)."""
    recurring = [token for token in tokens if token.kind is _Kind.RECUR]
    if not recurring:
        return None, tokens, [], []
    unit = recurring[0].term
    conflicting = [token for token in recurring if token.term != unit]
    weekday = next((token.value - 1 for token in recurring if token.value and token.term == "week"), None)
    days = [token.value for token in tokens if token.kind is _Kind.DAY_OF_MONTH and 1 <= token.value <= 31]
    recurrence = Recurrence(unit=unit, day=days[0] if unit == "month" and days else None, weekday=weekday)
    used = {id(token) for token in recurring}
    if recurrence.day is not None:
        for index, token in enumerate(tokens):
            if token.kind is _Kind.DAY_OF_MONTH:
                used.add(id(token))
                if index and tokens[index - 1].kind is _Kind.UNTIL:  # «до 25 числа»
                    used.add(id(tokens[index - 1]))
    kept = [token for token in tokens if id(token) not in used]
    words = [_Unread(token.start, token.end, False) for token in tokens if id(token) in used]
    return recurrence, kept, words, conflicting


def _school_months(start_year: int) -> tuple[date, date]:
    """Where a schedule without dates runs: the school months, 1 September – 31 May."""
    return date(start_year, 9, 1), date(start_year + 1, 5, 31)


def parse_periods(text: str, start_year: int) -> PeriodParse:
    """The periods written in a «Сроки» cell; see the module's docstring for the rules.

    Words that change the dates but are not understood (an exclusion «кроме июня», a second weekday
    «по вторникам и четвергам», a schedule in parentheses «(последняя пятница)») give a warning, so that
    the period is not shown as fully recognised.
    """
    parsed = _parse_periods(text, start_year)
    if not any(period.start for period in parsed.periods):
        return parsed
    written = text.strip()
    extra = tuple(
        _("In the period «%(text)s», «%(part)s» could not be read: this part is left out.")
        % {"text": written, "part": part}
        for part in vague_parts(text)
    )
    return PeriodParse(parsed.periods, parsed.warnings + extra) if extra else parsed


_EXCLUSION = re.compile(r"(?:\bкроме\b|\bза\s+исключением\b|\bисключая\b)[^;()\n]*", re.IGNORECASE)
_WEEKDAY = re.compile(
    r"\b(понедельник|вторник|сред(?=[аыеуо]\b|ам\b)|четверг|пятниц|суббот|воскресень)\w*", re.IGNORECASE
)
_REMARK_TEXT = re.compile(r"\(([^)]*)\)?")
_DATELIKE_REMARK = re.compile(
    r"\d|числ|последн|кроме|исключ|недел|месяц|квартал|полугоди|четверт|понедельник|вторник|\bсред|четверг|"
    r"пятниц|суббот|воскресень|январ|феврал|\bмарт|апрел|\bма[йяе]\b|июн|июл|август|сентябр|октябр|ноябр|декабр",
    re.IGNORECASE,
)


def vague_parts(text: str) -> list[str]:
    """The parts of a «Сроки» cell the reader does not understand although they change the dates."""
    parts = [match.group(0).strip(" ,.") for match in _EXCLUSION.finditer(text)]
    weekdays = list(_WEEKDAY.finditer(text))
    if len({match.group(1).lower() for match in weekdays}) > 1:
        parts.extend(match.group(0) for match in weekdays[1:])
    parts.extend(
        match.group(0).strip()
        for match in _REMARK_TEXT.finditer(text)
        if _DATELIKE_REMARK.search(match.group(1)) and not _EXCLUSION.search(match.group(1))
    )
    return [part for part in parts if part]


def _parse_periods(text: str, start_year: int) -> PeriodParse:
    written = text.strip()
    if _PLACEHOLDER.fullmatch(written):
        return PeriodParse((), ())
    recurrence, tokens, schedule_words, conflicting = _take_recurrence(_tokenize(text))
    items = [_read_item(tokens, number, start_year) for number, tokens in enumerate(_items(tokens))]
    reads = sorted((read for item in items for read in item.read), key=lambda read: read.start)
    unread = [part for item in items for part in item.unread]
    unread_warnings = [
        _("In the period «%(text)s», «%(part)s» could not be read: this part is left out.")
        % {"text": written, "part": text[part.start : part.end].strip()}
        for part in unread
        if part.datelike
    ] + [
        _("In the period «%(text)s», «%(part)s» could not be read: this part is left out.")
        % {"text": written, "part": text[token.start : token.end].strip()}
        for token in conflicting
    ]
    if not reads and recurrence is not None:
        yearly = any(item.yearly_lines for item in items)
        period = Period(*_school_months(start_year), yearly=yearly, text=written, recurrence=recurrence)
        return PeriodParse((period,), tuple(unread_warnings))
    if not reads:
        if any(item.is_qualifier for item in items) and not any(part.datelike for part in unread):
            return PeriodParse((Period(*_academic_year(start_year), yearly=True, text=written),), ())
        return PeriodParse(
            (Period(None, None, False, written),),
            (_("Could not read the period «%(text)s»: it is kept as written.") % {"text": written},),
        )
    _apply_qualifiers(items)
    _attach_unread(reads, sorted(unread + schedule_words, key=lambda part: part.start))
    periods = tuple(
        Period(
            read.dates[0],
            _schedule_end(read.dates, recurrence),
            read.yearly,
            text[read.start : read.end].strip(),
            recurrence=recurrence,
        )
        for read in _merge_repeats(reads)
    )
    return PeriodParse(periods, tuple(unread_warnings))


def _schedule_end(dates: tuple[date, date], recurrence: Recurrence | None) -> date:
    """«сентябрь 2023, ежемесячно»: a schedule longer than a week within one month starts then and
    runs through the school months (to 31 May); a weekly one may well last a single month."""
    start, end = dates
    if recurrence is None or recurrence.unit == "week" or (start.year, start.month) != (end.year, end.month):
        return end
    return max(end, _school_months(_school_year_of(start))[1])


# ---------------------------------------------------------------- occurrences of a schedule

MAX_OCCURRENCES = 1000


def _clip(start: date, end: date, period_start: date, period_end: date) -> tuple[date, date] | None:
    first, last = max(start, period_start), min(end, period_end)
    return (first, last) if first <= last else None


def _month_spans(start: date, end: date, months: int) -> list[tuple[date, date]]:
    """Calendar spans of ``months`` months (1: months, 3: calendar quarters) that touch start … end."""
    spans: list[tuple[date, date]] = []
    year, month = start.year, ((start.month - 1) // months) * months + 1
    while date(year, month, 1) <= end and len(spans) < MAX_OCCURRENCES:
        last_month = month + months - 1
        spans.append((date(year, month, 1), _month_end(year, last_month)))
        month += months
        if month > 12:
            year, month = year + 1, month - 12
    return spans


def _school_spans(start: date, end: date, terms: tuple[tuple[int, int], ...]) -> list[tuple[date, date]]:
    spans = []
    for school_year in range(_school_year_of(start), _school_year_of(end) + 1):
        for first, last in terms:
            spans.append(
                (
                    date(_year_of_month(first, school_year), first, 1),
                    _month_end(_year_of_month(last, school_year), last),
                )
            )
    return spans


def occurrences(period: Period) -> tuple[Occurrence, ...]:
    """The times a recurring period happens, in order: each week (Monday–Sunday), month, calendar quarter,
    school term (четверть: September–October, November–December, January–March, April–May) or half-year
    (September–December, January–May) that touches the period, cut to it. An occurrence is due at its end,
    on its day of the month («до 25 числа») or on its weekday («по пятницам»); an occurrence whose due day
    falls outside the period is left out. A period without a schedule is one occurrence, due at its end;
    an undated one has none."""
    if period.start is None or period.end is None:
        return ()
    schedule = period.recurrence
    if schedule is None:
        return (Occurrence(period.start, period.end, period.end),)
    start, end = period.start, period.end
    spans: list[tuple[date, date]]
    if schedule.unit == "week":
        monday = start - timedelta(days=start.weekday())
        spans = []
        while monday <= end and len(spans) < MAX_OCCURRENCES:
            spans.append((monday, monday + timedelta(days=6)))
            monday += timedelta(days=7)
    elif schedule.unit == "month":
        spans = _month_spans(start, end, 1)
    elif schedule.unit == "quarter":
        spans = _month_spans(start, end, 3)
    else:
        spans = _school_spans(start, end, _TERM_MONTHS["quarter" if schedule.unit == "term" else "half"])
    found: list[Occurrence] = []
    for span_start, span_end in spans:
        clipped = _clip(span_start, span_end, start, end)
        if clipped is None:
            continue
        due = clipped[1]
        if schedule.unit == "month" and schedule.day:
            due = date(span_start.year, span_start.month, min(schedule.day, span_end.day))
        elif schedule.unit == "week" and schedule.weekday is not None:
            due = span_start + timedelta(days=schedule.weekday)
        if not clipped[0] <= due <= clipped[1]:
            continue
        found.append(Occurrence(clipped[0], due, due))
    return tuple(found[:MAX_OCCURRENCES])


def schedule_occurrences(periods: Iterable[Period]) -> list[Occurrence]:
    """Every due day of an event's schedules, in order (one occurrence per due day); periods without a
    schedule give none."""
    found: dict[date, Occurrence] = {}
    for period in periods:
        if period.recurrence is not None:
            for occurrence in occurrences(period):
                found.setdefault(occurrence.due, occurrence)
    return [found[due] for due in sorted(found)]


# ---------------------------------------------------------------- writing back

_MONTH_NAMES = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)


def _is_month_start(day: date) -> bool:
    return day.day == 1


def _is_month_end(day: date) -> bool:
    return day == _month_end(day.year, day.month)


def _dates_label(start: date, end: date) -> str:
    if start == date(start.year, 9, 1) and end == date(start.year + 1, 8, 31):
        return f"весь учебный год {start.year}/{start.year + 1}"
    if _is_month_start(start) and _is_month_end(end):
        first, last = _MONTH_NAMES[start.month - 1], _MONTH_NAMES[end.month - 1]
        if (start.year, start.month) == (end.year, end.month):
            return f"{first} {start.year}"
        if start.year == end.year:
            return f"{first} – {last} {end.year}"
        return f"{first} {start.year} – {last} {end.year}"
    if start == end:
        return f"{start:%d.%m.%Y}"
    return f"{start:%d.%m.%Y} – {end:%d.%m.%Y}"


def format_period(period) -> str:
    """A period written the way a school writes it: «октябрь – ноябрь 2023», «ежегодно: май 2024».

    Duck-typed: any object with ``start``, ``end``, ``yearly`` and ``text``; an undated one gives its text.
    """
    if period.start is None or period.end is None:
        return period.text
    label = _dates_label(period.start, period.end)
    schedule = getattr(period, "recurrence", None)
    if isinstance(schedule, Recurrence):
        label = f"{format_recurrence(schedule)}: {label}"
    return f"ежегодно: {label}" if period.yearly else label


_UNIT_LABELS = {
    "week": "еженедельно",
    "month": "ежемесячно",
    "quarter": "ежеквартально",
    "term": "1 раз в четверть",
    "half": "1 раз в полугодие",
}
_WEEKDAY_PLURALS = (
    "понедельникам",
    "вторникам",
    "средам",
    "четвергам",
    "пятницам",
    "субботам",
    "воскресеньям",
)


def format_recurrence(schedule: Recurrence) -> str:
    """«ежемесячно до 25 числа», «еженедельно по пятницам», «1 раз в четверть» (reads back the same)."""
    label = _UNIT_LABELS[schedule.unit]
    if schedule.day:
        label += f" до {schedule.day} числа"
    if schedule.weekday is not None:
        label += f" по {_WEEKDAY_PLURALS[schedule.weekday]}"
    return label


_WRITTEN_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
_SHORT_YEAR_DATE = re.compile(r"(?<![0-9])([0-9]{1,2}[./][0-9]{1,2}[./])([0-9]{2})(?![0-9])")


def shift_years_in_text(text: str, years: int) -> str:
    """«Октябрь 2023», «2023/2024 уч. год», «15.09.23» written ``years`` later: every year in the text moves."""
    text = _WRITTEN_YEAR.sub(lambda match: str(int(match.group(1)) + years), text)
    text = _SHORT_YEAR_DATE.sub(
        lambda match: f"{match.group(1)}{(int(match.group(2)) + years) % 100:02d}", text
    )
    return _LEAP_DAY.sub(_leap_day_fitted, text)


# 29 February with its year: «29.02.2024», «29.02.24», «29 февраля 2024 г.»
_LEAP_DAY = re.compile(
    r"(?<![0-9])29(?P<sep>[./]0?2[./]|\s+феврал[яь]\s+)(?P<year>[0-9]{4}|[0-9]{2})(?![0-9])", re.IGNORECASE
)


def _leap_day_fitted(match: re.Match[str]) -> str:
    """29 February moved into a year without one becomes 28 February."""
    year = int(match.group("year"))
    if len(match.group("year")) == 2:
        year += 2000
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return match.group(0) if leap else f"28{match.group('sep')}{match.group('year')}"


def _shift(day: date, years: int, *, keep_month_end: bool = False) -> date:
    year = day.year + years
    if keep_month_end and _is_month_end(day):
        return _month_end(year, day.month)
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a year without one
        return date(year, day.month, 28)


def shift_years(period: Period, years: int) -> Period:
    """The same period ``years`` later (or earlier); 29 February becomes 28 February.

    A period of whole months keeps ending on the last day of its month, so «январь – февраль 2023»
    moved to 2024 ends on 29 February 2024.
    """
    start, end = period.start, period.end
    whole_months = start is not None and end is not None and start.day == 1 and _is_month_end(end)
    return replace(
        period,
        start=_shift(start, years) if start else None,
        end=_shift(end, years, keep_month_end=whole_months) if end else None,
    )

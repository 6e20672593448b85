"""Reading the «Сроки» cell of a roadmap: roadmap/periods.py (pure, no database)."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentoring import messages
from roadmap.periods import (
    Period,
    PeriodParse,
    format_period,
    parse_periods,
    shift_years,
    shift_years_in_text,
)

D = date.fromisoformat


def dated(result: PeriodParse) -> list[tuple[str, str, bool]]:
    return [(str(p.start), str(p.end), p.yearly) for p in result.periods]


# (text, start_year, [(start, end, yearly), ...]) — every case must read without a warning
CASES = [
    # the examples of the real roadmaps
    ("Октябрь 2023", 2023, [("2023-10-01", "2023-10-31", False)]),
    ("Октябрь – Ноябрь 2023", 2023, [("2023-10-01", "2023-11-30", False)]),
    ("Декабрь 2023 – апрель 2024", 2023, [("2023-12-01", "2024-04-30", False)]),
    (
        "Декабрь 2023\nМай 2024",
        2023,
        [("2023-12-01", "2023-12-31", False), ("2024-05-01", "2024-05-31", False)],
    ),
    ("В течение 2023 – 2024 г.", 2023, [("2023-09-01", "2024-08-31", False)]),
    ("в течение года", 2023, [("2023-09-01", "2024-08-31", False)]),
    ("в течение учебного года", 2024, [("2024-09-01", "2025-08-31", False)]),
    ("Постоянно", 2023, [("2023-09-01", "2024-08-31", False)]),
    ("постоянно в течение года", 2020, [("2020-09-01", "2021-08-31", False)]),
    ("ежегодно", 2020, [("2020-09-01", "2021-08-31", True)]),
    ("ежегодно сентябрь (дополнительно по запросу)", 2020, [("2020-09-01", "2020-09-30", True)]),
    (
        "сентябрь 2020, январь-февраль ежегодно",
        2020,
        [("2020-09-01", "2020-09-30", False), ("2021-01-01", "2021-02-28", True)],
    ),
    ("ноябрь2020, ежегодно по мере необходимости", 2020, [("2020-11-01", "2020-11-30", True)]),
    ("Июнь-август 2024г.", 2023, [("2024-06-01", "2024-08-31", False)]),
    ("Май 2025 г.", 2024, [("2025-05-01", "2025-05-31", False)]),
    ("Октябрь 2024 г. - май 2025 г.", 2024, [("2024-10-01", "2025-05-31", False)]),
    ("апрельмай", 2023, [("2024-04-01", "2024-05-31", False)]),
    ("август 2020", 2020, [("2020-08-01", "2020-08-31", False)]),
    ("август\n2020", 2020, [("2020-08-01", "2020-08-31", False)]),  # a wrapped cell
    ("январь ежегодно", 2020, [("2021-01-01", "2021-01-31", True)]),
    (
        "ноябрь-декабрь 2020, март-ноябрь ежегодно",
        2020,
        [("2020-11-01", "2020-12-31", False), ("2021-03-01", "2021-11-30", True)],
    ),
    ("март-ноябрь ежегодно", 2020, [("2021-03-01", "2021-11-30", True)]),
    ("декабрь, май", 2025, [("2025-12-01", "2025-12-31", False), ("2026-05-01", "2026-05-31", False)]),
    ("декабрь\nмай", 2025, [("2025-12-01", "2025-12-31", False), ("2026-05-01", "2026-05-31", False)]),
    ("ежегодно, май", 2025, [("2026-05-01", "2026-05-31", True)]),
    # exact dates, deadlines, terms
    ("до 15 сентября 2023", 2023, [("2023-09-01", "2023-09-15", False)]),
    ("до 15 сентября", 2023, [("2023-09-01", "2023-09-15", False)]),
    ("не позднее 10 января 2024", 2023, [("2023-09-01", "2024-01-10", False)]),
    ("15.09.2023", 2023, [("2023-09-15", "2023-09-15", False)]),
    ("15.09.23", 2023, [("2023-09-15", "2023-09-15", False)]),
    ("2023-09-15", 2023, [("2023-09-15", "2023-09-15", False)]),
    ("01.09.2023 – 30.09.2023", 2023, [("2023-09-01", "2023-09-30", False)]),
    ("01.09.2023-15.09.2023", 2023, [("2023-09-01", "2023-09-15", False)]),
    ("с 1 по 15 октября", 2023, [("2023-10-01", "2023-10-15", False)]),
    ("1-15 октября 2023", 2023, [("2023-10-01", "2023-10-15", False)]),
    ("15 сентября – 15 октября", 2023, [("2023-09-15", "2023-10-15", False)]),
    ("с 1 октября", 2023, [("2023-10-01", "2024-08-31", False)]),
    ("I четверть", 2023, [("2023-09-01", "2023-10-31", False)]),
    ("II четверть", 2023, [("2023-11-01", "2023-12-31", False)]),
    ("III четверть", 2023, [("2024-01-01", "2024-03-31", False)]),
    ("IV четверть", 2023, [("2024-04-01", "2024-05-31", False)]),
    ("в течение I четверти", 2023, [("2023-09-01", "2023-10-31", False)]),
    ("I-II четверть", 2023, [("2023-09-01", "2023-12-31", False)]),
    ("III четверть 2024", 2023, [("2024-01-01", "2024-03-31", False)]),
    ("I четверть 2024/2025 уч. года", 2023, [("2024-09-01", "2024-10-31", False)]),
    ("1 полугодие", 2023, [("2023-09-01", "2023-12-31", False)]),
    ("II полугодие", 2023, [("2024-01-01", "2024-05-31", False)]),
    ("2-е полугодие", 2023, [("2024-01-01", "2024-05-31", False)]),
    ("первое полугодие", 2023, [("2023-09-01", "2023-12-31", False)]),
    ("2 триместр", 2023, [("2023-12-01", "2024-02-29", False)]),
    # years
    ("2023/2024 уч. год", 2023, [("2023-09-01", "2024-08-31", False)]),
    ("2023-24 учебный год", 2023, [("2023-09-01", "2024-08-31", False)]),
    ("2020–2024 гг.", 2020, [("2020-09-01", "2024-08-31", False)]),
    ("в течение 2024 года", 2023, [("2024-01-01", "2024-12-31", False)]),
    ("весь учебный год", 2023, [("2023-09-01", "2024-08-31", False)]),
    # variations: case, «г.», dashes, spacing, abbreviations, grammatical forms
    ("ОКТЯБРЬ 2023 Г.", 2023, [("2023-10-01", "2023-10-31", False)]),
    ("октябрь 2023 года", 2023, [("2023-10-01", "2023-10-31", False)]),
    ("в октябре 2023 г", 2023, [("2023-10-01", "2023-10-31", False)]),
    ("октябрь—ноябрь 2023", 2023, [("2023-10-01", "2023-11-30", False)]),
    ("октябрь-ноябрь2023г.", 2023, [("2023-10-01", "2023-11-30", False)]),
    ("с октября по ноябрь 2023", 2023, [("2023-10-01", "2023-11-30", False)]),
    ("с сентября до мая", 2023, [("2023-09-01", "2024-05-31", False)]),
    ("сент. – дек.", 2023, [("2023-09-01", "2023-12-31", False)]),
    ("янв.-февр. 2024", 2023, [("2024-01-01", "2024-02-29", False)]),
    ("Декабрь – апрель 2024", 2023, [("2023-12-01", "2024-04-30", False)]),
    ("Декабрь 2023 –\nапрель 2024", 2023, [("2023-12-01", "2024-04-30", False)]),
    ("Сентябрь", 2023, [("2023-09-01", "2023-09-30", False)]),
    ("сентябрь текущего года", 2023, [("2023-09-01", "2023-09-30", False)]),
    ("сентябрь и октябрь", 2023, [("2023-09-01", "2023-09-30", False), ("2023-10-01", "2023-10-31", False)]),
    ("Сентябрь; май", 2023, [("2023-09-01", "2023-09-30", False), ("2024-05-01", "2024-05-31", False)]),
    ("ежегодно в течение года", 2023, [("2023-09-01", "2024-08-31", True)]),
    ("каждый год, в апреле", 2023, [("2024-04-01", "2024-04-30", True)]),
    ("ЕЖЕГОДНО: ЯНВАРЬ", 2023, [("2024-01-01", "2024-01-31", True)]),
    (
        "сентябрь 2020\nянварь-февраль ежегодно",
        2020,
        [("2020-09-01", "2020-09-30", False), ("2021-01-01", "2021-02-28", True)],
    ),
    # nothing to read and nothing to warn about
    ("", 2023, []),
    ("   ", 2023, []),
    ("_____", 2023, []),
    ("-", 2023, []),
    ("—", 2023, []),
]


@pytest.mark.parametrize(("text", "start_year", "expected"), CASES)
def test_reads_periods(text, start_year, expected):
    result = parse_periods(text, start_year)
    assert dated(result) == expected
    assert result.warnings == ()


def test_period_text_is_the_piece_it_came_from():
    result = parse_periods("сентябрь 2020, январь-февраль ежегодно", 2020)
    assert [p.text for p in result.periods] == ["сентябрь 2020", "январь-февраль ежегодно"]
    assert parse_periods("  Декабрь 2023\nМай 2024 ", 2023).periods[1].text == "Май 2024"


def test_a_qualifier_stays_in_the_text_of_its_period():
    (period,) = parse_periods("ноябрь2020, ежегодно по мере необходимости", 2020).periods
    assert period.text == "ноябрь2020, ежегодно по мере необходимости"


def test_remark_in_brackets_is_ignored_but_kept():
    result = parse_periods("ежегодно сентябрь (дополнительно по запросу)", 2020)
    assert result.warnings == ()
    assert result.periods[0].text == "ежегодно сентябрь (дополнительно по запросу)"


@pytest.mark.parametrize(
    "text",
    [
        "по согласованию с РНЦ",
        "в течение месяца после приказа",
        "когда-нибудь потом",
        "2 раза в год по требованию",
        "(по запросу)",
        "майе",
        "«___» ________ 2024 г.",
        "31 ноября 2023",
        "декабрь 2024 – май 2024",
    ],
)
def test_unreadable_text_is_one_undated_period_and_a_warning(text):
    result = parse_periods(text, 2024)
    if any(p.start for p in result.periods):  # partly readable: read periods kept, the rest named
        assert len(result.warnings) == 1
        return
    assert result.periods == (Period(None, None, False, text),)
    assert result.warnings == (f"Не удалось разобрать срок «{text}»: он сохранён как написан.",)


@pytest.mark.parametrize(
    ("text", "read", "unread"),
    [
        ("конец сентября 2023", [("2023-09-01", "2023-09-30", False)], "конец"),
        ("сентябрь 2023, в последнюю неделю", [("2023-09-01", "2023-09-30", False)], "в последнюю неделю"),
        ("31 ноября 2023", [("2023-11-01", "2023-11-30", False)], "31"),
        (
            "октябрь 2023, за 2 недели до каникул",
            [("2023-10-01", "2023-10-31", False)],
            "за 2 недели до каникул",
        ),
    ],
)
def test_partly_readable_text_keeps_periods_and_names_the_rest(text, read, unread):
    result = parse_periods(text, 2023)
    assert dated(result) == read
    (warning,) = result.warnings
    assert f"«{unread}»" in warning and text in warning


# ---- messages: English msgids, translated at call time ----


@pytest.fixture
def translator():
    """``messages.use_translator`` for one test; the translator plugged in at start-up comes back after."""
    saved = messages._translate
    yield messages.use_translator
    messages.use_translator(saved)


def test_warnings_follow_the_active_language():
    with translation.override("ru"):
        assert parse_periods("по запросу", 2024).warnings == (
            "Не удалось разобрать срок «по запросу»: он сохранён как написан.",
        )
    with translation.override("en"):
        assert parse_periods("по запросу", 2024).warnings == (
            "Could not read the period «по запросу»: it is kept as written.",
        )
        (warning,) = parse_periods("конец сентября 2023", 2023).warnings
        assert (
            warning
            == "In the period «конец сентября 2023», «конец» could not be read: this part is left out."
        )


def test_the_translator_is_looked_up_at_call_time(translator):
    translator(lambda message: message)
    assert parse_periods("по запросу", 2024).warnings == (
        "Could not read the period «по запросу»: it is kept as written.",
    )
    translator(lambda message: "[" + message + "]")
    assert parse_periods("по запросу", 2024).warnings == (
        "[Could not read the period «по запросу»: it is kept as written.]",
    )


def test_the_pure_modules_import_no_django():
    code = (
        "import sys, mentoring.messages, roadmap.periods; "
        "loaded = [name for name in sys.modules if name.split('.')[0] == 'django']; "
        "assert not loaded, loaded; "
        "print(roadmap.periods.parse_periods('по запросу', 2024).warnings[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "Could not read the period «по запросу»: it is kept as written."


def test_unread_words_that_are_not_dates_need_no_warning():
    result = parse_periods("сентябрь 2023, по согласованию с РНЦ", 2023)
    assert result.warnings == ()
    assert result.periods[0].text == "сентябрь 2023, по согласованию с РНЦ"


# ---- writing back ----


FORMAT_CASES = [
    ("2023-10-01", "2023-10-31", False, "октябрь 2023"),
    ("2023-10-01", "2023-11-30", False, "октябрь – ноябрь 2023"),
    ("2023-12-01", "2024-04-30", False, "декабрь 2023 – апрель 2024"),
    ("2023-09-15", "2023-09-15", False, "15.09.2023"),
    ("2023-09-01", "2023-09-15", False, "01.09.2023 – 15.09.2023"),
    ("2023-09-20", "2023-10-31", False, "20.09.2023 – 31.10.2023"),
    ("2023-09-01", "2024-08-31", False, "весь учебный год 2023/2024"),
    ("2021-01-01", "2021-02-28", True, "ежегодно: январь – февраль 2021"),
    ("2020-09-01", "2021-08-31", True, "ежегодно: весь учебный год 2020/2021"),
]


@pytest.mark.parametrize(("start", "end", "yearly", "label"), FORMAT_CASES)
def test_format_period(start, end, yearly, label):
    assert format_period(Period(D(start), D(end), yearly, "как написано")) == label


@pytest.mark.parametrize(("start", "end", "yearly", "label"), FORMAT_CASES)
def test_what_format_period_writes_reads_back(start, end, yearly, label):
    school_year = D(start).year if D(start).month >= 9 else D(start).year - 1
    for year in (school_year, school_year + 3):  # the years are written, the roadmap's year does not matter
        assert dated(parse_periods(label, year)) == [(start, end, yearly)]


def test_format_period_of_an_undated_period_is_its_text():
    assert format_period(Period(None, None, False, "по согласованию")) == "по согласованию"


def test_format_period_is_duck_typed():
    class Stored:
        start, end, yearly, text = D("2024-05-01"), D("2024-05-31"), False, "Май 2024"

    assert format_period(Stored()) == "май 2024"


@pytest.mark.parametrize(
    ("start", "end", "years", "moved_start", "moved_end"),
    [
        ("2023-10-01", "2023-11-30", 1, "2024-10-01", "2024-11-30"),
        ("2023-09-15", "2023-09-15", -2, "2021-09-15", "2021-09-15"),
        ("2024-02-29", "2024-02-29", 1, "2025-02-28", "2025-02-28"),  # 29 February becomes 28 February
        ("2024-02-01", "2024-02-29", 1, "2025-02-01", "2025-02-28"),
        ("2023-01-01", "2023-02-28", 1, "2024-01-01", "2024-02-29"),  # whole months stay whole
        ("2023-02-10", "2023-02-28", 1, "2024-02-10", "2024-02-28"),  # an exact date stays exact
    ],
)
def test_shift_years(start, end, years, moved_start, moved_end):
    moved = shift_years(Period(D(start), D(end), True, "текст"), years)
    assert moved == Period(D(moved_start), D(moved_end), True, "текст")


def test_shift_years_keeps_an_undated_period():
    period = Period(None, None, False, "по согласованию")
    assert shift_years(period, 1) == period


# ---- properties ----

MONTH_WORDS = [
    "январь", "января", "янв.", "февраль", "феврале", "март", "марта", "апрель", "апр.", "май", "мая",
    "июнь", "июля", "август", "авг.", "сентябрь", "сент.", "октябрь", "Октябре", "ноябрь", "нояб.",
    "декабрь", "ДЕКАБРЯ",
]  # fmt: skip
SEPARATORS = ["-", " - ", " – ", "—", " по ", " до ", "/"]
LIST_SEPARATORS = [", ", "; ", "\n", " и "]
YEARS = ["", " 2023", "2024", " 2024 г.", " 2025г", " 2023 года"]
OTHER_WORDS = [
    "ежегодно", "с", "по", "до", "1", "0", "15", "31", "99", "I", "IV", "2-я", "четверть", "полугодие", "года",
    "учебного", "постоянно", "(по запросу)", "___", "00.13.2023", "31.02", "29.02.2024", "2023/24", "текущего",
]  # fmt: skip
PLACEHOLDER = re.compile(r"[\s_\-‐‑‒–—―−.…«»\"“”„'`]*")


@st.composite
def month_period(draw) -> str:
    first = draw(st.sampled_from(MONTH_WORDS)) + draw(st.sampled_from(YEARS))
    if draw(st.booleans()):
        first += (
            draw(st.sampled_from(SEPARATORS))
            + draw(st.sampled_from(MONTH_WORDS))
            + draw(st.sampled_from(YEARS))
        )
    yearly = draw(st.sampled_from(["", "ежегодно ", " ежегодно"]))
    return yearly + first if yearly.endswith(" ") else first + yearly


FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(
    st.lists(month_period(), min_size=1, max_size=3),
    st.sampled_from(LIST_SEPARATORS),
    st.integers(2000, 2090),
)
def test_generated_month_periods_are_dated(pieces, separator, start_year):
    text = separator.join(pieces)
    result = parse_periods(text, start_year)
    assert_sane(text, result)
    assert any(p.start for p in result.periods)


@FAST
@given(
    st.sampled_from(MONTH_WORDS),
    st.sampled_from(["", *SEPARATORS]),
    st.sampled_from(MONTH_WORDS),
    st.sampled_from(["", " ежегодно"]),
    st.integers(2000, 2090),
)
def test_months_without_a_year_stay_in_the_academic_year(first, separator, second, yearly, start_year):
    text = (first + separator + second if separator else first) + yearly
    (period,) = parse_periods(text, start_year).periods
    assert period.start is not None and period.end is not None
    assert period.yearly == bool(yearly)
    year_start, year_end = date(start_year, 9, 1), date(start_year + 1, 8, 31)
    assert year_start <= period.start <= year_end
    twelve_months_on = date(period.start.year + 1, period.start.month, 1)
    assert period.end <= year_end or period.end < twelve_months_on  # a wrapped range «март-ноябрь»


def assert_sane(text: str, result: PeriodParse) -> None:
    """Dated periods run forwards; text that says something gives a dated period or a warning."""
    for period in result.periods:
        assert (period.start is None) == (period.end is None)
        assert period.start is None or (period.end is not None and period.start <= period.end)
    if PLACEHOLDER.fullmatch(text):
        assert result == PeriodParse((), ())
    else:
        assert any(p.start for p in result.periods) or result.warnings


@FAST
@given(st.text(max_size=60), st.integers(1990, 2090))
def test_any_text_never_raises_and_is_read_or_warned(text, start_year):
    assert_sane(text, parse_periods(text, start_year))


@FAST
@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАОСЯI0123456789 .,;:-–/()«»_\n", max_size=40))
def test_cyrillic_noise_never_raises_and_is_read_or_warned(text):
    assert_sane(text, parse_periods(text, 2023))


@FAST
@given(
    st.lists(
        st.sampled_from([*MONTH_WORDS, *SEPARATORS, *LIST_SEPARATORS, *YEARS, *OTHER_WORDS]),
        max_size=8,
    ),
    st.integers(2000, 2090),
)
def test_date_words_in_any_order_never_raise(words, start_year):
    text = " ".join(words)
    assert_sane(text, parse_periods(text, start_year))


@pytest.mark.parametrize(
    ("text", "years", "expected"),
    [
        ("29.02.2024", 3, "28.02.2027"),
        ("до 29 февраля 2024", 1, "до 28 февраля 2025"),
        ("29.02.24", 1, "28.02.25"),
        ("29.02.2024", 4, "29.02.2028"),
        ("28.02.2023", 1, "28.02.2024"),
        ("с 1 по 29 февраля 2024 г.", 2, "с 1 по 28 февраля 2026 г."),
    ],
)
def test_shifted_text_has_no_29_february_in_a_common_year(text, years, expected):
    assert shift_years_in_text(text, years) == expected


def test_a_shifted_leap_day_is_read_as_a_date():
    parsed = parse_periods(shift_years_in_text("до 29.02.2024", 3), 2026)
    assert [(p.start, p.end) for p in parsed.periods] == [(date(2026, 9, 1), date(2027, 2, 28))]
    assert parsed.warnings == ()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("ежемесячно, кроме января", "кроме января"),
        ("ежемесячно до 25 числа, кроме июня", "кроме июня"),
        ("сентябрь – май, за исключением мая", "за исключением мая"),
        ("ежемесячно, кроме декабря и января", "кроме декабря и января"),
        ("по вторникам и четвергам", "четвергам"),
        ("по средам и пятницам", "пятницам"),
        ("еженедельно по вторникам, четвергам", "четвергам"),
        ("ежемесячно (последняя пятница)", "(последняя пятница)"),
        (
            "ежеквартально (до 5 числа месяца, следующего за кварталом)",
            "(до 5 числа месяца, следующего за кварталом)",
        ),
    ],
)
def test_words_that_change_the_dates_but_are_not_understood_give_a_warning(text, part):
    parsed = parse_periods(text, 2026)
    assert any(period.start for period in parsed.periods)
    assert len(parsed.warnings) == 1 and f"«{part}»" in parsed.warnings[0]


@pytest.mark.parametrize("text", ["сентябрь (по плану)", "по пятницам", "ежемесячно до 25 числа", "октябрь"])
def test_understood_periods_and_plain_remarks_give_no_warning(text):
    assert parse_periods(text, 2026).warnings == ()

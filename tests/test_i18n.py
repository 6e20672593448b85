"""The Russian catalogue is complete: every translatable string in the code has a translation,
and the compiled .mo matches the .po."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "locale" / "ru" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
SOURCES = [
    "manage.py",
    "mentoring",
    "roadmap",
    "participants",
    "pairing",
    "monitoring",
    "reports",
    "demo",
    "templates",
    "locale",
]

needs_gettext = pytest.mark.skipif(
    shutil.which("msgfmt") is None or shutil.which("xgettext") is None, reason="GNU gettext is not installed"
)


def _statistics(po: Path) -> str:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stderr.strip()


@needs_gettext
def test_every_string_in_the_code_is_translated(tmp_path):
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ru", "--no-location"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    stats = _statistics(tmp_path / "locale" / "ru" / "LC_MESSAGES" / "django.po")
    assert "untranslated" not in stats and "fuzzy" not in stats, (
        f"{stats}. Run `make messages` and translate the new strings in {PO.relative_to(ROOT)}"
    )


@needs_gettext
def test_compiled_catalogue_is_up_to_date(tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "-o", str(compiled), str(PO)], check=True)
    assert compiled.read_bytes() == MO.read_bytes(), "Run `make messages` to recompile locale/ru"


# --- The Russian text itself: proofread once, kept so by these checks ---------------------------------


def _entries() -> list[dict[str, object]]:
    """The catalogue's entries: msgctxt, msgid, msgid_plural, msgstr / msgstr[n], flags (a small reader)."""
    import ast

    entries: list[dict[str, object]] = []
    current: dict[str, object] = {}
    key = ""
    for line in PO.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if current:
                entries.append(current)
            current, key = {}, ""
            continue
        if line.startswith("#,"):
            current["flags"] = line[2:].strip()
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[key] = str(current[key]) + ast.literal_eval(line)
        else:
            key, _space, value = line.partition(" ")
            current[key] = ast.literal_eval(value)
    return [entry for entry in entries if entry.get("msgid")]


def test_no_entry_is_fuzzy_or_empty():
    bad = [
        entry["msgid"]
        for entry in _entries()
        if "fuzzy" in str(entry.get("flags", ""))
        or not any(value for name, value in entry.items() if name.startswith("msgstr"))
    ]
    assert not bad, f"fuzzy or untranslated: {bad[:5]}"


def test_plural_entries_have_the_three_russian_forms():
    bad = [
        entry["msgid"]
        for entry in _entries()
        if "msgid_plural" in entry and not all(entry.get(f"msgstr[{n}]") for n in range(3))
    ]
    assert not bad, f"a plural entry needs msgstr[0], [1], [2] (1 год, 2 года, 5 лет): {bad[:5]}"


def test_numbers_agree_with_their_nouns():
    from django.utils import translation
    from django.utils.translation import ngettext

    with translation.override("ru"):
        ages = [ngettext("%(age)s year", "%(age)s years", n) % {"age": n} for n in (1, 21, 42, 5, 11, 14)]
        days = ngettext(
            "no meetings yet, %(days)s day since the start",
            "no meetings yet, %(days)s days since the start",
            3,
        )
    assert ages == ["1 год", "21 год", "42 года", "5 лет", "11 лет", "14 лет"]
    assert days % {"days": 3} == "встреч ещё не было, 3 дня с начала работы пары"


def test_wording_rules():
    """Headings are nouns («Изменение …», not the button's «Изменить …»); a job is «должность»; an
    order is dated «от», never «из»; ОГЭ, ЕГЭ, ОВЗ in capitals; no «ты» anywhere."""
    import re

    problems = []
    for entry in _entries():
        msgid = str(entry["msgid"])
        texts = [str(value) for name, value in entry.items() if name.startswith("msgstr")]
        for text in texts:
            if msgid.startswith("Edit the ") and text.startswith("Изменить"):
                problems.append(f"heading as a verb: {text}")
            if re.search(r"№ ?%\(\w+\)s из %\(", text):
                problems.append(f"«из» in an order's requisites: {text}")
            if re.search(r"\b(огэ|егэ|овз|Огэ|Егэ|Овз)\b", text):
                problems.append(f"abbreviation not in capitals: {text}")
            if re.search(r"\b(ты|тебе|тебя|твой|твоя|твои|Ты)\b", text):
                problems.append(f"«ты» instead of «вы»: {text}")
        if entry.get("msgctxt") == "job title" and texts != ["должность"]:
            problems.append(f"job title: {texts}")
    assert not problems, "\n".join(problems)


def test_questionnaires_address_people_as_vy():
    import re

    from monitoring.defaults.questionnaires import TEMPLATES

    texts = [spec["description"] for spec in TEMPLATES] + [
        item[2] for spec in TEMPLATES for item in spec["items"]
    ]
    informal = [text for text in texts if re.search(r"\b(ты|тебе|тебя|твой|твоя|твои|Ты|Тебе)\b", text)]
    capital = [text for text in texts if re.search(r"[а-яё,] (Вы|Вам|Вас|Ваш\w*)\b", text)]
    assert not informal and not capital, informal + capital

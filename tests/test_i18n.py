"""The Russian catalogue is complete: every translatable string in the code has a translation,
the catalogue holds exactly what makemessages extracts (nothing the code uses is invisible to it),
and the compiled .mo matches the .po.

The catalogue is regenerated with
``manage.py makemessages -l ru --no-location --no-obsolete --ignore=.venv --ignore=var --ignore=static
--ignore=tests`` (``make messages``)."""

import ast
import re
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
    shutil.which("msgfmt") is None or shutil.which("xgettext") is None or shutil.which("msgmerge") is None,
    reason="GNU gettext (xgettext, msgmerge, msgfmt) is not installed",
)

Key = tuple[str | None, str, str | None]  # msgctxt, msgid, msgid_plural


def _statistics(po: Path) -> str:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stderr.strip()


@pytest.fixture(scope="module")
def extracted_po(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalogue as makemessages writes it now from the code, merged into a copy of the committed one."""
    if shutil.which("msgfmt") is None or shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.skip("GNU gettext (xgettext, msgmerge, msgfmt) is not installed")
    tmp_path = tmp_path_factory.mktemp("makemessages")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ru", "--no-location", "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    return tmp_path / "locale" / "ru" / "LC_MESSAGES" / "django.po"


@needs_gettext
def test_every_string_in_the_code_is_translated(extracted_po):
    stats = _statistics(extracted_po)
    assert "untranslated" not in stats and "fuzzy" not in stats, (
        f"{stats}. Run `make messages` and translate the new strings in {PO.relative_to(ROOT)}"
    )


@needs_gettext
def test_catalogue_holds_exactly_what_makemessages_extracts(extracted_po):
    """A msgid in the committed catalogue that makemessages no longer extracts would be deleted by the next
    ``makemessages --no-obsolete`` (and its translation lost): either the code still uses it but writes it
    so that xgettext cannot see it (a gettext call inside an f-string, a string built by concatenation,
    an unknown alias of ``_``), or the code no longer uses it. A msgid extracted but missing from the
    catalogue is a new string nobody translated."""
    committed = set(_entries_of(PO))
    extracted = set(_entries_of(extracted_po))
    lost = sorted(committed - extracted, key=str)
    new = sorted(extracted - committed, key=str)
    assert not lost and not new, (
        f"in {PO.relative_to(ROOT)} but not extracted from the code (write the call so that xgettext sees "
        f"it, e.g. gettext(...) into a local variable outside the f-string; or drop it if unused): {lost}; "
        f"extracted but not in the catalogue (run `make messages` and translate): {new}"
    )


_GETTEXT = {
    "gettext": (None, 0, None),
    "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None),
    "ngettext": (None, 0, 1),
    "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None),
    "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}  # function → positions of (msgctxt, msgid, msgid_plural)


def _literal(node: ast.expr) -> str | None:
    """A string literal, or literals joined by ``+`` (what a translator's msgid would be)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _gettext_calls(path: Path) -> dict[Key, int]:
    """Every call of a django.utils.translation function with literal arguments in one module, as Python
    itself reads it (inside f-strings too, under any alias): key → line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {"_": "gettext"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
            for alias in node.names:
                if alias.name in _GETTEXT:
                    names[alias.asname or alias.name] = alias.name
    calls: dict[Key, int] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        function = names.get(name) or (name if isinstance(func, ast.Attribute) and name in _GETTEXT else None)
        if function is None:
            continue
        positions = _GETTEXT[function]
        values = [
            None if position is None or position >= len(node.args) else _literal(node.args[position])
            for position in positions
        ]
        context, msgid, plural = values
        if msgid is None or (positions[0] is not None and context is None):
            continue  # not a literal: nothing an extractor could take either
        calls[(context, msgid, plural)] = node.lineno
    return calls


@needs_gettext
def test_every_gettext_call_in_python_is_extracted(extracted_po):
    """A msgid that xgettext does not see is not in the catalogue either, so the set comparison above
    cannot catch it (e.g. ``f"{gettext('Selection')}: ..."`` stayed English): the Python code's own
    parse of every gettext call must find nothing the extractor missed."""
    extracted = set(_entries_of(extracted_po))
    invisible = []
    for name in SOURCES:
        source = ROOT / name
        for path in sorted(source.rglob("*.py")) if source.is_dir() else [source]:
            for key, line in _gettext_calls(path).items():
                if key not in extracted:
                    invisible.append(f"{path.relative_to(ROOT)}:{line} {key[1]!r}")
    assert not invisible, (
        "gettext calls that makemessages (xgettext) does not extract — take the call out of the f-string "
        "into a local variable, or write the msgid as one literal: " + "; ".join(invisible)
    )


def test_the_header_names_each_field_once():
    header = PO.read_text(encoding="utf-8").split("\n\n", 1)[0]
    fields = re.findall(r'^"([A-Za-z-]+): ', header, flags=re.MULTILINE)
    repeated = sorted({field for field in fields if fields.count(field) > 1})
    assert not repeated, f"the header of {PO.relative_to(ROOT)} repeats {repeated} (a merge left-over)"


@needs_gettext
def test_compiled_catalogue_is_up_to_date(tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "-o", str(compiled), str(PO)], check=True)
    assert compiled.read_bytes() == MO.read_bytes(), "Run `make messages` to recompile locale/ru"


# --- The Russian text itself: proofread once, kept so by these checks ---------------------------------


def _entries(po: Path = PO) -> list[dict[str, object]]:
    """The catalogue's entries: msgctxt, msgid, msgid_plural, msgstr / msgstr[n], flags (a small reader;
    obsolete ``#~`` entries are comments to it)."""
    entries: list[dict[str, object]] = []
    current: dict[str, object] = {}
    key = ""
    for line in po.read_text(encoding="utf-8").splitlines() + [""]:
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


def _entries_of(po: Path) -> dict[Key, dict[str, object]]:
    """The catalogue's entries by (msgctxt, msgid, msgid_plural)."""
    return {
        (
            None if entry.get("msgctxt") is None else str(entry["msgctxt"]),
            str(entry["msgid"]),
            None if entry.get("msgid_plural") is None else str(entry["msgid_plural"]),
        ): entry
        for entry in _entries(po)
    }


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

"""Russian names in the cases documents need, with pytrovich (the Petrovich rules).

Pure module: no Django. «возложить на куратора Смирнову Елену Викторовну» (accusative), «Уважаемая
Ольга Петровна!», «принял» / «приняла». A person's sex comes from the record when it is known, else
it is inferred from the patronymic and the first name (the library's detector); a name the detector
cannot tell is treated as unknown, and the caller decides.
"""

from __future__ import annotations

import re
from functools import lru_cache

MALE = "male"
FEMALE = "female"

NOMINATIVE = "nominative"
GENITIVE = "genitive"
DATIVE = "dative"
ACCUSATIVE = "accusative"
INSTRUMENTAL = "instrumental"
PREPOSITIONAL = "prepositional"
CASES = (NOMINATIVE, GENITIVE, DATIVE, ACCUSATIVE, INSTRUMENTAL, PREPOSITIONAL)


@lru_cache(maxsize=1)
def _maker():
    from pytrovich.maker import PetrovichDeclinationMaker

    return PetrovichDeclinationMaker()


@lru_cache(maxsize=1)
def _detector():
    from pytrovich.detector import PetrovichGenderDetector

    return PetrovichGenderDetector()


def _gender(sex: str):
    from pytrovich.enums import Gender

    return {MALE: Gender.MALE, FEMALE: Gender.FEMALE}.get(sex, Gender.ANDROGYNOUS)


def _case(case: str):
    from pytrovich.enums import Case

    return {
        GENITIVE: Case.GENITIVE,
        DATIVE: Case.DATIVE,
        ACCUSATIVE: Case.ACCUSATIVE,
        INSTRUMENTAL: Case.INSTRUMENTAL,
        PREPOSITIONAL: Case.PREPOSITIONAL,
    }[case]


def infer_sex(first_name: str, patronymic: str = "", last_name: str = "") -> str:
    """``male``, ``female`` or ``""`` when neither the patronymic nor the name tells."""
    from pytrovich.enums import Gender

    first_name, patronymic = first_name.strip(), patronymic.strip()
    lowered = patronymic.lower()
    # patronymics are the surest sign; Turkic «оглы» / «кызы» too
    if lowered.endswith(("вич", "ич", "оглы", "улы")):
        return MALE
    if lowered.endswith(("вна", "чна", "шна", "кызы", "гызы")):
        return FEMALE
    if not first_name and not last_name:
        return ""
    try:
        gender = _detector().detect(
            firstname=first_name or None, middlename=patronymic or None, lastname=last_name.strip() or None
        )
    except (ValueError, KeyError, AttributeError):
        return ""
    return {Gender.MALE: MALE, Gender.FEMALE: FEMALE}.get(gender, "")


def split_full_name(full_name: str) -> tuple[str, str, str]:
    """«Смирнова Елена Викторовна» → (last, first, patronymic); a Turkic «… оглы» stays in the patronymic."""
    parts = full_name.split()
    if not parts:
        return "", "", ""
    if len(parts) == 1:
        return parts[0], "", ""
    return parts[0], parts[1], " ".join(parts[2:])


def _decline_part(part: str, kind: str, sex: str, case: str) -> str:
    from pytrovich.enums import NamePart

    if not part:
        return ""
    name_part = {"last": NamePart.LASTNAME, "first": NamePart.FIRSTNAME, "middle": NamePart.MIDDLENAME}[kind]
    # a double surname «Римский-Корсаков» declines in each half
    pieces = part.split("-")
    try:
        declined = [_maker().make(name_part, _gender(sex), _case(case), piece) for piece in pieces]
    except (ValueError, KeyError, IndexError, AttributeError):
        return part
    return "-".join(spelling(word, first_name=kind == "first") for word in declined)


def spelling(word: str, *, first_name: bool = False) -> str:
    """The spelling rules the Petrovich rules miss when the sex is unknown: «и» not «ы» after г, к, х, ж,
    ш, ч, щ («Сашы» → «Саши»); in a first name (never stressed on the ending) «ей» not «ой» after ж, ш, ч,
    щ, ц («Сашой» → «Сашей»)."""
    word = re.sub(r"(?<=[гкхжшчщГКХЖШЧЩ])ы$", "и", word)
    word = re.sub(r"(?<=[гкхжшчщГКХЖШЧЩ])Ы$", "И", word)
    if first_name:
        word = re.sub(r"(?<=[жшчщцЖШЧЩЦ])ой$", "ей", word)
    return word


def decline(last_name: str, first_name: str, patronymic: str, case: str, sex: str = "") -> str:
    """The full name in ``case``, «Фамилия Имя Отчество» order kept; unknown sex is inferred first."""
    if case == NOMINATIVE:
        return " ".join(part for part in (last_name, first_name, patronymic) if part)
    sex = sex or infer_sex(first_name, patronymic, last_name)
    parts = [
        _decline_part(last_name, "last", sex, case),
        _decline_part(first_name, "first", sex, case),
        _decline_part(patronymic, "middle", sex, case) if not _is_turkic(patronymic) else patronymic,
    ]
    return " ".join(part for part in parts if part)


def decline_full_name(full_name: str, case: str, sex: str = "") -> str:
    return decline(*split_full_name(full_name), case=case, sex=sex)


def _is_turkic(patronymic: str) -> bool:
    return patronymic.lower().endswith((" оглы", " кызы", " гызы", " улы"))


def first_and_patronymic(first_name: str, patronymic: str, case: str = NOMINATIVE, sex: str = "") -> str:
    """«Ольга Петровна» — how a letter addresses a person (in ``case``)."""
    if case == NOMINATIVE:
        return " ".join(part for part in (first_name, patronymic) if part)
    sex = sex or infer_sex(first_name, patronymic)
    parts = [_decline_part(first_name, "first", sex, case), _decline_part(patronymic, "middle", sex, case)]
    return " ".join(part for part in parts if part)


def by_sex(sex: str, male: str, female: str, unknown: str | None = None) -> str:
    """The word that agrees with the person: ``by_sex(sex, "принял", "приняла")``."""
    if sex == MALE:
        return male
    if sex == FEMALE:
        return female
    return unknown if unknown is not None else f"{male}(а)"


def dear(first_name: str, patronymic: str, sex: str = "") -> str:
    """«Уважаемая Ольга Петровна!» / «Уважаемый Пётр Сергеевич!»."""
    sex = sex or infer_sex(first_name, patronymic)
    word = by_sex(sex, "Уважаемый", "Уважаемая", "Уважаемый(ая)")
    return f"{word} {first_and_patronymic(first_name, patronymic)}!"


def initials_first(full_name: str) -> str:
    """«Петрова Ольга Ивановна» → «О.И. Петрова», as a signature line prints it; «О.И. Петрова» stays."""
    text = " ".join(full_name.split())
    if not text:
        return ""
    parts = text.split(" ")
    if parts[0].endswith(".") or (len(parts) > 1 and parts[0].count(".") >= 1):
        return text
    last, first, patronymic = split_full_name(text)
    if not first:
        return last
    if first.endswith(".") and (not patronymic or patronymic.endswith(".")):
        return f"{first}{patronymic} {last}".strip()
    initials = "".join(
        f"{part[0]}." for part in (first, patronymic.split(" ")[0] if patronymic else "") if part
    )
    return f"{initials} {last}"


def initials_last(full_name: str) -> str:
    """«Петрова Ольга Ивановна» → «Петрова О.И.» — the list form."""
    last, first, patronymic = split_full_name(" ".join(full_name.split()))
    initials = "".join(
        f"{part[0]}." for part in (first, patronymic.split(" ")[0] if patronymic else "") if part
    )
    return f"{last} {initials}".strip()


_PYMORPHY_CASES = {
    GENITIVE: "gent",
    DATIVE: "datv",
    ACCUSATIVE: "accs",
    INSTRUMENTAL: "ablt",
    PREPOSITIONAL: "loct",
}


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _inflect_word(word: str, case: str, *, noun: bool) -> str | None:
    """The word in ``case`` (a hyphenated «педагог-психолог» in each half), or None if it is not one."""
    if len(word) > 1 and word.isupper():
        return None  # an abbreviation («МБОУ», «УВР») is never inflected
    if "-" in word:
        halves = [_inflect_word(half, case, noun=noun) for half in word.split("-")]
        inflected = [half for half in halves if half]
        return "-".join(inflected) if len(inflected) == len(halves) else None
    parses = [
        parse
        for parse in _morph().parse(word)
        if "nomn" in parse.tag and ("NOUN" in parse.tag if noun else {"ADJF", "PRTF"} & parse.tag.grammemes)
    ]
    if not parses:
        return None
    inflected = parses[0].inflect({_PYMORPHY_CASES[case]})
    if inflected is None:
        return None
    result = inflected.word
    if word[:1].isupper():
        result = result[:1].upper() + result[1:]
    return result


def decline_phrase(phrase: str, case: str) -> str:
    """A position or a role in ``case``: the leading adjectives and the head noun are inflected, the rest
    (a genitive tail such as «директора по УВР») stays: «заместитель директора по УВР» → «заместителя …».
    A phrase the dictionary cannot read is returned as it is."""
    if case == NOMINATIVE or not phrase.strip():
        return phrase
    words = phrase.split(" ")
    result: list[str] = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        # «старший методист»: an adjective before a nominative noun, though «старший» is a noun too
        adjective = _inflect_word(word, case, noun=False)
        if adjective is not None and following and _inflect_word(following, case, noun=True) is not None:
            result.append(adjective)
            continue
        noun = _inflect_word(word, case, noun=True)
        if noun is not None:
            return " ".join([*result, noun, *words[index + 1 :]])
        if adjective is None:
            return phrase
        result.append(adjective)
    return phrase


# --- The region under the organisation's name ------------------------------------------------------

_TOKEN = re.compile(r"[0-9a-zа-яё]+", re.IGNORECASE)
# abbreviations a region or a name is written with, read as the word they stand for
_ABBREVIATIONS = {"обл": "область", "респ": "республика", "г": "город", "гор": "город", "ао": "автономный"}


def _lemma_sets(text: str) -> list[frozenset[str]]:
    """Each word of ``text`` as the set of its possible dictionary forms («Тверской» → {«тверской»}),
    so that «Тверская область» and «Тверской области» read the same whatever their case."""
    tokens: list[frozenset[str]] = []
    for word in _TOKEN.findall(text.lower().replace("ё", "е")):
        if word.isdigit():
            tokens.append(frozenset({word}))
            continue
        word = _ABBREVIATIONS.get(word, word)
        forms = {parse.normal_form.replace("ё", "е") for parse in _morph().parse(word)[:5]}
        tokens.append(frozenset(forms | {word}))
    return tokens


def _ends_with(name: list[frozenset[str]], part: list[frozenset[str]]) -> bool:
    if not part or len(part) > len(name):
        return False
    return all(a & b for a, b in zip(name[-len(part) :], part, strict=True))


def region_line(name: str, region: str) -> str:
    """The region to print under the organisation's full name, without what the name already ends with.

    «…школа № 1» Тверской области» with the region «Тверская область» prints nothing more; with
    «Тверская область, Конаковский муниципальный округ» and a name ending «…Конаковского муниципального
    округа Тверской области» neither part is repeated. The parts of the region are those separated by
    commas; the comparison is by dictionary forms (pymorphy3), so the case, «ё» and «обл.» do not matter.
    """
    parts = [part.strip() for part in region.split(",") if part.strip()]
    if not parts or not name.strip():
        return region.strip()
    tokens = _lemma_sets(name)
    remaining = list(parts)
    changed = True
    while changed and remaining:
        changed = False
        for part in list(remaining):
            lemmas = _lemma_sets(part)
            if _ends_with(tokens, lemmas):
                tokens = tokens[: -len(lemmas)]
                remaining.remove(part)
                changed = True
    return ", ".join(remaining)

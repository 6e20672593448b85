"""Who is who from one year's list to the next: pure functions, no Django.

A school re-imports its list every September. A row of the new list is the same person as someone
already in the base when:

- the full name is the same with «Ё»/«Е», case and spacing ignored (:func:`name_part`), and so is the
  birth date (or both have none) — an *exact* match, taken as it is; or
- the last and first names are the same, the patronymics agree or one of them is empty, and the birth
  date was added, removed or corrected — a *possible* match the curator decides on («возможно, это тот
  же человек»). The class progression («7Б» last year → «8Б» this year) and shared contacts (a phone,
  an e-mail, a parent's phone) are the evidence: with some, updating is recommended; with a class that
  cannot follow (a namesake in another class) and no shared contact, a corrected birth date is another
  person and is not offered at all.

Namesakes with the same birth date (or none) are told apart by the same evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

_SPACES_AROUND_HYPHEN = re.compile(r"\s*[-‐‑‒–—]\s*")


def name_part(text: str | None) -> str:
    """A part of a name for comparing: lower case, «ё» as «е», spaces collapsed, «Петрова - Водкина» as
    «петрова-водкина»."""
    if not text:
        return ""
    text = " ".join(text.replace("\xa0", " ").lower().replace("ё", "е").split())
    return _SPACES_AROUND_HYPHEN.sub("-", text)


_CLASS = re.compile(r"^\s*(\d{1,2})\s*[-\s«\"']*\s*([а-яёa-z]?)\s*[»\"']?\s*(?:класс)?\s*$", re.IGNORECASE)


def parse_class(name: str | None) -> tuple[int, str] | None:
    """«7Б», «7 «б»», «7-Б», «10» → (grade, letter); a study group such as «ИС-21» → None."""
    if not name:
        return None
    found = _CLASS.match(name)
    if found is None:
        return None
    grade = int(found[1])
    if not 1 <= grade <= 11:
        return None
    return grade, found[2].lower().replace("ё", "е")


def class_follows(old: str, old_year: int | None, new: str, new_year: int) -> bool | None:
    """Whether a pupil of class ``old`` in ``old_year`` can be in ``new`` in ``new_year``.

    One grade a year, or the same grade again (a repeated year); the letter stays. ``None`` when it
    cannot be told (a study group, an unknown year).
    """
    before, after = parse_class(old), parse_class(new)
    if before is None or after is None:
        if old and new and before is None and after is None:
            return name_part(old) == name_part(new) if old_year == new_year else None
        return None
    years = (new_year - old_year) if old_year is not None else None
    if years is not None and years < 0:
        before, after, years = after, before, -years
    step = after[0] - before[0]
    if years is None:  # the year of the old class is not known: this year or the one before
        years = 1
    grade_ok = years - 1 <= step <= years if years else step == 0
    letter_ok = not before[1] or not after[1] or before[1] == after[1]
    return grade_ok and letter_ok


def phone_key(text: str | None) -> str:
    """The last ten digits of a phone number (so «8 900…» and «+7 900…» agree); empty if fewer."""
    digits = re.sub(r"\D", "", text or "")
    return digits[-10:] if len(digits) >= 10 else ""


def contact_keys(values: dict) -> set[str]:
    keys = {
        f"phone:{key}" for key in (phone_key(values.get(name)) for name in ("phone", "guardian_phone")) if key
    }
    email = (values.get("email") or "").strip().lower()
    if email:
        keys.add(f"email:{email}")
    return keys


@dataclass(frozen=True)
class Known:
    """A person already in the base, as the matching sees them."""

    id: int
    last_name: str
    first_name: str
    patronymic: str
    birth_date: date | None
    classes: tuple[tuple[int | None, str], ...]  # (academic year, class), the current class last
    contacts: frozenset[str]


@dataclass(frozen=True)
class Candidate:
    person_id: int
    exact: bool  # the full name and the birth date agree
    recommended: bool  # the evidence says it is the same person
    reasons: tuple[str, ...]  # codes: patronymic_added, birth_added, birth_removed, birth_corrected, …


def _class_evidence(known: Known, group_name: str, year: int) -> bool | None:
    if not group_name:
        return None
    verdicts = [class_follows(old, old_year, group_name, year) for old_year, old in known.classes if old]
    if any(verdict is True for verdict in verdicts):
        return True
    if any(verdict is False for verdict in verdicts):
        return False
    return None


def compare(row: dict, known: Known, year: int) -> Candidate | None:
    """How the row (the file's values) relates to a known person; None when it is somebody else."""
    if name_part(row.get("last_name")) != name_part(known.last_name):
        return None
    if name_part(row.get("first_name")) != name_part(known.first_name):
        return None
    reasons: list[str] = []
    new_patronymic, old_patronymic = name_part(row.get("patronymic")), name_part(known.patronymic)
    if new_patronymic != old_patronymic:
        if new_patronymic and old_patronymic:
            return None  # another father's name: another person
        reasons.append("patronymic_added" if new_patronymic else "patronymic_missing")
    new_birth, old_birth = row.get("birth_date"), known.birth_date
    if new_birth != old_birth:
        if new_birth and old_birth:
            reasons.append("birth_corrected")
        else:
            reasons.append("birth_added" if new_birth else "birth_missing")
    class_fit = _class_evidence(known, row.get("group_name") or "", year)
    shared_contact = bool(contact_keys(row) & known.contacts)
    if class_fit:
        reasons.append("class_follows")
    elif class_fit is False:
        reasons.append("class_differs")
    if shared_contact:
        reasons.append("same_contacts")
    # a file without the patronymic or the birth date (a class list often has neither) leaves no doubt
    exact = set(reasons) <= {"class_follows", "same_contacts", "patronymic_missing", "birth_missing"}
    if exact and class_fit is False and not shared_contact and not (new_birth and old_birth):
        # the same name without birth dates, in a class that cannot follow: a namesake, maybe
        return Candidate(known.id, exact=False, recommended=False, reasons=tuple(reasons))
    if exact:
        return Candidate(known.id, exact=True, recommended=True, reasons=tuple(reasons))
    if "birth_corrected" in reasons and class_fit is not True and not shared_contact:
        if class_fit is False or "patronymic_added" in reasons:
            return None  # a namesake with another birth date in a class that does not follow
        return Candidate(known.id, exact=False, recommended=False, reasons=tuple(reasons))
    recommended = bool(class_fit or shared_contact) or (
        class_fit is None and "birth_corrected" not in reasons
    )
    if class_fit is False and not shared_contact:
        recommended = False
    return Candidate(known.id, exact=False, recommended=recommended, reasons=tuple(reasons))


def candidates(row: dict, people: Iterable[Known], year: int) -> list[Candidate]:
    """Everyone the row may be, best first: exact matches, then recommended, then the rest.

    Among several exact matches (namesakes with the same birth date or none) those that the class or
    the contacts support come first; the caller decides whether one stands out.
    """
    found = [candidate for known in people if (candidate := compare(row, known, year)) is not None]

    def rank(candidate: Candidate) -> tuple:
        support = ("class_follows" in candidate.reasons) + ("same_contacts" in candidate.reasons)
        return (not candidate.exact, not candidate.recommended, -support, candidate.person_id)

    return sorted(found, key=rank)


def supported(candidate: Candidate) -> bool:
    return "class_follows" in candidate.reasons or "same_contacts" in candidate.reasons


def pick_exact(found: list[Candidate]) -> Candidate | None | str:
    """The one exact match; among namesakes the only one the evidence supports; ``"ambiguous"`` when
    several remain; None when there is no exact match."""
    exact = [candidate for candidate in found if candidate.exact]
    if not exact:
        return None
    if len(exact) == 1:
        return exact[0]
    backed = [candidate for candidate in exact if supported(candidate)]
    if len(backed) == 1:
        return backed[0]
    return "ambiguous"

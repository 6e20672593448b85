"""The data every generated document starts from: the organisation, its head, curator and forms, and an
order record with its appendix and the people who sign that they have read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import prefetch_related_objects
from django.utils import timezone

from mentoring.models import Programme
from participants.models import Person

from .. import declension
from ..models import Order, OrderItem, OrderKind
from ..orders.services import curator_facts, curators_of, regulation_requisites, requisites_of
from ..orders.texts import APPENDIX_HEADINGS, lower_first

if TYPE_CHECKING:
    from mentoring.models import User
    from monitoring.models import IndividualPlan
    from pairing.models import MentoringGroup

MONTHS_GENITIVE = [
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
]  # fmt: skip


def day_text(day: date | None) -> str:
    """«01 сентября 2025 г.»"""
    if day is None:
        return "«___» __________ 20__ г."
    return f"«{day:%d}» {MONTHS_GENITIVE[day.month - 1]} {day.year} г."


def short_date(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else "__.__.20__"


def person_context(name: str, sex: str = "", position: str = "", **extra: Any) -> dict[str, Any]:
    """A person in the forms a document needs: cases, «И.О. Фамилия», «Фамилия И.О.», the address."""
    last, first, patronymic = declension.split_full_name(name)
    sex = sex or declension.infer_sex(first, patronymic, last)
    return {
        "name": name,
        "name_gen": declension.decline(last, first, patronymic, declension.GENITIVE, sex),
        "name_dat": declension.decline(last, first, patronymic, declension.DATIVE, sex),
        "name_acc": declension.decline(last, first, patronymic, declension.ACCUSATIVE, sex),
        "name_ins": declension.decline(last, first, patronymic, declension.INSTRUMENTAL, sex),
        "short": declension.initials_first(name),
        "short_dat": _initials_in_case(last, first, patronymic, declension.DATIVE, sex),
        "short_gen": _initials_in_case(last, first, patronymic, declension.GENITIVE, sex),
        "short_last": declension.initials_last(name),
        "first_and_patronymic": declension.first_and_patronymic(first, patronymic),
        "dear": declension.dear(first, patronymic, sex) if first else "",
        "sex": sex,
        "female": sex == declension.FEMALE,
        "position": position,
        "position_gen": declension.decline_phrase(lower_first(position), declension.GENITIVE)
        if position
        else "",
        "position_acc": declension.decline_phrase(lower_first(position), declension.ACCUSATIVE)
        if position
        else "",
        "position_dat": declension.decline_phrase(lower_first(position), declension.DATIVE)
        if position
        else "",
        "position_ins": declension.decline_phrase(lower_first(position), declension.INSTRUMENTAL)
        if position
        else "",
        **extra,
    }


def _initials_in_case(last: str, first: str, patronymic: str, case: str, sex: str) -> str:
    """«О.И. Петровой» — initials before the surname in ``case``."""
    if not last:
        return ""
    declined = declension.decline(last, first, patronymic, case, sex).split(" ")[0] if first else last
    initials = "".join(
        f"{part[0]}." for part in (first, patronymic.split(" ")[0] if patronymic else "") if part
    )
    return f"{initials} {declined}".strip()


def organization_context(programme: Programme, *, curator: User | None = None) -> dict[str, Any]:
    """``org``, ``year``, ``today``, ``regulation``, ``forms``, ``curator`` for any template."""
    from pairing.services import forms_for

    organization = programme.organization
    requisites = requisites_of(organization)
    regulation_number, regulation_day = regulation_requisites(programme)
    if curator is None:
        curators = curators_of(organization)
        curator = curators[0] if curators else None
    curator_name, curator_position, curator_sex = curator_facts(organization, curator)
    forms = forms_for(programme)
    prefetch_related_objects(forms, "role_models")
    return {
        "org": {
            "name": organization.name,
            "short_name": organization.short_name or organization.name,
            # under the name, unless the name already ends with it («…Тверской области»)
            "region": declension.region_line(organization.name, organization.region),
            "region_full": organization.region,
            "place": requisites.place,
            "head_position": organization.head_position or "Директор",
            "head_name": declension.initials_first(organization.head_name),
            "head_full_name": organization.head_name,
            "name_gen": declension.decline_phrase(organization.name, declension.GENITIVE),
            "name_loc": declension.decline_phrase(organization.name, declension.PREPOSITIONAL),
            "head": person_context(organization.head_name, "", organization.head_position or "Директор"),
        },
        "year": programme.academic_year.label,
        "year_start": programme.academic_year.start_year,
        "year_end": programme.academic_year.start_year + 1,
        "today": short_date(timezone.localdate()),
        "regulation": {"number": regulation_number or "____", "day": short_date(regulation_day)},
        "forms": [
            {
                "name": form.name,
                "description": form.description,
                "roles": [role.name for role in form.role_models.all()],
            }
            for form in forms
        ],
        "curator": person_context(curator_name, curator_sex, curator_position)
        if curator_name
        else person_context(""),
    }


def _person_line(person: Person) -> str:
    return f"{person.full_name}, {person.group_name}" if person.group_name else person.full_name


def _person_position(person: Person) -> str:
    if person.position:
        return person.position
    if person.group_name:
        return person.group_name
    return str(Person.Kind(person.kind).label) if person.kind else ""


def _period(group: MentoringGroup) -> str:
    if not (group.start_date or group.planned_end_date):
        return ""
    start = short_date(group.start_date) if group.start_date else "…"
    end = short_date(group.planned_end_date) if group.planned_end_date else "…"
    return f"{start} – {end}"


def order_items(order: Order) -> list[OrderItem]:
    return list(
        order.items.select_related("person", "group__form", "group__role_model", "plan").order_by(
            "position", "pk"
        )
    )


@dataclass
class _PairEntry:
    """A pair (or a plan) of the order, with the people its items list under it."""

    group: MentoringGroup | None
    plan: IndividualPlan | None
    mentors: list[Person] = field(default_factory=list)
    mentees: list[Person] = field(default_factory=list)


def _pair_rows(items: list[OrderItem], *, plans: bool) -> list[dict[str, str]]:
    entries: list[_PairEntry] = []
    by_key: dict[int, _PairEntry] = {}
    for item in items:
        key = item.plan_id if plans else item.group_id
        if key is None or (plans and item.plan_id is None):
            continue
        person = item.person
        if person is None:
            entry = _PairEntry(group=item.group, plan=item.plan)
            by_key[key] = entry
            entries.append(entry)
            continue
        found = by_key.get(key)
        if found is None:
            continue
        (found.mentors if item.role == OrderItem.Role.MENTOR else found.mentees).append(person)
    result = []
    for number, entry in enumerate(entries, start=1):
        group = entry.group
        if group is None:  # a pair's or a plan's heading item always names its group (``orders.services``)
            raise ValueError(f"The order item of the pair or plan {number} names no group.")
        kind = "группа" if len(entry.mentors) > 1 or len(entry.mentees) > 1 else ""
        form = group.form.name + (f"\n({group.role_model.name})" if group.role_model else "")
        if kind:
            form += f"\n{kind}"
        row = {
            "n": str(number),
            "mentors": "\n".join(_person_line(p) for p in entry.mentors),
            "mentees": "\n".join(_person_line(p) for p in entry.mentees),
            "form": form,
            "period": _period(group),
        }
        if plans:
            # one goal a line, as the plan lists them; spaces inside a line collapsed
            goals_text = entry.plan.goals if entry.plan is not None else ""
            lines = (" ".join(line.split()) for line in (goals_text or "").splitlines())
            goals = "\n".join(line for line in lines if line)
            row["goals"] = goals if len(goals) <= 400 else goals[:399].rsplit(" ", 1)[0] + "…"
        result.append(row)
    return result


def _roadmap_rows(programme: Programme) -> list[dict[str, str]]:
    from roadmap.models import RoadmapEvent

    events = (
        RoadmapEvent.objects.filter(programme=programme)
        .select_related("section")
        .prefetch_related("responsible_users")
        .order_by("section__position", "section_id", "position", "pk")
    )
    rows = []
    for index, event in enumerate(events, start=1):
        responsible = [user.get_full_name() or user.get_username() for user in event.responsible_users.all()]
        responsible += event.responsible_lines
        rows.append(
            {
                "number": event.number or f"{index}.",
                "title": event.title,
                "period": event.period_text,
                "responsible": "\n".join(responsible),
                "result": event.expected_result,
            }
        )
    return rows


def _people_rows(items: list[OrderItem], role: str, roles: dict[int, str] | None = None) -> list[dict[str, str]]:
    """The order's people in ``role``; ``roles``: a person's roles in the programme by the person's id."""
    roles = roles or {}
    rows: list[dict[str, str]] = []
    for item in items:
        if item.role != role or item.person is None:
            continue
        rows.append(
            {
                "n": str(len(rows) + 1),
                "name": item.person.full_name,
                "position": _person_position(item.person),
                "role": roles.get(item.person.pk, ""),
                "note": item.note,
            }
        )
    return rows


# the position an acquaintance line gives a person who has none, by the person's role in the order
_ACQUAINTED_POSITIONS: dict[str, str] = {
    OrderItem.Role.MENTOR: "наставник",
    OrderItem.Role.MENTEE: "наставляемый",
    OrderItem.Role.WORKING_GROUP: "член рабочей группы",
    OrderItem.Role.REWARDED: "участник программы наставничества",
}


def acquainted(order: Order, items: list[OrderItem]) -> list[dict[str, str]]:
    """Everyone the order concerns, once, who signs it: the curator it names, the staff and adult
    participants among its people (pupils are acquainted through their class teacher)."""
    people: dict[str, dict[str, str]] = {}
    if order.responsible_name:
        people[order.responsible_name] = {
            "name": order.responsible_name,
            "position": order.responsible_position or "куратор",
        }
    cancelled = order.cancels if order.kind == OrderKind.CANCEL else None
    if cancelled is not None and cancelled.responsible_name:  # the curator the cancelled order named
        people.setdefault(
            cancelled.responsible_name,
            {"name": cancelled.responsible_name, "position": cancelled.responsible_position or "куратор"},
        )
    for item in items:
        person = item.person
        if person is None or person.kind == Person.Kind.PUPIL or person.is_anonymised:
            continue
        role = _ACQUAINTED_POSITIONS.get(item.role, "")
        position = person.position or role
        people.setdefault(person.full_name, {"name": person.full_name, "position": position})
    return sorted(people.values(), key=lambda entry: entry["name"])


def appendix_rows(order: Order, items: list[OrderItem]) -> list[dict[str, str]]:
    """The rows of the order's appendix: its pairs, plans, people, or the roadmap it approves."""
    if order.kind == OrderKind.PAIRING:
        return _pair_rows(items, plans=False)
    if order.kind == OrderKind.PLANS:
        return _pair_rows(items, plans=True)
    if order.kind in (OrderKind.MODEL, OrderKind.ROADMAP):
        return _roadmap_rows(order.programme)
    if order.kind == OrderKind.REWARD:
        return _people_rows(items, OrderItem.Role.REWARDED, _programme_roles(order.programme, items))
    if order.kind == OrderKind.CURATOR:
        return _people_rows(items, OrderItem.Role.WORKING_GROUP)
    return []


def order_context(order: Order) -> dict[str, Any]:
    """Everything the order template reads: the record's text, its appendix and the acquaintance list."""
    programme = order.programme
    context = organization_context(programme, curator=order.responsible)
    items = order_items(order)
    rows = appendix_rows(order, items)
    context["order"] = {
        "number": order.number,
        "day": short_date(order.day),
        "day_text": day_text(order.day),
        "title": order.title,
        "place": order.place or context["org"]["place"],
        "preamble": [paragraph.strip() for paragraph in order.preamble.split("\n") if paragraph.strip()],
        "points": list(order.points),
        "signatory_position": order.signatory_position or context["org"]["head_position"],
        "signatory_name": order.signatory_name or context["org"]["head_name"],
        "requisites": str(order.requisites),
    }
    context["appendix"] = {"heading": APPENDIX_HEADINGS.get(order.kind, ""), "rows": rows}
    cancelled = order.cancels if order.kind == OrderKind.CANCEL else None
    context["cancelled"] = {
        "number": cancelled.number if cancelled else "",
        "day": short_date(cancelled.day if cancelled else None),
        "title": cancelled.title if cancelled else "",
        "requisites": str(cancelled.requisites) if cancelled else "",
    }
    context["acquainted"] = acquainted(order, items)
    return context


def _programme_roles(programme: Programme, items: list[OrderItem]) -> dict[int, str]:
    """The roles in the programme of the items' people («наставник, наставляемый»), by the person's id."""
    from participants.models import MenteeProfile, MentorProfile

    ids = [item.person_id for item in items if item.person_id]
    mentors = set(
        MentorProfile.objects.filter(programme=programme, person_id__in=ids).values_list(
            "person_id", flat=True
        )
    )
    mentees = set(
        MenteeProfile.objects.filter(programme=programme, person_id__in=ids).values_list(
            "person_id", flat=True
        )
    )
    found: dict[int, str] = {}
    for item in items:
        if item.person_id is None:
            continue
        roles = []
        if item.person_id in mentors:
            roles.append("наставник")
        if item.person_id in mentees:
            roles.append("наставляемый")
        found[item.person_id] = ", ".join(roles)
    return found

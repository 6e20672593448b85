"""The figures computed a second way: plain reads of the raw tables and loops over the rows, following
the rules as the README states them («Статистика для РНЦ: кто считается участником») and the metric
definitions of ``monitoring/kpis/selectors.py`` — never calling the production selectors, the
participation module or the statistics engine.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from statistics import mean

from django.conf import settings
from django.db.models import F

from mentoring.models import Organization, Programme
from monitoring import models as m
from pairing.models import GroupMember, MentoringForm, MentoringGroup
from participants.models import Consent, MenteeProfile, MentorProfile, PartnerOrganization, Person
from roadmap.models import RoadmapEvent

LEARNERS = {"pupil", "college_student"}  # the organisation's own learners (KPI contingent)
GROUPS = {
    "staff": {"teacher", "other_staff"},
    "learners": {"pupil", "college_student", "university_student"},
    "partners": {"partner_employee"},
}
CATEGORY_FIELDS = {
    "ovz": "has_ovz",
    "disability": "has_disability",
    "deviant_behaviour": "deviant_behaviour",
    "gifted": "gifted",
    "difficult_situation": "difficult_situation",
    "low_income": "low_income",
    "rural": "rural",
    "orphan": "orphan",
}
COUNTED_PAIRS = {"active", "completed", "terminated"}


def period(start_year: int, today: date) -> tuple[date, date]:
    start, end = date(start_year, 9, 1), date(start_year + 1, 8, 31)
    if today < start:
        return start, start
    return start, min(today, end)


def age(birth: date | None, day: date) -> int | None:
    if birth is None:
        return None
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years


def counts_in(profile: dict, start: date, end: date) -> bool:
    if profile["status"] == "candidate":
        return False
    if profile["entry_date"] is not None and profile["entry_date"] > end:
        return False
    return profile["exit_date"] is None or profile["exit_date"] >= start


@dataclass
class Raw:
    """Every row the figures come from, read with plain queries."""

    today: date
    programmes: dict[int, dict] = field(default_factory=dict)
    organizations: dict[int, dict] = field(default_factory=dict)
    people: dict[int, dict] = field(default_factory=dict)
    mentees: list[dict] = field(default_factory=list)
    mentors: list[dict] = field(default_factory=list)
    groups: dict[int, dict] = field(default_factory=dict)
    members: list[dict] = field(default_factory=list)
    forms: dict[int, dict] = field(default_factory=dict)
    consented: set[int] = field(default_factory=set)
    partners: dict[int, int] = field(default_factory=dict)  # organisation → how many
    settings: dict[int, dict] = field(default_factory=dict)
    answers: list[dict] = field(default_factory=list)
    campaigns: list[dict] = field(default_factory=list)
    scale_answers: list[dict] = field(default_factory=list)
    scale_items: list[dict] = field(default_factory=list)
    plans: dict[int, dict] = field(default_factory=dict)
    meetings: dict[int, int] = field(default_factory=dict)  # programme → how many
    activities: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    targets: dict[tuple[int, int], float] = field(default_factory=dict)


def load(today: date) -> Raw:
    raw = Raw(today=today)
    for row in Programme.objects.values(
        "id",
        "organization_id",
        "pupils_total",
        "pupils_with_disabilities",
        "teachers_total",
        "young_teachers_total",
        start_year=F("academic_year__start_year"),
    ):
        raw.programmes[row["id"]] = row
    for row in Organization.objects.values("id", "short_name", "kind", "parent_id"):
        raw.organizations[row["id"]] = row
    for row in Person.objects.values("id", "kind", "birth_date", "anonymised_at"):
        raw.people[row["id"]] = row
    categories = list(CATEGORY_FIELDS.values())
    raw.mentees = list(
        MenteeProfile.objects.values(
            "programme_id", "person_id", "status", "entry_date", "exit_date", *categories
        )
    )
    raw.mentors = list(
        MentorProfile.objects.values(
            "programme_id", "person_id", "status", "entry_date", "exit_date", "partner_id"
        )
    )
    for row in MentoringGroup.objects.values(
        "id", "programme_id", "form_id", "status", "start_date", "closed_on"
    ):
        raw.groups[row["id"]] = row
    raw.members = list(GroupMember.objects.order_by("group_id", "pk").values("group_id", "person_id", "role"))
    for row in MentoringForm.objects.values(
        "id", "key", "name", "organization_id", "organization_kinds", "is_active"
    ):
        raw.forms[row["id"]] = row
    raw.consented = {
        row["person_id"]
        for row in Consent.objects.values("person_id", "scope", "withdrawn_on")
        if row["scope"] == "personal_data" and row["withdrawn_on"] is None
    }
    for row in PartnerOrganization.objects.values("organization_id"):
        raw.partners[row["organization_id"]] = raw.partners.get(row["organization_id"], 0) + 1
    for row in m.MonitoringSettings.objects.values(
        "organization_id", "kpi_age_min", "kpi_age_max", "satisfied_from"
    ):
        raw.settings[row["organization_id"]] = row
    raw.answers = list(
        m.Answer.objects.values(
            "number",
            "response_id",
            key=F("item__key"),
            kind=F("item__kind"),
            purpose=F("item__template__purpose"),
            campaign_id=F("response__invitation__campaign_id"),
            campaign_title=F("response__invitation__campaign__title"),
            programme_id=F("response__invitation__campaign__programme_id"),
            respondent=F("response__invitation__respondent"),
        )
    )
    raw.campaigns = list(
        m.Campaign.objects.values(
            "id",
            "title",
            "programme_id",
            "stage",
            "baseline_id",
            "template_id",
            purpose=F("template__purpose"),
        )
    )
    raw.scale_answers = list(
        m.Answer.objects.filter(item__kind="scale").values(
            "number",
            key=F("item__key"),
            template_id=F("item__template_id"),
            campaign_id=F("response__invitation__campaign_id"),
            person_id=F("response__invitation__person_id"),
            user_id=F("response__invitation__user_id"),
            respondent=F("response__invitation__respondent"),
        )
    )
    raw.scale_items = list(
        m.QuestionItem.objects.filter(kind="scale").values("template_id", "key", "position", "id")
    )
    for row in m.IndividualPlan.objects.values("id", programme_id=F("group__programme_id")):
        raw.plans[row["id"]] = {**row, "tasks": 0, "done": 0}
    for row in m.PlanTask.objects.values("plan_id", "done_on"):
        raw.plans[row["plan_id"]]["tasks"] += 1
        raw.plans[row["plan_id"]]["done"] += row["done_on"] is not None
    for row in m.Meeting.objects.values(programme_id=F("group__programme_id")):
        raw.meetings[row["programme_id"]] = raw.meetings.get(row["programme_id"], 0) + 1
    raw.activities = list(m.InformationActivity.objects.values("programme_id", "kind", "attendance"))
    raw.events = list(RoadmapEvent.objects.values("programme_id", "status", "deadline", "completed_on"))
    raw.indicators = list(
        m.Indicator.objects.values(
            "id",
            "organization_id",
            "key",
            "name",
            "numerator",
            "denominator",
            "use_age_band",
            "unit",
            "direction",
            "position",
            "is_active",
        )
    )
    for row in m.IndicatorTarget.objects.values("programme_id", "indicator_id", "value"):
        raw.targets[(row["programme_id"], row["indicator_id"])] = float(row["value"])
    return raw


# --------------------------------------------------------------------------------------------------
# who takes part, per programme


@dataclass
class Year:
    """One programme's participants by the rule, with what the figures need about them."""

    programme: dict
    start: date
    end: date
    mentees: list[dict]  # profiles that count, with "person"
    mentors: list[dict]


def year_of(raw: Raw, programme_id: int) -> Year:
    programme = raw.programmes[programme_id]
    start, end = period(programme["start_year"], raw.today)
    mentees = [
        {**p, "person": raw.people[p["person_id"]]}
        for p in raw.mentees
        if p["programme_id"] == programme_id and counts_in(p, start, end)
    ]
    mentors = [
        {**p, "person": raw.people[p["person_id"]]}
        for p in raw.mentors
        if p["programme_id"] == programme_id and counts_in(p, start, end)
    ]
    return Year(programme=programme, start=start, end=end, mentees=mentees, mentors=mentors)


# --------------------------------------------------------------------------------------------------
# KPI metrics


def settings_of(raw: Raw, organization_id: int) -> dict:
    """The organisation's settings; its KPI band its own, else that of the nearest organisation above
    with one, else 10–18 (walked up the parents here, not through the selector's joins)."""
    chosen = dict(raw.settings.get(organization_id) or {"satisfied_from": 7})
    band = None
    current: int | None = organization_id
    while current is not None:
        found = raw.settings.get(current)
        if found and found["kpi_age_min"] is not None and found["kpi_age_max"] is not None:
            band = (found["kpi_age_min"], found["kpi_age_max"])
            break
        current = raw.organizations[current]["parent_id"]
    chosen["kpi_age_min"], chosen["kpi_age_max"] = band or (10, 18)
    return chosen


def metrics(raw: Raw, programme_id: int) -> dict[str, float]:
    year = year_of(raw, programme_id)
    programme = year.programme
    chosen = settings_of(raw, programme["organization_id"])

    def in_band(person: dict) -> bool:
        years = age(person["birth_date"], year.end)
        return years is not None and chosen["kpi_age_min"] <= years <= chosen["kpi_age_max"]

    paired = {
        member["person_id"]
        for member in raw.members
        if member["role"] == "mentee"
        and raw.groups[member["group_id"]]["programme_id"] == programme_id
        and raw.groups[member["group_id"]]["status"] in ("active", "completed")
    }
    result: dict[str, float] = {
        "pupils": programme["pupils_total"],
        "pupils_ovz": programme["pupils_with_disabilities"],
        "teachers": programme["teachers_total"],
        "young_teachers": programme["young_teachers_total"],
    }
    kinds = {
        "mentees": lambda p: True,
        "pupil_mentees": lambda p: p["person"]["kind"] in LEARNERS,
        "mentees_in_pairs": lambda p: p["person_id"] in paired,
        "mentees_ovz": lambda p: p["has_ovz"] or p["has_disability"],
    }
    for key, test in kinds.items():
        result[key] = sum(1 for p in year.mentees if test(p))
        result[key + "@band"] = sum(1 for p in year.mentees if test(p) and in_band(p["person"]))
    # «молодые педагоги»: teachers under 35 on the last day of the period (as in the statistics)
    result["young_teacher_mentees"] = sum(
        1
        for p in year.mentees
        if p["person"]["kind"] == "teacher"
        and (years := age(p["person"]["birth_date"], year.end)) is not None
        and years < 35
    )
    learners = {
        p["person_id"]: p["person"] for p in year.mentees + year.mentors if p["person"]["kind"] in LEARNERS
    }
    result["pupils_involved"] = len(learners)
    result["pupils_involved@band"] = sum(1 for person in learners.values() if in_band(person))
    result["mentors"] = len(year.mentors)
    result["teacher_mentors"] = sum(1 for p in year.mentors if p["person"]["kind"] == "teacher")
    people = {p["person_id"]: p["person"] for p in year.mentees + year.mentors}
    result["participants"] = len(people)
    kept = {pk for pk, person in people.items() if person["anonymised_at"] is None}
    result["participants_with_data"] = len(kept)
    result["participants_with_consent"] = len(kept & raw.consented)
    result["partners"] = raw.partners.get(programme["organization_id"], 0)
    result["partners_with_mentors"] = len({p["partner_id"] for p in year.mentors if p["partner_id"]})
    for key in ("respondents", "satisfied", "respondents_mentees", "satisfied_mentees"):
        result[key] = 0
    result["respondents_mentors"] = result["satisfied_mentors"] = 0
    for answer in raw.answers:
        if (
            answer["programme_id"] != programme_id
            or answer["key"] != "overall"
            or answer["purpose"] != "satisfaction"
            or answer["number"] is None
        ):
            continue
        happy = answer["number"] >= chosen["satisfied_from"]
        result["respondents"] += 1
        result["satisfied"] += happy
        if answer["respondent"] in ("mentee", "mentor"):
            result[f"respondents_{answer['respondent']}s"] += 1
            result[f"satisfied_{answer['respondent']}s"] += happy
    plans = [plan for plan in raw.plans.values() if plan["programme_id"] == programme_id]
    result["plans"] = len(plans)
    result["plans_completed"] = sum(1 for p in plans if p["tasks"] and p["done"] >= 0.9 * p["tasks"])
    activity_keys = {
        "publication": ("publications", None),
        "parent_meeting": ("parent_meetings", "parent_attendance"),
        "class_hour": ("class_hours", "class_hour_attendance"),
        "graduates_meeting": ("graduates_meetings", None),
        "common_event": ("common_events", None),
    }
    for count_key, people_key in activity_keys.values():
        result[count_key] = 0
        if people_key:
            result[people_key] = 0
    for activity in raw.activities:
        if activity["programme_id"] != programme_id or activity["kind"] not in activity_keys:
            continue
        count_key, people_key = activity_keys[activity["kind"]]
        result[count_key] += 1
        if people_key:
            result[people_key] += activity["attendance"] or 0
    events = [e for e in raw.events if e["programme_id"] == programme_id and e["status"] != "cancelled"]
    result["roadmap_events"] = len(events)
    done = [e for e in events if e["status"] == "done"]
    result["roadmap_events_done"] = len(done)
    result["roadmap_events_done_on_time"] = sum(
        1 for e in done if e["deadline"] is None or e["completed_on"] <= e["deadline"]
    )
    return result


@dataclass
class Kpi:
    indicator: dict
    numerator: float
    denominator: float | None
    value: float | None
    target: float | None
    light: str


def light_label(light: str) -> str:
    """The traffic light's words as the catalogue has them (words, not figures)."""
    from django.utils.translation import pgettext

    english = {
        "green": "target met",
        "yellow": "close to the target",
        "red": "behind the target",
        "grey": "no target or no data",
    }
    return pgettext("traffic light", english[light])


def light(value: float | None, target: float | None, direction: str) -> str:
    if value is None or target is None:
        return "grey"
    if direction == "lower":
        return "green" if value <= target else "yellow" if value <= target * 1.1 else "red"
    return "green" if value >= target else "yellow" if value >= target * 0.9 else "red"


def value_of(numerator: float, denominator: float | None, unit: str) -> float | None:
    if unit == "count":
        return float(numerator)
    if not denominator:
        return None
    return numerator * 100.0 / denominator


def indicators_of(raw: Raw, organization_id: int | None) -> list[dict]:
    """Active shared indicators and the organisation's own, in their order."""
    found = [
        i
        for i in raw.indicators
        if i["is_active"] and (i["organization_id"] is None or i["organization_id"] == organization_id)
    ]
    return sorted(found, key=lambda i: (i["position"], i["name"], i["id"]))


FEDERAL_AIM = 70.0  # ``FEDERAL_COVERAGE_AIM``: the target of the coverage of pupils when none is set


def target_of(raw: Raw, organization_id: int, start_year: int, indicator: dict) -> float | None:
    """The organisation's target: its own for the year, else that of the nearest organisation above it
    with one, else the federal aim for the coverage of pupils (the README's rule, walked by hand)."""
    programme_of = {(p["organization_id"], p["start_year"]): pid for pid, p in raw.programmes.items()}
    current: int | None = organization_id
    while current is not None:
        programme_id = programme_of.get((current, start_year))
        if programme_id is not None and (programme_id, indicator["id"]) in raw.targets:
            return raw.targets[(programme_id, indicator["id"])]
        current = raw.organizations[current]["parent_id"]
    if indicator["key"] == "pupils_in_mentoring" and indicator["organization_id"] is None:
        return FEDERAL_AIM
    return None


def kpis(raw: Raw, programme_id: int, *, shared_only: bool = False) -> list[Kpi]:
    programme = raw.programmes[programme_id]
    numbers = metrics(raw, programme_id)
    found = []
    for indicator in indicators_of(raw, programme["organization_id"]):
        if shared_only and indicator["organization_id"] is not None:
            continue
        band = "@band" if indicator["use_age_band"] else ""

        def read(key: str, band: str = band) -> float:
            return float(numbers[key + band] if key + band in numbers else numbers[key])

        numerator = read(indicator["numerator"])
        denominator = read(indicator["denominator"]) if indicator["denominator"] else None
        value = value_of(numerator, denominator, indicator["unit"])
        target = target_of(raw, programme["organization_id"], programme["start_year"], indicator)
        found.append(
            Kpi(
                indicator, numerator, denominator, value, target, light(value, target, indicator["direction"])
            )
        )
    return found


def municipal_totals(raw: Raw, programme_ids: list[int], body: int | None = None) -> list[Kpi]:
    """The shared indicators added up over the programmes, against the targets of ``body`` (the
    authority or region whose total it is; no target without it)."""
    per_school = [kpis(raw, pid, shared_only=True) for pid in programme_ids]
    start_year = raw.programmes[programme_ids[0]]["start_year"] if programme_ids else 0
    totals = []
    for column, indicator in enumerate(indicators_of(raw, None)):
        cells = [row[column] for row in per_school]
        numerator = sum(cell.numerator for cell in cells)
        denominators = [cell.denominator for cell in cells if cell.denominator is not None]
        denominator = sum(denominators) if denominators else None
        value = value_of(numerator, denominator, indicator["unit"])
        target = target_of(raw, body, start_year, indicator) if body is not None else None
        totals.append(
            Kpi(
                indicator, numerator, denominator, value, target, light(value, target, indicator["direction"])
            )
        )
    return totals


# --------------------------------------------------------------------------------------------------
# РНЦ statistics


@dataclass(frozen=True)
class Someone:
    role: str
    kind: str
    age: int | None
    categories: frozenset
    form: str


def runs_in(group: dict, start: date, end: date) -> bool:
    """A pair runs in a period when it started by its end (or has no start) and did not close before it."""
    began = group["start_date"] is None or group["start_date"] <= end
    still = group["closed_on"] is None or group["closed_on"] >= start
    return began and still


def first_forms(raw: Raw, programme_id: int) -> dict[tuple[int, str], str]:
    """(person, role) → the form key of their lowest-numbered counted pair running in the period."""
    year = year_of(raw, programme_id)
    found: dict[tuple[int, str], int] = {}
    for member in raw.members:
        group = raw.groups[member["group_id"]]
        if group["programme_id"] != programme_id or group["status"] not in COUNTED_PAIRS:
            continue
        if not runs_in(group, year.start, year.end):
            continue
        key = (member["person_id"], member["role"])
        found[key] = min(found.get(key, group["id"]), group["id"])
    return {key: raw.forms[raw.groups[group_id]["form_id"]]["key"] for key, group_id in found.items()}


def statistics_people(raw: Raw, programme_id: int) -> tuple[list[Someone], list[dict]]:
    year = year_of(raw, programme_id)
    forms = first_forms(raw, programme_id)
    people = []
    by_person = {}
    for role, profiles in (("mentee", year.mentees), ("mentor", year.mentors)):
        for profile in profiles:
            person = profile["person"]
            categories = (
                frozenset(key for key, name in CATEGORY_FIELDS.items() if profile[name])
                if role == "mentee"
                else frozenset()
            )
            someone = Someone(
                role=role,
                kind=person["kind"],
                age=age(person["birth_date"], year.end),
                categories=categories,
                form=forms.get((profile["person_id"], role), ""),
            )
            people.append(someone)
            if role == "mentee":
                by_person[profile["person_id"]] = someone
    pairs = []
    for group in raw.groups.values():
        if group["programme_id"] != programme_id or group["status"] not in COUNTED_PAIRS:
            continue
        if not runs_in(group, year.start, year.end):
            continue
        mentees = [
            by_person.get(member["person_id"])
            for member in raw.members
            if member["group_id"] == group["id"] and member["role"] == "mentee"
        ]
        if not any(mentees):  # no mentee taking part: not a pair of the period
            continue
        pairs.append(
            {
                "status": group["status"],
                "form": raw.forms[group["form_id"]]["key"],
                "mentees": [s for s in mentees if s],
            }
        )
    return people, pairs


def person_fits(someone: Someone, code: str) -> bool:
    if code in ("", "total"):
        return True
    if code == "unpaired":
        return someone.form == ""
    if code.startswith("other_forms:"):
        # «другие формы»: a pair's form the layout has no column for; also no pair when it has no «не в парах»
        listed, _bar, with_unpaired = code[len("other_forms:") :].rpartition("|")
        if someone.form == "":
            return with_unpaired == "0"
        return someone.form not in listed.split(",")
    if code == "young_teacher":
        return someone.kind == "teacher" and someone.age is not None and someone.age < 35
    what, _sep, value = code.partition(":")
    if what == "category":
        return value in someone.categories
    if what == "kind":
        return someone.kind == value
    if what == "group":
        if value == "others":
            return not any(someone.kind in kinds for kinds in GROUPS.values())
        return someone.kind in GROUPS[value]
    if what == "form":
        return someone.form == value
    if what == "age":
        if value == "none":
            return someone.age is None
        low, _dash, high = value.partition("-")
        if someone.age is None:
            return False
        return (not low or someone.age >= int(low)) and (not high or someone.age <= int(high))
    raise AssertionError(code)


def pair_fits(pair: dict, code: str) -> bool:
    if code in ("", "total"):
        return True
    if code == "unpaired":
        return False
    if code.startswith("form:"):
        return pair["form"] == code[5:]
    if code.startswith("other_forms:"):
        return pair["form"] not in code[len("other_forms:") :].rpartition("|")[0].split(",")
    if code.startswith("age:"):
        # a pair is in one age column: that of its first mentee (by membership) whose age is known
        ages = [someone.age for someone in pair["mentees"] if someone.age is not None]
        stand_in = Someone(
            role="mentee", kind="", age=ages[0] if ages else None, categories=frozenset(), form=""
        )
        return person_fits(stand_in, code)
    return any(person_fits(someone, code) for someone in pair["mentees"])


def how_many(measure: str, row_filter: str, column: str, people: list[Someone], pairs: list[dict]) -> int:
    if measure.startswith("pairs_"):
        statuses = {
            "pairs_active": {"active"},
            "pairs_completed": {"completed"},
            "pairs_all": {"active", "completed", "terminated"},
        }[measure]
        return sum(
            1 for p in pairs if p["status"] in statuses and pair_fits(p, row_filter) and pair_fits(p, column)
        )
    roles = {"mentees": {"mentee"}, "mentors": {"mentor"}, "participants": {"mentee", "mentor"}}[measure]
    return sum(1 for s in people if s.role in roles and person_fits(s, row_filter) and person_fits(s, column))


CONTINGENT = {
    "pupils": "pupils_total",
    "pupils_ovz": "pupils_with_disabilities",
    "teachers": "teachers_total",
    "young_teachers": "young_teachers_total",
}


def statistics_parts(raw: Raw, programme_id: int, rows: list[dict], columns: list[str]) -> list[list[tuple]]:
    """(counted, out of) of every cell; out of is None for a count row."""
    people, pairs = statistics_people(raw, programme_id)
    programme = raw.programmes[programme_id]
    table = []
    for row in rows:
        line = []
        for column in columns:
            counted = how_many(row["measure"], row["filter"], column, people, pairs)
            if not row.get("percent_of"):
                line.append((counted, None))
            elif row["percent_of"] in CONTINGENT:
                line.append((counted, programme[CONTINGENT[row["percent_of"]]]))
            else:
                line.append((counted, how_many(row["percent_of"], "", column, people, pairs)))
        table.append(line)
    return table


def points(row: dict, cell):
    """A file's cell of a percentage row is a share (0.045 formatted «4,5 %»): in percentage points."""
    if row.get("percent_of") and isinstance(cell, int | float) and not isinstance(cell, bool):
        return cell * 100
    return cell


def shown(row: dict, part: tuple) -> float | int | None:
    counted, out_of = part
    if not row.get("percent_of"):
        return counted
    return counted * 100.0 / out_of if out_of else None


def add_parts(tables: list[list[list[tuple]]]) -> list[list[tuple]]:
    first = tables[0]
    return [
        [
            (
                sum(t[r][c][0] for t in tables),
                None if first[r][c][1] is None else sum(t[r][c][1] for t in tables),
            )
            for c in range(len(first[r]))
        ]
        for r in range(len(first))
    ]


# --------------------------------------------------------------------------------------------------
# the analytical report


def analytical(raw: Raw, programme_id: int) -> dict:
    numbers = metrics(raw, programme_id)
    programme = raw.programmes[programme_id]
    statuses = defaultdict(int)
    taking_part = {p["person_id"] for p in year_of(raw, programme_id).mentees}
    for group in raw.groups.values():
        if group["programme_id"] != programme_id:
            continue
        # a pair counts only with a mentee who takes part (not one whose only mentee is a candidate)
        if any(
            member["group_id"] == group["id"] and member["role"] == "mentee" and member["person_id"] in taking_part
            for member in raw.members
        ):
            statuses[group["status"]] += 1
    plans = [p for p in raw.plans.values() if p["programme_id"] == programme_id]
    percents = [p["done"] * 100 // p["tasks"] if p["tasks"] else 0 for p in plans]
    result = {
        "Наставляемые": numbers["mentees"],
        "Наставники": numbers["mentors"],
        "Действующие пары и группы": statuses["active"],
        "Завершённые пары и группы": statuses["completed"],
        "Прекращённые пары и группы": statuses["terminated"],
        "Проведено встреч": raw.meetings.get(programme_id, 0),
        "Индивидуальные планы": len(plans),
        "Планы, выполненные не менее чем на 90 %": sum(1 for p in percents if p >= 90),
        "Среднее выполнение планов, %": round(mean(percents), 1) if percents else 0.0,
    }
    if any(i["numerator"] == "publications" for i in indicators_of(raw, programme["organization_id"])):
        result["Публикации"] = numbers["publications"]
    threshold = settings_of(raw, programme["organization_id"])["satisfied_from"]
    campaigns: dict[int, dict] = {
        campaign["id"]: {"title": campaign["title"], "responses": set(), "overall": [], "continue": []}
        for campaign in raw.campaigns
        if campaign["programme_id"] == programme_id and campaign["purpose"] == "satisfaction"
    }
    for answer in raw.answers:
        if answer["programme_id"] != programme_id or answer["purpose"] != "satisfaction":
            continue
        campaign = campaigns[answer["campaign_id"]]
        campaign["responses"].add(answer["response_id"])
        if answer["key"] == "overall" and answer["number"] is not None:
            campaign["overall"].append(answer["number"])
        if answer["key"] == "continue" and answer["number"] is not None:
            campaign["continue"].append(answer["number"])
    satisfaction = {}
    # fewer answers than the minimum group size (never below 2): counted, but no mean nor share is shown
    smallest = max(2, settings.QUESTIONNAIRE_MIN_GROUP_SIZE)
    for campaign in campaigns.values():
        scores, answers = campaign["overall"], campaign["continue"]
        if len(campaign["responses"]) < smallest:
            scores, answers = [], []
        # and a question answered by fewer than that (an optional one) shows nothing either
        if len(scores) < smallest:
            scores = []
        if len(answers) < smallest:
            answers = []
        satisfaction[campaign["title"]] = {
            "respondents": len(campaign["responses"]),
            "mean": round(mean(scores), 1) if scores else None,
            "satisfied": round(100 * sum(1 for s in scores if round(s) >= threshold) / len(scores), 1)
            if scores
            else None,
            "continue": round(100 * sum(1 for a in answers if a >= 0.5) / len(answers), 1)
            if answers
            else None,
        }
    events = [e for e in raw.events if e["programme_id"] == programme_id]
    counted = [e for e in events if e["status"] != "cancelled"]
    done = [e for e in counted if e["status"] == "done"]
    roadmap = {
        "Мероприятия дорожной карты": len(counted),
        "Выполнено": len(done),
        "Выполнено в срок": sum(
            1 for e in done if e["deadline"] is None or e["completed_on"] <= e["deadline"]
        ),
        "Просрочено": sum(
            1
            for e in events
            if e["status"] in ("planned", "in_progress")
            and e["deadline"] is not None
            and e["deadline"] < raw.today
        ),
        "Выполнено, % от мероприятий": round(100 * len(done) / len(counted)) if counted else 0,
    }
    return {
        "numbers": result,
        "satisfaction": satisfaction,
        "roadmap": roadmap,
        "growth": growth(raw, programme_id),
    }


def growth(raw: Raw, programme_id: int) -> dict[str, dict]:
    """Per «after» campaign with a baseline: who answered both, and per shared scale item the means
    before and after over the people who answered it both times, and the change."""
    found = {}
    for campaign in raw.campaigns:
        if (
            campaign["programme_id"] != programme_id
            or campaign["stage"] != "after"
            or not campaign["baseline_id"]
        ):
            continue
        baseline = next(c for c in raw.campaigns if c["id"] == campaign["baseline_id"])
        before_keys = {i["key"] for i in raw.scale_items if i["template_id"] == baseline["template_id"]}
        keys = [
            i["key"]
            for i in sorted(raw.scale_items, key=lambda i: (i["position"], i["id"]))
            if i["template_id"] == campaign["template_id"] and i["key"] in before_keys
        ]

        def scores(campaign_id: int, keys: list[str] = keys) -> dict[tuple, dict[str, float]]:
            table: dict[tuple, dict[str, float]] = {}
            for a in raw.scale_answers:
                if a["campaign_id"] == campaign_id and a["key"] in keys and a["number"] is not None:
                    if a["person_id"] is not None:
                        who = ("person", a["person_id"], a["respondent"])
                    else:
                        who = ("user", a["user_id"], a["respondent"])
                    table.setdefault(who, {})[a["key"]] = a["number"]
            return table

        before, after = scores(baseline["id"]), scores(campaign["id"])
        both = [who for who in after if who in before]
        rows = []
        for key in keys:
            pairs = [(before[w][key], after[w][key]) for w in both if key in before[w] and key in after[w]]
            if pairs:
                mean_before, mean_after = mean(b for b, _a in pairs), mean(a for _b, a in pairs)
                shown_before, shown_after = round(mean_before, 1), round(mean_after, 1)
                # the change is that of the printed means, so that a reader can check «4,9 → 6,0: +1,1»
                rows.append((key, shown_before, shown_after, round(shown_after - shown_before, 1)))
            else:
                rows.append((key, None, None, None))
        found[campaign["title"]] = {"participants": len(both), "rows": rows}
    return found

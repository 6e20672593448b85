"""Facts for the РНЦ statistics read from the database, and the layout an organisation uses.

Reads many programmes at once with a fixed number of queries (three for the facts), so the municipal
consolidation costs the same queries for 2 schools or 100.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Exists, Field, Model, OuterRef, Q
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from mentoring.hierarchy import below_q, chain_ids, units_below
from mentoring.models import Organization, Programme
from mentoring.typing_helpers import StrOrPromise
from pairing.models import GroupMember, MentoringForm, MentoringGroup
from participants.ages import age_on, is_under_35
from participants.models import MenteeProfile, MentorProfile, Person
from participants.participation import Period, programme_periods

from ..models import StatisticsLayout
from . import calc as statistics

if TYPE_CHECKING:
    from mentoring.access import Scope

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
COUNTED_STATUSES = (
    MentoringGroup.Status.ACTIVE,
    MentoringGroup.Status.COMPLETED,
    MentoringGroup.Status.TERMINATED,
)


Facts = tuple[list[statistics.ParticipantFact], list[statistics.PairFact], dict[str, int]]


def contingent_of(programme: Programme) -> dict[str, int]:
    """What a coverage row divides by (``statistics.CONTINGENT``), from the programme's contingent."""
    return {
        "pupils": programme.pupils_total,
        "pupils_ovz": programme.pupils_with_disabilities,
        "teachers": programme.teachers_total,
        "young_teachers": programme.young_teachers_total,
    }


def category_labels() -> dict[str, str]:
    return {key: str(_verbose_name(MenteeProfile, field)) for key, field in CATEGORY_FIELDS.items()}


def _verbose_name(model: type[Model], name: str) -> StrOrPromise:
    field = model._meta.get_field(name)
    if not isinstance(field, Field):
        raise TypeError(f"{model.__name__}.{name} is a relation, not a field")
    return field.verbose_name


def statistics_facts(
    programmes: Sequence[Programme], today: date | None = None, *, periods: dict[int, Period] | None = None
) -> dict[int, Facts]:
    """Per programme id: the people taking part in its reporting period, its pairs, and its contingent
    as plain facts (three queries in all). The programmes need their ``academic_year`` loaded.

    Who takes part is ``participants.participation`` (the one rule); ages are counted on the last day
    of the reporting period; each person's form is that of their first pair of the year in their role.
    ``periods`` (programme id → Period) replaces the academic year up to ``today`` by a statistics
    period of its own, e.g. a collection window's.
    """
    ids = [programme.pk for programme in programmes]
    periods = periods or programme_periods(programmes, today)

    memberships = (
        GroupMember.objects.filter(group__programme_id__in=ids, group__status__in=COUNTED_STATUSES)
        .filter(pairs_in_periods(periods))
        .values_list(
            "group_id", "group__programme_id", "group__status", "group__form__key", "person_id", "role"
        )
        .order_by("group_id", "pk")
    )
    first_form: dict[tuple[int, int, str], str] = {}
    groups: dict[int, dict] = {}
    for group_id, programme_id, status, form_key, person_id, role in memberships:
        first_form.setdefault((programme_id, person_id, role), form_key)  # ordered by group: the first
        group = groups.setdefault(
            group_id, {"programme": programme_id, "status": status, "form": form_key, "mentees": []}
        )
        if role == GroupMember.Role.MENTEE:
            group["mentees"].append(person_id)

    participants: dict[int, list[statistics.ParticipantFact]] = {pk: [] for pk in ids}
    mentee_facts: dict[tuple[int, int], statistics.ParticipantFact] = {}
    mentee_rows = MenteeProfile.objects.taking_part_in_periods(periods).values_list(
        "programme_id", "person_id", "person__kind", "person__birth_date", *CATEGORY_FIELDS.values()
    )
    for programme_id, person_id, kind, birth, *flags in mentee_rows:
        day = periods[programme_id].end
        fact = statistics.ParticipantFact(
            role="mentee",
            kind=kind,
            age=age_on(birth, day) if birth else None,
            categories=frozenset(key for key, flag in zip(CATEGORY_FIELDS, flags, strict=True) if flag),
            form=first_form.get((programme_id, person_id, GroupMember.Role.MENTEE), ""),
            young_teacher=bool(kind == Person.Kind.TEACHER and birth and is_under_35(birth, day)),
        )
        participants[programme_id].append(fact)
        mentee_facts[(programme_id, person_id)] = fact

    mentor_rows = MentorProfile.objects.taking_part_in_periods(periods).values_list(
        "programme_id", "person_id", "person__kind", "person__birth_date"
    )
    for programme_id, person_id, kind, birth in mentor_rows:
        day = periods[programme_id].end
        participants[programme_id].append(
            statistics.ParticipantFact(
                role="mentor",
                kind=kind,
                age=age_on(birth, day) if birth else None,
                form=first_form.get((programme_id, person_id, GroupMember.Role.MENTOR), ""),
                young_teacher=bool(kind == Person.Kind.TEACHER and birth and is_under_35(birth, day)),
            )
        )

    pairs: dict[int, list[statistics.PairFact]] = {pk: [] for pk in ids}
    for group in groups.values():
        # a pair is matched by its mentees who take part in the period (a candidate matches nothing); a
        # pair with none of them (its only mentee a candidate, or no mentee at all) is not counted
        mentees = tuple(
            mentee_facts[(group["programme"], person_id)]
            for person_id in group["mentees"]
            if (group["programme"], person_id) in mentee_facts
        )
        if not mentees:
            continue
        pairs[group["programme"]].append(
            statistics.PairFact(status=group["status"], form=group["form"], mentees=mentees)
        )
    contingents = {programme.pk: contingent_of(programme) for programme in programmes}
    return {pk: (participants[pk], pairs[pk], contingents[pk]) for pk in ids}


def pairs_in_periods(periods: dict[int, Period], prefix: str = "group__") -> Q:
    """Pairs that run in their programme's period: started by its last day (or no start date) and not
    closed before its first day. A pair closed in June is not in an autumn window, nor one that starts in
    February in the first half-year. One condition per distinct period (usually one for all)."""
    by_period: dict[Period, list[int]] = {}
    for programme_id, period in periods.items():
        by_period.setdefault(period, []).append(programme_id)
    condition = Q(pk__in=[])
    for period, programme_ids in by_period.items():
        condition |= (
            Q(**{f"{prefix}programme_id__in": programme_ids})
            & (Q(**{f"{prefix}start_date__isnull": True}) | Q(**{f"{prefix}start_date__lte": period.end}))
            & (Q(**{f"{prefix}closed_on__isnull": True}) | Q(**{f"{prefix}closed_on__gte": period.start}))
        )
    return condition


def programmes_in_scope(scope: Scope) -> list[Programme]:
    """The scope's programme, or for a municipal authority the programmes of its organisations that year."""
    from monitoring.kpis.selectors import child_programmes_of

    if scope.organization.is_oversight_body:
        return child_programmes_of(scope.organization.pk, scope.programme.academic_year_id)
    return [scope.programme]


def layout_forms(organization: Organization, programmes: Sequence[Programme] = ()) -> list[MentoringForm]:
    """The forms the default layout breaks down by (2 queries at most).

    The forms the organisation may use (for a municipal authority: those of its organisations' kinds and
    their own forms), and every form a pair of these programmes is in, in use or not, so that the form
    columns with «не в парах» add up to the total.
    """
    if organization.is_oversight_body:
        kinds = set(units_below(organization.pk).values_list("kind", flat=True).distinct())
        own = Q(organization_id=organization.pk) | below_q(organization.pk, "organization")
    else:
        kinds = {organization.kind}
        own = Q(organization=organization)
    used = MentoringGroup.objects.filter(
        programme_id__in=[programme.pk for programme in programmes],
        status__in=COUNTED_STATUSES,
        form=OuterRef("pk"),
    )
    forms = (
        MentoringForm.objects.filter(
            (Q(is_active=True) & (Q(organization__isnull=True) | own)) | Exists(used)
        )
        .annotate(in_use=Exists(used))
        .order_by("position", "name", "pk")
    )
    return [
        form
        for form in forms
        if form.in_use or not form.organization_kinds or kinds & set(form.organization_kinds)
    ]


def default_layout(organization: Organization, programmes: Sequence[Programme] = ()) -> statistics.Layout:
    """The built-in layout, the same for a school and its authority: participants by category and by
    people group (parts that add up to the total), pairs, coverage of the contingent; columns by form of
    mentoring (the main dimension, with «не в парах» so that they add up to «Всего») and by age band
    (with «возраст не указан», so that they add up to «Всего» too)."""
    labels = category_labels()
    rows = [
        statistics.Row(_("Mentees, total"), "mentees"),
        *[
            statistics.Row(
                _("including: %(category)s") % {"category": labels[key]}, "mentees", f"category:{key}"
            )
            for key in statistics.CATEGORIES
        ],
        statistics.Row(_("including: young teachers (under 35)"), "mentees", "young_teacher"),
        statistics.Row(_("Mentors, total"), "mentors"),
        statistics.Row(_("including: teachers and other staff"), "mentors", "group:staff"),
        statistics.Row(_("of them young teachers (under 35)"), "mentors", "young_teacher"),
        statistics.Row(
            _("including: learners (pupils, college and university students)"), "mentors", "group:learners"
        ),
        statistics.Row(_("including: partners' employees"), "mentors", "group:partners"),
        statistics.Row(_("including: parents, graduates and others"), "mentors", "group:others"),
        statistics.Row(_("Pairs and groups, active"), "pairs_active"),
        statistics.Row(_("Pairs and groups, completed"), "pairs_completed"),
        statistics.Row(
            _("Coverage of learners as mentees, percent of all learners"),
            "mentees",
            "group:learners",
            "pupils",
        ),
        statistics.Row(
            _("Teachers acting as mentors, percent of all teachers"),
            "mentors",
            f"kind:{Person.Kind.TEACHER}",
            "teachers",
        ),
    ]
    columns = [
        statistics.Column(pgettext("statistics column", "Total"), "total"),
        *[
            statistics.Column(form.name, f"form:{form.key}")
            for form in layout_forms(organization, programmes)
        ],
        statistics.Column(_("not in pairs"), statistics.UNPAIRED),
        statistics.Column(_("under 10"), "age:-9"),
        statistics.Column(_("10–14 years"), "age:10-14"),
        statistics.Column(_("15–18 years"), "age:15-18"),
        statistics.Column(_("19–35 years"), "age:19-35"),
        statistics.Column(_("over 35"), "age:36-"),
        # people without a birth date (and anonymised ones) count in «Всего» too: the age columns add up
        statistics.Column(_("age not given"), "age:none"),
    ]
    return statistics.Layout(rows=tuple(rows), columns=tuple(columns))


def layout_source(organization: Organization) -> StatisticsLayout | None:
    """The saved layout an organisation uses: its own, else the nearest one above it — its municipal
    authority's, else its region's (1 query when the parents are loaded, ``select_related``)."""
    chain = chain_ids(organization)
    saved = {layout.organization_id: layout for layout in StatisticsLayout.objects.filter(organization_id__in=chain)}
    return next((saved[pk] for pk in chain if pk in saved), None)


def layout_with_source(
    organization: Organization, programmes: Sequence[Programme] = ()
) -> tuple[statistics.Layout, str, StatisticsLayout | None]:
    """The layout to print, its name and the saved layout it comes from (None: the built-in one, whose
    form columns include every form a pair of ``programmes`` is in)."""
    source = layout_source(organization)
    if source is None:
        return default_layout(organization, programmes), _("Default layout"), None
    return statistics.layout_from_data(source.data), source.name, source


def layout_for(
    organization: Organization, programmes: Sequence[Programme] = ()
) -> tuple[statistics.Layout, str]:
    """The layout to print and its name."""
    layout, name, _source = layout_with_source(organization, programmes)
    return layout, name


def layout_validate(organization: Organization, layout: statistics.Layout) -> list[str]:
    forms = [form.key for form in MentoringForm.objects.all()]
    return statistics.validate(layout, forms=forms, kinds=Person.Kind.values)





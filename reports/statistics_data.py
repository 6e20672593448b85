"""Facts for the РНЦ statistics read from the database, and the layout an organisation uses.

Reads many programmes at once with a fixed number of queries (three for the facts), so the municipal
consolidation costs the same queries for 2 schools or 100.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from mentoring.models import AuditEvent, Organization, Programme
from mentoring.services import audit_record
from pairing.models import GroupMember, MentoringForm, MentoringGroup
from pairing.services import forms_for_organization
from participants.ages import age_on, is_under_35
from participants.models import MenteeProfile, MentorProfile, Person

from . import statistics
from .models import StatisticsLayout

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


def reference_day(programme: Programme, today: date | None = None) -> date:
    """Ages are counted on today, or on the last day of a year that is over."""
    today = today or timezone.localdate()
    return min(today, programme.academic_year.end_date)


def category_labels() -> dict[str, str]:
    return {
        key: str(MenteeProfile._meta.get_field(field).verbose_name) for key, field in CATEGORY_FIELDS.items()
    }


def statistics_facts(
    programmes: Sequence[Programme], today: date | None = None
) -> dict[int, tuple[list[statistics.ParticipantFact], list[statistics.PairFact]]]:
    """Per programme id: its participants and its pairs as plain facts (three queries in all)."""
    ids = [programme.pk for programme in programmes]
    days = {programme.pk: reference_day(programme, today) for programme in programmes}

    memberships = (
        GroupMember.objects.filter(group__programme_id__in=ids, group__status__in=COUNTED_STATUSES)
        .values_list(
            "group_id", "group__programme_id", "group__status", "group__form__key", "person_id", "role"
        )
        .order_by("group_id")
    )
    forms_of: dict[tuple[int, int], set[str]] = defaultdict(set)
    groups: dict[int, dict] = {}
    for group_id, programme_id, status, form_key, person_id, role in memberships:
        forms_of[(programme_id, person_id)].add(form_key)
        group = groups.setdefault(
            group_id, {"programme": programme_id, "status": status, "form": form_key, "mentees": []}
        )
        if role == GroupMember.Role.MENTEE:
            group["mentees"].append(person_id)

    participants: dict[int, list[statistics.ParticipantFact]] = {pk: [] for pk in ids}
    mentee_facts: dict[tuple[int, int], statistics.ParticipantFact] = {}
    mentee_rows = MenteeProfile.objects.filter(programme_id__in=ids).values_list(
        "programme_id", "person_id", "person__kind", "person__birth_date", *CATEGORY_FIELDS.values()
    )
    for programme_id, person_id, kind, birth, *flags in mentee_rows:
        day = days[programme_id]
        fact = statistics.ParticipantFact(
            role="mentee",
            kind=kind,
            age=age_on(birth, day) if birth else None,
            categories=frozenset(key for key, flag in zip(CATEGORY_FIELDS, flags, strict=True) if flag),
            forms=frozenset(forms_of.get((programme_id, person_id), ())),
            young_teacher=bool(kind == Person.Kind.TEACHER and birth and is_under_35(birth, day)),
        )
        participants[programme_id].append(fact)
        mentee_facts[(programme_id, person_id)] = fact

    mentor_rows = MentorProfile.objects.filter(programme_id__in=ids).values_list(
        "programme_id", "person_id", "person__kind", "person__birth_date"
    )
    for programme_id, person_id, kind, birth in mentor_rows:
        day = days[programme_id]
        participants[programme_id].append(
            statistics.ParticipantFact(
                role="mentor",
                kind=kind,
                age=age_on(birth, day) if birth else None,
                forms=frozenset(forms_of.get((programme_id, person_id), ())),
                young_teacher=bool(kind == Person.Kind.TEACHER and birth and is_under_35(birth, day)),
            )
        )

    pairs: dict[int, list[statistics.PairFact]] = {pk: [] for pk in ids}
    for group in groups.values():
        mentees = tuple(
            mentee_facts.get((group["programme"], person_id))
            or statistics.ParticipantFact(role="mentee", kind="")
            for person_id in group["mentees"]
        )
        pairs[group["programme"]].append(
            statistics.PairFact(status=group["status"], form=group["form"], mentees=mentees)
        )
    return {pk: (participants[pk], pairs[pk]) for pk in ids}


def programmes_in_scope(scope) -> list[Programme]:
    """The scope's programme, or for a municipal authority the programmes of its organisations that year."""
    from monitoring.selectors.kpis import child_programmes_of

    if scope.organization.is_municipal_authority:
        return child_programmes_of(scope.organization.pk, scope.programme.academic_year_id)
    return [scope.programme]


def default_layout(organization: Organization) -> statistics.Layout:
    """The built-in layout: participants by category, pairs; columns by form of mentoring and age band."""
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
        statistics.Row(_("including: teachers"), "mentors", f"kind:{Person.Kind.TEACHER}"),
        statistics.Row(_("including: young teachers (under 35)"), "mentors", "young_teacher"),
        statistics.Row(_("including: pupils"), "mentors", f"kind:{Person.Kind.PUPIL}"),
        statistics.Row(
            _("including: partners' employees"), "mentors", f"kind:{Person.Kind.PARTNER_EMPLOYEE}"
        ),
        statistics.Row(_("Pairs and groups, active"), "pairs_active"),
        statistics.Row(_("Pairs and groups, completed"), "pairs_completed"),
    ]
    columns = [
        statistics.Column(pgettext("statistics column", "Total"), "total"),
        *[statistics.Column(form.name, f"form:{form.key}") for form in forms_for_organization(organization)],
        statistics.Column(_("under 10"), "age:-9"),
        statistics.Column(_("10–14 years"), "age:10-14"),
        statistics.Column(_("15–18 years"), "age:15-18"),
        statistics.Column(_("19–35 years"), "age:19-35"),
        statistics.Column(_("over 35"), "age:36-"),
    ]
    return statistics.Layout(rows=tuple(rows), columns=tuple(columns))


def layout_source(organization: Organization) -> StatisticsLayout | None:
    """The saved layout a school uses: its own, else its municipal authority's."""
    saved = {
        layout.organization_id: layout
        for layout in StatisticsLayout.objects.filter(
            organization_id__in=[pk for pk in (organization.pk, organization.parent_id) if pk]
        )
    }
    return saved.get(organization.pk) or saved.get(organization.parent_id)


def layout_for(organization: Organization) -> tuple[statistics.Layout, str]:
    """The layout to print and its name (the built-in one when none is saved)."""
    source = layout_source(organization)
    if source is None:
        return default_layout(organization), _("Default layout")
    return statistics.layout_from_data(source.data), source.name


def layout_validate(organization: Organization, layout: statistics.Layout) -> list[str]:
    forms = [form.key for form in MentoringForm.objects.all()]
    return statistics.validate(layout, forms=forms, kinds=Person.Kind.values)


@transaction.atomic
def layout_save(
    *, actor, organization: Organization, name: str, layout: statistics.Layout
) -> StatisticsLayout:
    errors = layout_validate(organization, layout)
    if errors:
        raise statistics.LayoutError(errors)
    saved, created = StatisticsLayout.objects.update_or_create(
        organization=organization,
        defaults={"name": name, "data": statistics.layout_to_data(layout), "updated_by": actor},
    )
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
        target=saved,
        changes={"rows": len(layout.rows), "columns": len(layout.columns)},
    )
    return saved


@transaction.atomic
def layout_reset(*, actor, organization: Organization) -> None:
    """Forget the organisation's own layout (it falls back to its authority's or the default)."""
    deleted = StatisticsLayout.objects.filter(organization=organization).first()
    if deleted is not None:
        audit_record(actor=actor, organization=organization, action=AuditEvent.Action.DELETE, target=deleted)
        deleted.delete()

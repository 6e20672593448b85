"""Writes of pairs and groups: every rule a curator would check by hand is checked here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from mentoring.models import AuditEvent, Organization, Programme, User
from mentoring.prepared import PreparedModels
from mentoring.services import audit_record
from participants.models import MenteeProfile, MentorProfile, Person
from participants.selectors import valid_consent

from .models import GroupMember, MentoringForm, MentoringGroup, RoleModel


class PairingError(Exception):
    """An expected refusal whose message is shown to the user as it is (in Russian)."""


def forms_for(programme: Programme) -> list[MentoringForm]:
    """The forms the programme's organisation may use."""
    return forms_for_organization(programme.organization)


def _forms_of(organization_id: int) -> QuerySet[MentoringForm]:
    return MentoringForm.objects.filter(is_active=True).filter(
        Q(organization__isnull=True) | Q(organization=organization_id)
    )


_FORMS_OF = PreparedModels(_forms_of, organization_id=int)  # asked by every list of pairs: compiled once


def forms_for_organization(organization: Organization) -> list[MentoringForm]:
    """The forms an organisation may use: shared ones for its kind, and its own."""
    forms = _FORMS_OF(organization_id=organization.pk)
    return [
        form for form in forms if not form.organization_kinds or organization.kind in form.organization_kinds
    ]


def open_mentee_load(
    programme: Programme, mentors: Sequence[Person], exclude_group: int | None = None
) -> dict[int, int]:
    """How many mentees each mentor already has in open pairs and groups of the year."""
    groups = MentoringGroup.objects.filter(programme=programme, status__in=MentoringGroup.OPEN_STATUSES)
    if exclude_group:
        groups = groups.exclude(pk=exclude_group)
    rows = (
        GroupMember.objects.filter(group__in=groups, role=GroupMember.Role.MENTOR, person__in=mentors)
        .values("person_id")
        .annotate(mentees=Count("group__members", filter=Q(group__members__role=GroupMember.Role.MENTEE)))
    )
    return {row["person_id"]: row["mentees"] for row in rows}


def _check(
    *,
    programme: Programme,
    form: MentoringForm,
    role_model: RoleModel | None,
    mentors: Sequence[Person],
    mentees: Sequence[Person],
    exclude_group: int | None = None,
) -> None:
    if not mentors or not mentees:
        raise PairingError(_("A pair needs at least one mentor and one mentee."))
    both = {person.pk for person in mentors} & {person.pk for person in mentees}
    if both:
        raise PairingError(_("The same person cannot be a mentor and a mentee in one pair."))
    if form not in forms_for(programme):
        raise PairingError(_("This form of mentoring is not used by the organisation."))
    if role_model is not None and role_model.form_id != form.pk:
        raise PairingError(_("The role model belongs to another form of mentoring."))
    _check_consents(programme, list(mentors) + list(mentees))
    profiles = _check_bases(programme, form, mentors, mentees)
    _check_capacity(programme, profiles, mentors, mentees, exclude_group)
    _check_not_busy(programme, form, mentees, exclude_group)


def _check_consents(programme: Programme, people: list[Person]) -> None:
    """Every person is in the organisation's bases, not anonymised, with a valid consent."""
    ids = [person.pk for person in people]
    found = {
        person.pk: person
        for person in Person.objects.filter(
            pk__in=ids, organization=programme.organization, anonymised_at__isnull=True
        ).annotate(has_consent=valid_consent("pk"))
    }
    for person in people:
        current = found.get(person.pk)
        if current is None:
            raise PairingError(
                _("%(name)s is not in this organisation's bases.") % {"name": person.short_name}
            )
        if not current.has_consent:
            raise PairingError(
                _("%(name)s has no consent to personal data processing and cannot be paired.")
                % {"name": person.short_name}
            )


def _check_bases(
    programme: Programme, form: MentoringForm, mentors: Sequence[Person], mentees: Sequence[Person]
) -> dict[int, MentorProfile]:
    """Mentors in this year's mentor base and mentees in the mentee base, of the kinds the form allows;
    returns the mentors' profiles."""
    profiles = {
        profile.person_id: profile
        for profile in MentorProfile.objects.filter(programme=programme, person__in=mentors)
    }
    mentee_ids = set(
        MenteeProfile.objects.filter(programme=programme, person__in=mentees).values_list(
            "person_id", flat=True
        )
    )
    for person in mentors:
        if person.pk not in profiles:
            raise PairingError(_("%(name)s is not in this year's mentor base.") % {"name": person.short_name})
        if form.mentor_kinds and person.kind not in form.mentor_kinds:
            raise PairingError(
                _("%(name)s cannot be a mentor in the form «%(form)s».")
                % {"name": person.short_name, "form": form}
            )
    for person in mentees:
        if person.pk not in mentee_ids:
            raise PairingError(_("%(name)s is not in this year's mentee base.") % {"name": person.short_name})
        if form.mentee_kinds and person.kind not in form.mentee_kinds:
            raise PairingError(
                _("%(name)s cannot be a mentee in the form «%(form)s».")
                % {"name": person.short_name, "form": form}
            )
    return profiles


def _check_capacity(
    programme: Programme,
    profiles: dict[int, MentorProfile],
    mentors: Sequence[Person],
    mentees: Sequence[Person],
    exclude_group: int | None,
) -> None:
    """No mentor takes more mentees than the capacity agreed."""
    load = open_mentee_load(programme, mentors, exclude_group=exclude_group)
    for person in mentors:
        capacity = profiles[person.pk].capacity
        if load.get(person.pk, 0) + len(mentees) > capacity:
            raise PairingError(
                _("%(name)s would have %(count)s mentees, more than the %(capacity)s agreed.")
                % {
                    "name": person.short_name,
                    "count": load.get(person.pk, 0) + len(mentees),
                    "capacity": capacity,
                }
            )


def _check_not_busy(
    programme: Programme, form: MentoringForm, mentees: Sequence[Person], exclude_group: int | None
) -> None:
    """No mentee already has a mentor in an open pair of the same form."""
    busy = (
        GroupMember.objects.filter(
            person__in=mentees,
            role=GroupMember.Role.MENTEE,
            group__programme=programme,
            group__form=form,
            group__status__in=MentoringGroup.OPEN_STATUSES,
        )
        .exclude(group_id=exclude_group)
        .select_related("person")
        .first()
    )
    if busy is not None:
        raise PairingError(
            _("%(name)s already has a mentor in the form «%(form)s».")
            % {"name": busy.person.short_name, "form": form}
        )


def _validate(group: MentoringGroup) -> None:
    try:
        group.full_clean()
    except ValidationError as error:
        raise PairingError(_("Check the dates: the planned end cannot come before the start.")) from error


def _set_members(group: MentoringGroup, mentors: Sequence[Person], mentees: Sequence[Person]) -> None:
    group.members.all().delete()
    GroupMember.objects.bulk_create(
        [GroupMember(group=group, person=person, role=GroupMember.Role.MENTOR) for person in mentors]
        + [GroupMember(group=group, person=person, role=GroupMember.Role.MENTEE) for person in mentees]
    )


def _members_repr(mentors: Sequence[Person], mentees: Sequence[Person]) -> dict[str, list[int]]:
    return {"mentors": [person.pk for person in mentors], "mentees": [person.pk for person in mentees]}


@transaction.atomic
def group_create(
    *,
    actor: User | None,
    programme: Programme,
    form: MentoringForm,
    mentors: Sequence[Person],
    mentees: Sequence[Person],
    role_model: RoleModel | None = None,
    start_date: date | None = None,
    planned_end_date: date | None = None,
    status: str = MentoringGroup.Status.ACTIVE,
) -> MentoringGroup:
    _check(programme=programme, form=form, role_model=role_model, mentors=mentors, mentees=mentees)
    group = MentoringGroup(
        programme=programme,
        form=form,
        role_model=role_model,
        start_date=start_date,
        planned_end_date=planned_end_date,
        status=status,
    )
    _validate(group)
    group.save()
    _set_members(group, mentors, mentees)
    audit_record(
        actor=actor,
        organization=programme.organization,
        action=AuditEvent.Action.CREATE,
        target=group,
        changes=_members_repr(mentors, mentees),
    )
    return group


@transaction.atomic
def group_update(
    *,
    actor: User,
    group: MentoringGroup,
    form: MentoringForm,
    mentors: Sequence[Person],
    mentees: Sequence[Person],
    role_model: RoleModel | None,
    start_date: date | None,
    planned_end_date: date | None,
    status: str,
) -> MentoringGroup:
    if not group.is_open:
        raise PairingError(_("A closed pair cannot be changed."))
    if status not in MentoringGroup.OPEN_STATUSES:
        raise PairingError(_("Close a pair with «Close», giving the reason and the results."))
    _check(
        programme=group.programme,
        form=form,
        role_model=role_model,
        mentors=mentors,
        mentees=mentees,
        exclude_group=group.pk,
    )
    before = {
        "form": group.form_id,
        "status": group.status,
        **_members_repr(
            [m.person for m in group.members.filter(role="mentor")],
            [m.person for m in group.members.filter(role="mentee")],
        ),
    }
    group.form, group.role_model, group.status = form, role_model, status
    group.start_date, group.planned_end_date = start_date, planned_end_date
    _validate(group)
    group.save()
    _set_members(group, mentors, mentees)
    after = {"form": form.pk, "status": status, **_members_repr(mentors, mentees)}
    audit_record(
        actor=actor,
        organization=group.programme.organization,
        action=AuditEvent.Action.UPDATE,
        target=group,
        changes={key: [before[key], after[key]] for key in after if before[key] != after[key]},
    )
    return group


def last_closing_day(programme: Programme, today: date) -> date:
    """The latest day a pair of this year may be closed on: today, or the end of a past academic year."""
    return min(today, programme.academic_year.end_date)


def check_closed_on(programme: Programme, closed_on: date) -> None:
    """A pair closes on a day that has come and not after the end of its academic year."""
    if closed_on > timezone.localdate():
        raise PairingError(_("The closing date cannot be in the future."))
    year = programme.academic_year
    if closed_on > year.end_date:
        raise PairingError(
            _("The closing date cannot be after the end of the academic year %(year)s (%(end)s).")
            % {"year": year.label, "end": f"{year.end_date:%d.%m.%Y}"}
        )


@transaction.atomic
def group_close(
    *,
    actor: User | None,
    group: MentoringGroup,
    status: str,
    closed_on: date,
    reason: str = "",
    results: str = "",
) -> MentoringGroup:
    if status not in (MentoringGroup.Status.COMPLETED, MentoringGroup.Status.TERMINATED):
        raise PairingError(_("A pair is closed as completed or as terminated."))
    if not group.is_open:
        raise PairingError(_("The pair is already closed."))
    if status == MentoringGroup.Status.TERMINATED and not reason.strip():
        raise PairingError(_("Give the reason why the pair was terminated."))
    if group.start_date and closed_on < group.start_date:
        raise PairingError(_("A pair cannot close before it started."))
    check_closed_on(group.programme, closed_on)
    group.status, group.closed_on = status, closed_on
    group.closure_reason, group.results = reason.strip(), results.strip()
    group.save()
    audit_record(
        actor=actor,
        organization=group.programme.organization,
        action=AuditEvent.Action.UPDATE,
        target=group,
        changes={"status": status, "closed_on": closed_on.isoformat()},
    )
    return group


@transaction.atomic
def groups_record_order(
    *, actor: User | None, groups: Sequence[MentoringGroup], number: str, day: date
) -> None:
    """Record the pairing order that fixed these groups; proposed groups become active."""
    ids = [group.pk for group in groups]
    MentoringGroup.objects.filter(pk__in=ids).update(order_number=number, order_date=day)
    MentoringGroup.objects.filter(pk__in=ids, status=MentoringGroup.Status.PROPOSED).update(
        status=MentoringGroup.Status.ACTIVE
    )
    if groups:
        audit_record(
            actor=actor,
            organization=groups[0].programme.organization,
            action=AuditEvent.Action.UPDATE,
            target_type="pairing.PairingOrder",
            target_repr=_("Order № %(number)s of %(day)s")
            % {"number": number, "day": day.strftime("%d.%m.%Y")},
            changes={"groups": ids},
        )


def default_dates(programme: Programme, today: date) -> tuple[date, date]:
    """A new pair starts today (or on 1 September when the year is not the current one) and is planned
    to the end of May, the end of the school year."""
    year = programme.academic_year
    start = today if year.start_date <= today <= year.end_date else year.start_date
    end = year.end_date.replace(month=5, day=31)
    return start, end if end >= start else year.end_date


# --- Bulk work on the list of pairs -----------------------------------------------------------------

CLOSE_FIELDS = ("status", "closed_on", "closure_reason", "results")


def _close_state(group: MentoringGroup) -> dict[str, str]:
    return {
        "status": group.status,
        "closed_on": group.closed_on.isoformat() if group.closed_on else "",
        "closure_reason": group.closure_reason,
        "results": group.results,
    }


@transaction.atomic
def groups_close(
    *,
    actor: User | None,
    programme: Programme,
    groups: Sequence[MentoringGroup],
    status: str,
    closed_on: date,
    reason: str = "",
    results: str = "",
) -> list[dict]:
    """Close several pairs at once with one result and reason (all or none, each through
    ``group_close``); returns their previous state, for an undo (``groups_reopen``)."""
    if not groups:
        raise PairingError(_("Tick the pairs to close."))
    if any(group.programme_id != programme.pk for group in groups):
        raise PairingError(_("Tick the pairs of this year."))
    check_closed_on(programme, closed_on)
    before = [{"pk": group.pk, **_close_state(group)} for group in groups]
    for group in groups:
        try:
            group_close(
                actor=actor, group=group, status=status, closed_on=closed_on, reason=reason, results=results
            )
        except PairingError as error:
            raise PairingError(f"{group}: {error}") from error
    return before


@transaction.atomic
def groups_reopen(*, actor: User | None, programme: Programme, before: Sequence[dict]) -> int:
    """Undo a closing: put the pairs back as they were, unless one was changed since (then nothing)."""
    ids = [int(state["pk"]) for state in before]
    found = {group.pk: group for group in MentoringGroup.objects.select_for_update().filter(programme=programme, pk__in=ids)}
    if len(found) != len(ids) or any(found[pk].is_open for pk in ids):
        raise PairingError(_("The pairs have been changed since: open them again one by one."))
    for state in before:
        group = found[int(state["pk"])]
        group.status = state["status"]
        group.closed_on = date.fromisoformat(state["closed_on"]) if state["closed_on"] else None
        group.closure_reason, group.results = state["closure_reason"], state["results"]
        group.save(update_fields=[*CLOSE_FIELDS, "updated_at"])
        audit_record(
            actor=actor,
            organization=programme.organization,
            action=AuditEvent.Action.UPDATE,
            target=group,
            changes=list(CLOSE_FIELDS),
            details={"undo": True},
        )
    return len(before)

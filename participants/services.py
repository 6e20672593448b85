"""Writes of the bases: people, yearly profiles, partners and consents. Each change writes an audit row."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from django.core.files.base import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mentoring.academic_years import academic_year_start_for
from mentoring.files import document_error
from mentoring.models import AcademicYear, AuditEvent, Organization, Programme, User
from mentoring.services import audit_record

from .ages import needs_representative
from .models import (
    Consent,
    ConsentRule,
    ImportBatch,
    MenteeProfile,
    MentorProfile,
    PartnerOrganization,
    Person,
    PersonClass,
    ProfileStatus,
    VocabularyOverride,
    VocabularyTerm,
    search_text_for,
)


class ParticipantsError(Exception):
    """An expected refusal whose message is shown to the user as it is (in Russian)."""


PERSON_FIELDS = tuple(
    field.name
    for field in Person._meta.get_fields()
    if field.concrete
    and not field.auto_created
    and field.name not in {"organization", "anonymised_at", "created_at", "updated_at"}
)
MENTEE_FIELDS = tuple(
    field.name
    for field in MenteeProfile._meta.get_fields()
    if field.concrete
    and not field.auto_created
    and field.name not in {"person", "programme", "created_at", "updated_at"}
)
MENTOR_FIELDS = tuple(
    field.name
    for field in MentorProfile._meta.get_fields()
    if field.concrete
    and not field.auto_created
    and field.name not in {"person", "programme", "created_at", "updated_at"}
)


def _audit_value(value: Any) -> Any:
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, date):
        return value.isoformat()
    return value


def _apply(instance, fields: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, list[Any]]:
    """Set the given fields; return {field: [old, new]} for those that changed."""
    changes = {}
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(f"Not an editable field: {name}")
        old = getattr(instance, name)
        if old != value:
            changes[name] = [_audit_value(old), _audit_value(value)]
            setattr(instance, name, value)
    return changes


# --- People -----------------------------------------------------------------------------------------


def _record_class(person: Person) -> None:
    """The current class is this academic year's class too (``PersonClass``); earlier years keep theirs."""
    if not person.group_name:
        return
    year, _created = AcademicYear.objects.get_or_create(
        start_year=academic_year_start_for(timezone.localdate())
    )
    PersonClass.objects.update_or_create(
        person=person, academic_year=year, defaults={"group_name": person.group_name}
    )


@transaction.atomic
def person_create(*, actor: User | None, organization: Organization, **fields: Any) -> Person:
    person = Person(organization=organization)
    _apply(person, fields, PERSON_FIELDS)
    person.search_text = search_text_for(person)
    person.full_clean()
    person.save()
    _record_class(person)
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.CREATE,
        target=person,
        changes={name: _audit_value(value) for name, value in fields.items()},
    )
    return person


@transaction.atomic
def person_update(*, actor: User | None, person: Person, **fields: Any) -> dict[str, list[Any]]:
    if person.is_anonymised:
        raise ParticipantsError(_("This person's data was removed after the consent was withdrawn."))
    changes = _apply(person, fields, PERSON_FIELDS)
    if changes:
        person.search_text = search_text_for(person)
        person.full_clean()
        person.save()
        if "group_name" in changes:
            _record_class(person)
        audit_record(
            actor=actor,
            organization=person.organization,
            action=AuditEvent.Action.UPDATE,
            target=person,
            changes=changes,
        )
    return changes


@transaction.atomic
def person_anonymise(*, actor: User | None, person: Person) -> Person:
    """Erase the person everywhere (see ``mentoring.erasure``), then remove what identifies them here.

    Kind, class and categories stay for the counts; the audit row of the erasure says what went.
    """
    from mentoring.erasure import person_erase

    counts = person_erase(actor=actor, person=person)
    cleared = [
        name
        for name in (
            "patronymic",
            "phone",
            "email",
            "guardian_name",
            "guardian_phone",
            "notes",
            "external_id",
            "workplace",
        )
        if getattr(person, name)
    ]
    person.last_name = _("Anonymised")
    person.first_name = f"№ {person.pk}"
    person.patronymic = ""
    person.birth_date = None
    for name in ("phone", "email", "guardian_name", "guardian_phone", "notes", "external_id", "workplace"):
        setattr(person, name, "")
    person.user = None
    person.anonymised_at = timezone.now()
    _forget_import_undo(person)
    person.search_text = ""
    person.save()
    counts["personal_data"] += 3 + len(cleared)  # last name, first name, birth date and the rest
    for consent in person.consents.exclude(scan=""):
        transaction.on_commit(partial(consent.scan.delete, save=False))
        consent.scan = ""
        consent.save(update_fields=["scan"])
        counts["consent_scans"] += 1
    # the signer is personal data too; a dash keeps "signed by a representative" true for the counts
    person.consents.filter(given_by=Consent.GivenBy.REPRESENTATIVE).update(
        representative_name="—", representative_relation=""
    )
    audit_record(
        actor=actor,
        organization=person.organization,
        action=AuditEvent.Action.ERASE,
        target=person,
        details={"erased": dict(counts)},
    )
    return person


def _forget_import_undo(person: Person) -> None:
    """An import that touched the person can no longer be undone: its record of old values goes."""
    for batch in ImportBatch.objects.filter(organization_id=person.organization_id).exclude(undo={}):
        undo = batch.undo
        touched = person.pk in undo.get("created_people", []) or str(person.pk) in undo.get("people", {})
        if not touched:
            model = MenteeProfile if batch.kind == "mentees" else MentorProfile
            profile_ids = [
                *undo.get("created_profiles", []),
                *(int(pk) for pk in undo.get("profiles", {})),
                *(int(pk) for pk in undo.get("left", {})),
            ]
            touched = model.objects.filter(pk__in=profile_ids, person=person).exists()
        if touched:
            batch.undo = {}
            batch.save(update_fields=["undo"])


# --- Consents ---------------------------------------------------------------------------------------


def consent_rule(organization: Organization) -> ConsentRule:
    rule = getattr(organization, "consent_rule", None)
    return rule or ConsentRule(organization=organization)


@transaction.atomic
def consent_record(
    *,
    actor: User | None,
    person: Person,
    scope: str,
    given_on: date,
    given_by: str = Consent.GivenBy.SELF,
    representative_name: str = "",
    representative_relation: str = "",
    scan: File | None = None,
) -> Consent:
    if person.is_anonymised:
        raise ParticipantsError(_("This person's data was removed after the consent was withdrawn."))
    if given_on > timezone.localdate():
        raise ParticipantsError(_("A consent cannot be dated in the future."))
    teenagers_self = consent_rule(person.organization).teenagers == ConsentRule.Teenagers.SELF
    if given_by == Consent.GivenBy.SELF and needs_representative(person.birth_date, given_on, teenagers_self):
        raise ParticipantsError(
            _("%(name)s is a minor: the consent must be signed by a legal representative.")
            % {"name": person.short_name}
        )
    if given_by == Consent.GivenBy.REPRESENTATIVE and not representative_name.strip():
        raise ParticipantsError(_("Enter the full name of the legal representative who signed."))
    scan_error = document_error(scan) if scan else None
    if scan_error:
        raise ParticipantsError(scan_error)
    consent = Consent(
        person=person,
        scope=scope,
        given_by=given_by,
        given_on=given_on,
        representative_name=representative_name.strip() if given_by == Consent.GivenBy.REPRESENTATIVE else "",
        representative_relation=representative_relation.strip()
        if given_by == Consent.GivenBy.REPRESENTATIVE
        else "",
        recorded_by=actor,
    )
    if scan:
        # a scan without a name never gets here: document_error refuses it (no extension)
        consent.scan.save(scan.name or "", scan, save=False)
    consent.save()
    audit_record(
        actor=actor,
        organization=person.organization,
        action=AuditEvent.Action.CREATE,
        target=consent,
    )
    return consent


@transaction.atomic
def consent_withdraw(*, actor: User | None, consent: Consent, withdrawn_on: date) -> Consent:
    """Withdraw a consent. Withdrawing the consent to personal data processing anonymises the person."""
    if consent.withdrawn_on is not None:
        return consent
    if withdrawn_on < consent.given_on:
        raise ParticipantsError(_("A consent cannot be withdrawn before it was given."))
    consent.withdrawn_on = withdrawn_on
    consent.save(update_fields=["withdrawn_on"])
    person = consent.person
    audit_record(
        actor=actor,
        organization=person.organization,
        action=AuditEvent.Action.UPDATE,
        target=consent,
        changes=["withdrawn_on"],
    )
    still_valid = person.consents.filter(
        scope=Consent.Scope.PERSONAL_DATA, withdrawn_on__isnull=True
    ).exists()
    if consent.scope == Consent.Scope.PERSONAL_DATA and not still_valid:
        person_anonymise(actor=actor, person=person)
    return consent


@transaction.atomic
def consent_rule_set(*, actor: User, organization: Organization, teenagers: str) -> ConsentRule:
    rule, _created = ConsentRule.objects.get_or_create(organization=organization)
    if rule.teenagers != teenagers:
        audit_record(
            actor=actor,
            organization=organization,
            action=AuditEvent.Action.UPDATE,
            target=rule,
            changes={"teenagers": [rule.teenagers, teenagers]},
        )
        rule.teenagers = teenagers
        rule.save(update_fields=["teenagers"])
    return rule


# --- Yearly profiles --------------------------------------------------------------------------------


def _profile_save(model, allowed, *, actor, person: Person, programme: Programme, fields: dict[str, Any]):
    if person.organization_id != programme.organization_id:
        raise ParticipantsError(_("The person and the programme belong to different organisations."))
    profile = model.objects.filter(person=person, programme=programme).first()
    created = profile is None
    if created:
        profile = model(person=person, programme=programme)
    changes = _apply(profile, fields, allowed)
    if created or changes:
        profile.full_clean()
        profile.save()
        audit_record(
            actor=actor,
            organization=person.organization,
            action=AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
            target=profile,
            changes=changes,
        )
    return profile


@transaction.atomic
def mentee_profile_save(
    *, actor: User | None, person: Person, programme: Programme, **fields: Any
) -> MenteeProfile:
    return _profile_save(
        MenteeProfile, MENTEE_FIELDS, actor=actor, person=person, programme=programme, fields=fields
    )


@transaction.atomic
def mentor_profile_save(
    *, actor: User | None, person: Person, programme: Programme, **fields: Any
) -> MentorProfile:
    partner = fields.get("partner")
    if partner is not None and partner.organization_id != person.organization_id:
        raise ParticipantsError(_("The partner organisation belongs to another organisation."))
    return _profile_save(
        MentorProfile, MENTOR_FIELDS, actor=actor, person=person, programme=programme, fields=fields
    )


@transaction.atomic
def networking_preferences_save(
    *, actor: User | None, person: Person, programme: Programme, side: str, ranked_ids: list[int]
) -> MenteeProfile | MentorProfile | None:
    """Store whom a person chose at the networking session, in ranked order, on their profile of the year.

    ``side`` is the person's own role («mentee» ranks mentors, «mentor» ranks mentees); the matching
    engine reads these ids. A person without a profile of that year is left alone (None).
    """
    by_side: dict[str, type[MenteeProfile] | type[MentorProfile]] = {
        "mentee": MenteeProfile,
        "mentor": MentorProfile,
    }
    model = by_side.get(side)
    if model is None:
        raise ValueError(f"Not a side of a pair: {side}")
    profile = model.objects.select_for_update().filter(person=person, programme=programme).first()
    if profile is None:
        return None
    ranked = list(dict.fromkeys(int(pk) for pk in ranked_ids if int(pk) != person.pk))
    if profile.preferences != ranked:
        old = profile.preferences
        profile.preferences = ranked
        profile.save(update_fields=["preferences", "updated_at"])
        audit_record(
            actor=actor,
            organization=person.organization,
            action=AuditEvent.Action.UPDATE,
            target=profile,
            changes={"preferences": [old, ranked]},
        )
    return profile


# --- Partners ---------------------------------------------------------------------------------------

PARTNER_FIELDS = (
    "name",
    "kind",
    "agreement_number",
    "agreement_date",
    "agreement_file",
    "contact_name",
    "contact_phone",
    "contact_email",
    "notes",
)


@transaction.atomic
def partner_save(
    *,
    actor: User,
    organization: Organization,
    partner: PartnerOrganization | None = None,
    **fields: Any,
) -> PartnerOrganization:
    created = partner is None
    partner = partner or PartnerOrganization(organization=organization)
    upload = fields.get("agreement_file")
    agreement_error = document_error(upload) if isinstance(upload, UploadedFile) else None
    if agreement_error:
        raise ParticipantsError(agreement_error)
    changes = _apply(partner, fields, PARTNER_FIELDS)
    if created or changes:
        partner.full_clean()
        partner.save()
        audit_record(
            actor=actor,
            organization=organization,
            action=AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
            target=partner,
            changes={name: [str(old), str(new)] for name, (old, new) in changes.items()},
        )
    return partner


# --- The vocabulary of requests and competencies -----------------------------------------------------


def vocabulary_may_edit(*, organization: Organization, roles) -> bool:
    """Who edits an organisation's own terms: a school's curator or administrator; an authority's
    municipal coordinator, a region's regional coordinator (their terms are shared with the
    organisations below)."""
    from mentoring.access import OVERSIGHT_ROLES
    from mentoring.models import Role

    if organization.is_oversight_body:
        return bool(OVERSIGHT_ROLES & set(roles))
    return bool({Role.ADMINISTRATOR, Role.CURATOR} & set(roles))


def _clean_terms(values) -> list[str]:
    seen: dict[str, str] = {}
    for value in values or []:
        text = " ".join(str(value).split())
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return list(seen.values())


@transaction.atomic
def vocabulary_term_save(
    *,
    actor: User | None,
    organization: Organization,
    term: VocabularyTerm | None = None,
    kind: str,
    name: str,
    synonyms: list[str],
    broader: list[VocabularyTerm],
) -> VocabularyTerm:
    """Create or change one of the organisation's own terms; refuse a name the organisation's vocabulary
    already has, a broader term it does not see, and a loop of broader terms."""
    from .selectors import vocabulary_terms

    if term is not None and term.organization_id != organization.pk:
        raise ParticipantsError(_("Only the organisation that added a term may change it."))
    name = " ".join(name.split())
    if not name:
        raise ParticipantsError(_("Give the term."))
    if kind not in VocabularyTerm.Kind.values:
        raise ParticipantsError(_("Choose the kind of the term."))
    synonyms = [item for item in _clean_terms(synonyms) if item.casefold() != name.casefold()]
    visible = {item.pk: item for item in vocabulary_terms(organization)}
    others = [item for pk, item in visible.items() if term is None or pk != term.pk]
    taken = {item.name.casefold(): item for item in others}
    if name.casefold() in taken:
        raise ParticipantsError(
            _("The vocabulary already has the term «%(name)s».") % {"name": taken[name.casefold()].name}
        )
    for item in broader:
        if item.pk not in visible or (term is not None and item.pk == term.pk):
            raise ParticipantsError(_("A broader term must be another term of the vocabulary."))
    if term is not None and broader:
        # no loops: the new broader terms may not lie below this term
        below, queue = set(), [term.pk]
        children: dict[int, list[int]] = {}
        for item in visible.values():
            for up in item.broader.all():
                children.setdefault(up.pk, []).append(item.pk)
        while queue:
            for child in children.get(queue.pop(), []):
                if child not in below:
                    below.add(child)
                    queue.append(child)
        if any(item.pk in below for item in broader):
            raise ParticipantsError(_("A term cannot be broader than itself, even through other terms."))
    before = None
    if term is None:
        term = VocabularyTerm(organization=organization)
    else:
        before = {"kind": term.kind, "name": term.name, "synonyms": list(term.synonyms)}
    term.kind, term.name, term.synonyms = kind, name, synonyms
    term.save()
    term.broader.set(broader)
    after = {"kind": kind, "name": name, "synonyms": synonyms, "broader": sorted(item.pk for item in broader)}
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.CREATE if before is None else AuditEvent.Action.UPDATE,
        target=term,
        changes={"after": after} if before is None else {"before": before, "after": after},
    )
    return term


@transaction.atomic
def vocabulary_term_delete(
    *, actor: User | None, organization: Organization, term: VocabularyTerm
) -> None:
    if term.organization_id != organization.pk:
        raise ParticipantsError(_("Only the organisation that added a term may delete it."))
    audit_record(actor=actor, organization=organization, action=AuditEvent.Action.DELETE, target=term)
    term.delete()


@transaction.atomic
def vocabulary_override_save(
    *,
    actor: User | None,
    organization: Organization,
    term: VocabularyTerm,
    synonyms: list[str],
    broader: list[VocabularyTerm],
    hidden: bool,
) -> VocabularyOverride | None:
    """Change, for the organisation and those below it, a term it sees but does not own (a shared one,
    or one of the organisations above): synonyms and broader terms added, or the term hidden. The term
    itself stays as it is for everybody else. Nothing added and not hidden: the override goes (None)."""
    from .selectors import vocabulary_effective

    if term.organization_id == organization.pk:
        raise ParticipantsError(_("This is your own term: change it directly."))
    effective = {item.term.pk: item for item in vocabulary_effective(organization)}
    if term.pk not in effective:
        raise ParticipantsError(_("The vocabulary of your organisation has no such term."))
    base = effective[term.pk]
    # what the term already says (its own words and what the organisations above added) is not repeated
    inherited = [
        word
        for word in base.synonyms
        if base.override is None or word not in (base.override.synonyms or [])
    ]
    known = {word.casefold() for word in inherited} | {term.name.casefold()}
    synonyms = [item for item in _clean_terms(synonyms) if item.casefold() not in known]
    for item in broader:
        if item.pk not in effective or item.pk == term.pk:
            raise ParticipantsError(_("A broader term must be another term of the vocabulary."))
    if broader:
        # no loops: the new broader terms may not lie below this term
        children: dict[int, list[int]] = {}
        for entry in effective.values():
            for up in entry.broader:
                children.setdefault(up.pk, []).append(entry.term.pk)
        below, queue = set(), [term.pk]
        while queue:
            for child in children.get(queue.pop(), []):
                if child not in below:
                    below.add(child)
                    queue.append(child)
        if any(item.pk in below for item in broader):
            raise ParticipantsError(_("A term cannot be broader than itself, even through other terms."))
    found = VocabularyOverride.objects.filter(organization=organization, term=term).first()
    before = (
        None
        if found is None
        else {
            "synonyms": list(found.synonyms or []),
            "broader": sorted(found.broader.values_list("pk", flat=True)),
            "hidden": found.hidden,
        }
    )
    after = {"synonyms": synonyms, "broader": sorted(item.pk for item in broader), "hidden": hidden}
    if not synonyms and not broader and not hidden:
        if found is not None:
            audit_record(
                actor=actor,
                organization=organization,
                action=AuditEvent.Action.DELETE,
                target=found,
                changes={"before": before},
            )
            found.delete()
        return None
    if found is None:
        found = VocabularyOverride(organization=organization, term=term)
    found.synonyms, found.hidden = synonyms, hidden
    found.save()
    found.broader.set(broader)
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.CREATE if before is None else AuditEvent.Action.UPDATE,
        target=found,
        changes={"after": after} if before is None else {"before": before, "after": after},
    )
    return found


@transaction.atomic
def consents_record_bulk(
    *,
    actor: User | None,
    people: list[Person],
    given_on: date,
    given_by: str,
    representatives: dict[int, str],
    representative_relation: str = "",
    scan: UploadedFile | None = None,
) -> list[Consent]:
    """Record one paper consent for each of several people: one date, one scan (copied to each).

    Everything is checked first, so that a minor ticked as signing himself or a missing representative
    saves nothing at all; the message names every person in question.
    """
    from django.core.files.base import ContentFile

    if not people:
        raise ParticipantsError(_("Tick the people whose consents you collected."))
    if given_on > timezone.localdate():
        raise ParticipantsError(_("A consent cannot be dated in the future."))
    scan_error = document_error(scan) if scan else None
    if scan_error:
        raise ParticipantsError(scan_error)
    teenagers_self = consent_rule(people[0].organization).teenagers == ConsentRule.Teenagers.SELF
    minors = []
    unnamed = []
    for person in people:
        if given_by == Consent.GivenBy.SELF and needs_representative(
            person.birth_date, given_on, teenagers_self
        ):
            minors.append(person.short_name)
        if given_by == Consent.GivenBy.REPRESENTATIVE and not representatives.get(person.pk, "").strip():
            unnamed.append(person.short_name)
    if minors:
        raise ParticipantsError(
            _("Minors must have their consent signed by a legal representative: %(names)s.")
            % {"names": ", ".join(minors)}
        )
    if unnamed:
        raise ParticipantsError(
            _("Enter the representative's full name for: %(names)s.") % {"names": ", ".join(unnamed)}
        )
    content = b"".join(scan.chunks()) if scan else b""
    recorded = []
    for person in people:
        copy = None
        if scan:
            copy = ContentFile(content, name=scan.name)  # each consent keeps its own copy of the scan
        recorded.append(
            consent_record(
                actor=actor,
                person=person,
                scope=Consent.Scope.PERSONAL_DATA,
                given_on=given_on,
                given_by=given_by,
                representative_name=representatives.get(person.pk, ""),
                representative_relation=representative_relation,
                scan=copy,
            )
        )
    return recorded


# --- Bulk work on the bases -------------------------------------------------------------------------


@transaction.atomic
def profiles_set_status(
    *, actor: User | None, programme: Programme, kind: str, people: list[Person], status: str
) -> int:
    """Set the status of these people's profiles of the year (mentee or mentor); returns how many changed."""
    if status not in ProfileStatus.values:
        raise ParticipantsError(_("Choose a status."))
    model = MenteeProfile if kind == "mentees" else MentorProfile
    changed = 0
    for profile in model.objects.filter(programme=programme, person__in=people).exclude(status=status):
        old = profile.status
        profile.status = status
        profile.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=actor,
            organization=programme.organization,
            action=AuditEvent.Action.UPDATE,
            target=profile,
            changes={"status": [old, status]},
        )
        changed += 1
    return changed


def _names_list(names: list[str]) -> str:
    """Short names joined for a sentence, with its full stop (not a second one after «Н.С.»)."""
    joined = ", ".join(names)
    return joined if joined.endswith(".") else f"{joined}."


@transaction.atomic
def people_trash(
    *, actor: User | None, organization: Organization, programme: Programme, people: list[Person]
) -> list[int]:
    """Put people added by mistake in the trash, with their cards, profiles and consents; all or none.

    Returns the ids of the trash records. Someone in a pair cannot be deleted (the pair is closed or
    edited first): the message names them.
    """
    from mentoring.trash import TrashError, trash_put
    from pairing.models import GroupMember

    if not people:
        raise ParticipantsError(_("Tick the people to delete."))
    # the year of each pair or group a ticked person is in: this year's can be left first, an earlier
    # year's is the programme's history and stays
    years: dict[int, set[int]] = {}
    for person_id, programme_id in GroupMember.objects.filter(person__in=people).values_list(
        "person_id", "group__programme_id"
    ):
        years.setdefault(person_id, set()).add(programme_id)
    busy = sorted(person.short_name for person in people if programme.pk in years.get(person.pk, ()))
    earlier = sorted(
        person.short_name for person in people if person.pk in years and programme.pk not in years[person.pk]
    )
    problems = []
    if busy:
        problems.append(
            _("People in a pair or group cannot be deleted; take them out of it first: %(names)s")
            % {"names": _names_list(busy)}
        )
    if earlier:
        problems.append(
            _("People who were in a pair or group in an earlier academic year cannot be deleted: that year's records keep them: %(names)s")
            % {"names": _names_list(earlier)}
        )
    if problems:
        raise ParticipantsError(" ".join(problems))
    items = []
    for person in people:
        if person.organization_id != organization.pk:
            raise ParticipantsError(_("Tick the people to delete."))
        _forget_import_undo(person)
        try:
            item = trash_put(
                actor=actor,
                organization=organization,
                programme=programme,
                kind="person",
                root=person,
                label=person.full_name,
                person_ids=[person.pk],
            )
        except TrashError as error:
            raise ParticipantsError(f"{person.short_name}: {error}") from error
        items.append(item.pk)
    return items

"""Services (writes) of the monitoring section: questionnaires.

Templates and their questions, campaigns with personal links, re-issuing and closing, and storing the
answers sent through a link (once; a networking answer also updates the preferences the matching engine
reads). Every function is keyword-only and atomic and writes an audit row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mentoring.models import AuditEvent, Organization, Programme, User
from mentoring.services import audit_record
from pairing.models import MentoringForm
from participants.services import networking_preferences_save

from ..models import (
    Answer,
    Audience,
    Campaign,
    Invitation,
    QuestionItem,
    QuestionnaireResponse,
    QuestionnaireTemplate,
)
from .selectors import Recipient


class QuestionnaireError(Exception):
    """An expected refusal whose message is shown to the user as it is."""


TEMPLATE_FIELDS = ("title", "description", "purpose", "audience", "form")
ITEM_FIELDS = ("key", "text", "kind", "required", "choices", "scale_max")
CHOICE_KINDS = (QuestionItem.Kind.SINGLE, QuestionItem.Kind.MULTIPLE)


def _own(template: QuestionnaireTemplate) -> None:
    if template.organization_id is None:
        raise QuestionnaireError(_("A shared template cannot be changed: make a copy of it."))


def _unique_key(queryset, base: str, max_length: int = 80) -> str:
    base = (base or "q")[: max_length - 4]
    taken = set(queryset.filter(key__startswith=base).values_list("key", flat=True))
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _audit(actor, organization, action, target, changes=None, details=None) -> None:
    audit_record(
        actor=actor, organization=organization, action=action, target=target, changes=changes, details=details
    )


def _value(value: Any) -> Any:
    return value.pk if hasattr(value, "pk") else value


# --- Templates ---------------------------------------------------------------------------------------


@transaction.atomic
def template_save(
    *,
    actor: User | None,
    organization: Organization,
    template: QuestionnaireTemplate | None = None,
    **fields: Any,
) -> QuestionnaireTemplate:
    """Create the organisation's own template, or change one of its own."""
    created = template is None
    if template is None:
        template = QuestionnaireTemplate(organization=organization)
    else:
        _own(template)
        if template.organization_id != organization.pk:
            raise QuestionnaireError(_("This template belongs to another organisation."))
    changes = {}
    for name, value in fields.items():
        if name not in TEMPLATE_FIELDS:
            raise ValueError(f"Not an editable field: {name}")
        if getattr(template, name) != value:
            changes[name] = [_value(getattr(template, name)), _value(value)]
            setattr(template, name, value)
    if created:
        own = QuestionnaireTemplate.objects.filter(organization=organization)
        template.key = _unique_key(own, slugify(template.title, allow_unicode=False) or "questionnaire")
        template.position = 100
    if created or changes:
        template.full_clean()
        template.save()
        _audit(
            actor,
            organization,
            AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
            template,
            changes,
        )
    return template


@transaction.atomic
def template_copy(
    *, actor: User | None, organization: Organization, template: QuestionnaireTemplate
) -> QuestionnaireTemplate:
    """The organisation's own copy of a template (shared or own), with every question."""
    if template.organization_id not in (None, organization.pk):
        raise QuestionnaireError(_("This template belongs to another organisation."))
    own = QuestionnaireTemplate.objects.filter(organization=organization)
    copy = QuestionnaireTemplate.objects.create(
        organization=organization,
        key=_unique_key(own, f"{template.key}-copy"),
        title=_("%(title)s (copy)") % {"title": template.title},
        description=template.description,
        purpose=template.purpose,
        audience=template.audience,
        form=template.form,
        position=100,
    )
    QuestionItem.objects.bulk_create(
        QuestionItem(
            template=copy,
            key=item.key,
            text=item.text,
            kind=item.kind,
            required=item.required,
            choices=list(item.choices),
            scale_min=item.scale_min,
            scale_max=item.scale_max,
            position=item.position,
        )
        for item in template.items.all()
    )
    _audit(actor, organization, AuditEvent.Action.CREATE, copy, details={"copied_from": template.pk})
    return copy


@transaction.atomic
def template_set_active(
    *, actor: User | None, template: QuestionnaireTemplate, active: bool
) -> QuestionnaireTemplate:
    _own(template)
    if template.is_active != active:
        template.is_active = active
        template.save(update_fields=["is_active"])
        _audit(
            actor,
            template.organization,
            AuditEvent.Action.UPDATE,
            template,
            {"is_active": [not active, active]},
        )
    return template


# --- Questions ---------------------------------------------------------------------------------------


def _check_item(item: QuestionItem) -> None:
    if item.kind in CHOICE_KINDS and len(item.choices) < 2:
        raise QuestionnaireError(_("A choice question needs at least two options, one per line."))
    if item.kind == QuestionItem.Kind.RANKING and not 1 <= item.scale_max <= 10:
        raise QuestionnaireError(_("A ranking question lets a respondent choose from 1 to 10 people."))
    if item.kind != QuestionItem.Kind.RANKING:
        item.scale_max = 10
    if item.kind not in CHOICE_KINDS:
        item.choices = []


@transaction.atomic
def item_save(
    *,
    actor: User | None,
    template: QuestionnaireTemplate,
    item: QuestionItem | None = None,
    **fields: Any,
) -> QuestionItem:
    """Add a question to an own template or change one; a question already answered keeps its kind."""
    _own(template)
    created = item is None
    if item is None:
        item = QuestionItem(template=template, scale_min=1)
        last = template.items.order_by("-position").values_list("position", flat=True).first()
        item.position = (last or 0) + 1
    elif item.template_id != template.pk:
        raise QuestionnaireError(_("This question belongs to another questionnaire."))
    old_kind = item.kind
    changes = {}
    for name, value in fields.items():
        if name not in ITEM_FIELDS:
            raise ValueError(f"Not an editable field: {name}")
        if getattr(item, name) != value:
            changes[name] = [getattr(item, name), value]
            setattr(item, name, value)
    if not item.key:
        item.key = _unique_key(template.items.all(), slugify(item.text)[:40] or "q")
    if template.items.filter(key=item.key).exclude(pk=item.pk).exists():
        raise QuestionnaireError(_("Another question of this questionnaire already has this key."))
    if not created and old_kind != item.kind and item.answers.exists():
        raise QuestionnaireError(_("The question has answers already: its kind cannot change."))
    _check_item(item)
    if created or changes:
        item.full_clean()
        item.save()
        _audit(
            actor,
            template.organization,
            AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
            item,
            changes,
        )
    return item


@transaction.atomic
def item_delete(*, actor: User | None, item: QuestionItem) -> None:
    template = item.template
    _own(template)
    if item.answers.exists():
        raise QuestionnaireError(_("The question has answers already: it cannot be deleted."))
    _audit(actor, template.organization, AuditEvent.Action.DELETE, item)
    item.delete()


@transaction.atomic
def item_move(*, actor: User | None, item: QuestionItem, direction: str) -> None:
    """Move a question one place up or down (positions are renumbered 1…n)."""
    template = item.template
    _own(template)
    items = list(template.items.order_by("position", "pk"))
    index = next(i for i, found in enumerate(items) if found.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(items):
        return
    items[index], items[other] = items[other], items[index]
    for position, found in enumerate(items, start=1):
        found.position = position
    QuestionItem.objects.bulk_update(items, ["position"])
    _audit(actor, template.organization, AuditEvent.Action.UPDATE, item, details={"moved": direction})


# --- Campaigns -----------------------------------------------------------------------------------


@transaction.atomic
def campaign_create(
    *,
    actor: User | None,
    programme: Programme,
    template: QuestionnaireTemplate,
    title: str,
    stage: str,
    recipients: Sequence[Recipient],
    valid_days: int,
    baseline: Campaign | None = None,
    form: MentoringForm | None = None,
    now=None,
) -> Campaign:
    """A campaign and one personal link per recipient, created in a few queries whatever their number."""
    if template.organization_id not in (None, programme.organization_id):
        raise QuestionnaireError(_("This template belongs to another organisation."))
    if not template.is_active:
        raise QuestionnaireError(_("This template is not in use."))
    if stage == Campaign.Stage.AFTER:
        if baseline is None:
            raise QuestionnaireError(_("Choose the «before» campaign to compare with."))
        if (
            baseline.programme.organization_id != programme.organization_id
            or baseline.stage != Campaign.Stage.BEFORE
        ):
            raise QuestionnaireError(_("Only a «before» campaign of this organisation can be the baseline."))
    else:
        baseline = None
    if not recipients:
        raise QuestionnaireError(_("Nobody matches the chosen participants: there is no one to send it to."))
    if not 1 <= valid_days <= 365:
        raise QuestionnaireError(_("A link may be valid from 1 to 365 days."))
    now = now or timezone.now()
    expires_at = now + timedelta(days=valid_days)
    campaign = Campaign.objects.create(
        programme=programme,
        template=template,
        title=title,
        stage=stage,
        baseline=baseline,
        form=form,
        expires_at=expires_at,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    respondent = template.audience
    Invitation.objects.bulk_create(
        [
            Invitation(
                campaign=campaign,
                person_id=recipient.person_id,
                user_id=recipient.user_id,
                group_id=recipient.group_id,
                respondent=respondent,
                expires_at=expires_at,
            )
            for recipient in recipients
        ],
        batch_size=500,
    )
    _audit(
        actor,
        programme.organization,
        AuditEvent.Action.CREATE,
        campaign,
        {
            "template": template.pk,
            "stage": stage,
            "links": len(recipients),
            "expires_at": expires_at.isoformat(),
        },
    )
    return campaign


@transaction.atomic
def invitation_reissue(
    *, actor: User | None, invitation: Invitation, valid_days: int, now=None
) -> Invitation:
    """A new link (new token, new term) for a participant who has not answered; the old link stops working."""
    if invitation.answered_at is not None:
        raise QuestionnaireError(_("This participant has already answered."))
    now = now or timezone.now()
    campaign = invitation.campaign
    invitation.token = Invitation._meta.get_field("token").default()
    invitation.expires_at = now + timedelta(days=valid_days)
    invitation.opened_at = None
    invitation.save(update_fields=["token", "expires_at", "opened_at"])
    if campaign.expires_at < invitation.expires_at:
        campaign.expires_at = invitation.expires_at
        campaign.save(update_fields=["expires_at"])
    _audit(
        actor,
        campaign.programme.organization,
        AuditEvent.Action.UPDATE,
        invitation,
        {"reissued": True, "expires_at": invitation.expires_at.isoformat()},
    )
    return invitation


@transaction.atomic
def campaign_close(*, actor: User | None, campaign: Campaign, now=None) -> Campaign:
    """Close early: every link that has not been answered stops working now."""
    now = now or timezone.now()
    if campaign.expires_at > now:
        campaign.expires_at = now
        campaign.save(update_fields=["expires_at"])
        closed = Invitation.objects.filter(
            campaign=campaign, answered_at__isnull=True, expires_at__gt=now
        ).update(expires_at=now)
        _audit(
            actor,
            campaign.programme.organization,
            AuditEvent.Action.UPDATE,
            campaign,
            {"closed": True, "links": closed},
        )
    return campaign


def invitation_mark_opened(*, invitation: Invitation, now=None) -> None:
    """Record when the link was first opened (one UPDATE, only the first time)."""
    if invitation.opened_at is None:
        now = now or timezone.now()
        Invitation.objects.filter(pk=invitation.pk, opened_at__isnull=True).update(opened_at=now)
        invitation.opened_at = now


# --- Answers ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Submission:
    response: QuestionnaireResponse
    created: bool  # False: the link had been answered before, nothing changed


def _answer_row(item: QuestionItem, value: Any) -> Answer | None:
    kind = item.kind
    if value in (None, "", [], ()):
        return None
    if kind == QuestionItem.Kind.SCALE:
        return Answer(item=item, number=float(value))
    if kind == QuestionItem.Kind.YES_NO:
        return Answer(item=item, number=1.0 if value in (True, "yes", 1, "1") else 0.0)
    if kind == QuestionItem.Kind.SINGLE:
        return Answer(item=item, choices=[str(value)])
    if kind == QuestionItem.Kind.MULTIPLE:
        return Answer(item=item, choices=[str(v) for v in value])
    if kind == QuestionItem.Kind.RANKING:
        return Answer(item=item, choices=[int(v) for v in value])
    return Answer(item=item, text=str(value).strip())


@transaction.atomic
def response_submit(*, invitation: Invitation, answers: Mapping[int, Any], now=None) -> Submission:
    """Store the answers sent through a link, all in one transaction; a second sending changes nothing.

    ``answers`` maps question ids to cleaned values. A networking answer also stores the ranked people
    on the respondent's profile of the year, where the matching engine reads them.
    """
    now = now or timezone.now()
    locked = (
        # of=("self",): lock the invitation only; PostgreSQL refuses FOR UPDATE on the nullable side of the
        # outer join to ``person`` (every answer was a 500 there; found by the browser journey)
        Invitation.objects.select_for_update(of=("self",))
        .select_related("campaign__template", "campaign__programme__organization", "person")
        .get(pk=invitation.pk)
    )
    existing = QuestionnaireResponse.objects.filter(invitation=locked).first()
    if existing is not None:
        return Submission(response=existing, created=False)
    if locked.expires_at <= now or locked.campaign.expires_at <= now:
        raise QuestionnaireError(_("The link has expired."))
    items = {item.pk: item for item in locked.campaign.template.items.all()}
    try:
        with transaction.atomic():
            response = QuestionnaireResponse.objects.create(invitation=locked)
    except IntegrityError:  # another request stored it a moment ago
        return Submission(response=QuestionnaireResponse.objects.get(invitation=locked), created=False)
    rows = []
    for item_id, value in answers.items():
        item = items.get(item_id)
        if item is None:
            continue
        row = _answer_row(item, value)
        if row is not None:
            row.response = response
            rows.append(row)
    Answer.objects.bulk_create(rows)
    locked.answered_at = now
    update = ["answered_at"]
    if locked.opened_at is None:
        locked.opened_at = now
        update.append("opened_at")
    locked.save(update_fields=update)
    campaign = locked.campaign
    organization = campaign.programme.organization
    audit_record(
        actor=None,
        organization=organization,
        action=AuditEvent.Action.CREATE,
        target=response,
        details={"campaign": campaign.pk, "answers": len(rows)},
        people=[locked.person_id] if locked.person_id else [],
    )
    if (
        campaign.template.purpose == QuestionnaireTemplate.Purpose.NETWORKING
        and locked.person is not None
        and locked.respondent in (Audience.MENTEE, Audience.MENTOR)
    ):
        for row in rows:
            if row.item.kind == QuestionItem.Kind.RANKING:
                networking_preferences_save(
                    actor=None,
                    person=locked.person,
                    programme=campaign.programme,
                    side=locked.respondent,
                    ranked_ids=row.choices,
                )
                break
    return Submission(response=response, created=True)

"""Services (writes) of the monitoring section: cases (best practices) and their photos.

Every function is keyword-only and atomic and writes an audit row: a case tells the story of real
people, and a photo shows them.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from mentoring.models import AuditEvent, Programme, User
from mentoring.services import audit_record
from pairing.models import MentoringForm, MentoringGroup
from participants.models import Person

from ..models import Case, CasePhoto


class CaseError(Exception):
    """A refusal shown to the user as it is."""


def _check(
    *, programme: Programme, group: MentoringGroup | None, form: MentoringForm | None, title: str, story: str
) -> None:
    if not title.strip():
        raise CaseError(_("Give the case a title."))
    if not story.strip():
        raise CaseError(_("Tell the story of the case."))
    if group is not None and group.programme_id != programme.pk:
        raise CaseError(_("The pair belongs to another programme year."))
    if form is not None and form.organization_id not in (None, programme.organization_id):
        raise CaseError(_("This form of mentoring belongs to another organisation."))


@transaction.atomic
def case_create(
    *,
    actor: User | None,
    programme: Programme,
    title: str,
    story: str,
    group: MentoringGroup | None = None,
    form: MentoringForm | None = None,
) -> Case:
    _check(programme=programme, group=group, form=form, title=title, story=story)
    if form is None and group is not None:
        form = group.form
    last = programme.cases.aggregate(last=Max("position"))["last"]
    case = Case.objects.create(
        programme=programme,
        group=group,
        form=form,
        title=title.strip(),
        story=story.strip(),
        position=(last or 0) + 1,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    audit_record(
        actor=actor,
        organization=programme.organization,
        action=AuditEvent.Action.CREATE,
        target=case,
        changes={"group": group.pk if group else None, "form": form.pk if form else None},
    )
    return case


@transaction.atomic
def case_update(
    *,
    actor: User | None,
    case: Case,
    title: str,
    story: str,
    group: MentoringGroup | None,
    form: MentoringForm | None,
) -> Case:
    _check(programme=case.programme, group=group, form=form, title=title, story=story)
    before = {"title": case.title, "group": case.group_id, "form": case.form_id, "story": case.story}
    case.title, case.story, case.group, case.form = title.strip(), story.strip(), group, form
    case.save()
    after = {"title": case.title, "group": case.group_id, "form": case.form_id, "story": case.story}
    changed = {
        key: ([before[key], after[key]] if key != "story" else True)
        for key in after
        if before[key] != after[key]
    }
    audit_record(
        actor=actor,
        organization=case.programme.organization,
        action=AuditEvent.Action.UPDATE,
        target=case,
        changes=changed,
    )
    return case


@transaction.atomic
def case_delete(*, actor: User | None, case: Case) -> None:
    organization = case.programme.organization
    photos = list(case.photos.all())
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.DELETE,
        target=case,
        changes={"photos": len(photos)},
    )
    files = [photo.image for photo in photos]
    case.delete()
    transaction.on_commit(lambda: [image.delete(save=False) for image in files])


def _check_people(programme: Programme, people: Sequence[Person]) -> None:
    if any(person.organization_id != programme.organization_id for person in people):
        raise CaseError(_("Only people of this organisation can be marked on a photo."))


@transaction.atomic
def case_photo_add(
    *,
    actor: User | None,
    case: Case,
    image: UploadedFile,
    caption: str = "",
    people: Sequence[Person] = (),
) -> CasePhoto:
    _check_people(case.programme, people)
    last = case.photos.aggregate(last=Max("position"))["last"]
    photo = CasePhoto(
        case=case,
        caption=caption.strip(),
        position=(last or 0) + 1,
        uploaded_by=actor if actor is not None and actor.pk else None,
    )
    photo.image.save((image.name or "photo").rsplit("/", 1)[-1][-100:], image, save=False)
    photo.save()
    photo.people.set(people)
    audit_record(
        actor=actor,
        organization=case.programme.organization,
        action=AuditEvent.Action.CREATE,
        target=photo,
        changes={"case": case.pk, "people": [person.pk for person in people]},
    )
    return photo


@transaction.atomic
def case_photo_delete(*, actor: User | None, photo: CasePhoto) -> None:
    case = photo.case
    audit_record(
        actor=actor,
        organization=case.programme.organization,
        action=AuditEvent.Action.DELETE,
        target=photo,
        changes={"case": case.pk, "people": list(photo.people.values_list("pk", flat=True))},
    )
    image = photo.image
    photo.delete()
    transaction.on_commit(lambda: image.delete(save=False))

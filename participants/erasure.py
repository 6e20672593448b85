"""The bases' part of the erasure after a consent is withdrawn (see ``mentoring.erasure``)."""

from __future__ import annotations

from functools import partial

from mentoring.erasure import Erasure, erasure_step
from mentoring.file_text import file_text

from .models import MenteeProfile, MentorProfile

# Free text the person wrote or that was written about them in their yearly profiles.
MENTEE_TEXTS = ("request_text", "results", "availability")
MENTOR_TEXTS = ("achievements", "results", "availability")


@erasure_step
def clear_own_texts(erasure: Erasure) -> None:
    """Their request in their own words, their results and achievements: cleared, whatever they say."""
    for model, names in ((MenteeProfile, MENTEE_TEXTS), (MentorProfile, MENTOR_TEXTS)):
        for profile in model.objects.filter(person=erasure.person).only("pk", *names):
            filled = [name for name in names if getattr(profile, name)]
            if filled:
                model.objects.filter(pk=profile.pk).update(**dict.fromkeys(filled, ""))
                erasure.counts["own_texts"] += len(filled)


@erasure_step
def delete_unfinished_uploads(erasure: Erasure) -> None:
    """An upload of the bases waiting for confirmation keeps the spreadsheet: delete it if it names them."""
    from django.db import transaction

    from mentoring import stored_folders

    from .importing import imports_root

    root = imports_root()
    if erasure.matcher is None:
        return
    for name in stored_folders.subfolders(root):
        folder = stored_folders.file_name(root, name)
        named = False
        for file_name in stored_folders.files(folder):
            try:
                data = stored_folders.read(folder, file_name)
            except FileNotFoundError:  # the import finished meanwhile
                continue
            if erasure.matcher.found_in(file_text(file_name, data)):
                named = True
                break
        if named:
            erasure.counts["uploads"] += 1
            transaction.on_commit(partial(stored_folders.delete, folder))


@erasure_step
def scrub_admin_history(erasure: Erasure) -> None:
    """Django's admin history names the records it changed: her card («Иванова Мария…»), but also her
    yearly profiles («Иванова Мария … (2025/2026)») and, in the change messages of a pair, the inline
    member «Иванова Мария … (Наставляемый)». Her card's rows name no one now; every other row that
    names her has the name replaced (the history has no organisation: a namesake's row goes too)."""
    import json

    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q

    from mentoring.erasure import _escaped

    from .models import Person

    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Person), object_id=str(erasure.person.pk)
    )
    erasure.counts["texts"] += entries.update(object_repr=f"№ {erasure.person.pk}", change_message="")
    matcher = erasure.matcher
    if matcher is None:
        return
    condition = Q()
    for term in matcher.search_terms():
        condition |= Q(object_repr__contains=term) | Q(change_message__contains=term)
        condition |= Q(change_message__contains=_escaped(term))
    for entry in LogEntry.objects.filter(condition).only("pk", "object_id", "object_repr", "change_message"):
        changes: dict[str, str] = {}
        if matcher.found_in(entry.object_repr):
            changes["object_repr"] = f"№ {entry.object_id}"[:200]
        try:
            message = json.loads(entry.change_message or "[]")
        except ValueError:
            message = entry.change_message
        if matcher.found_in_value(message):
            cleared = matcher.replace_in(message, erasure.placeholder)
            changes["change_message"] = cleared if isinstance(cleared, str) else json.dumps(cleared)
        if changes:
            LogEntry.objects.filter(pk=entry.pk).update(**changes)
            erasure.counts["texts"] += len(changes)


@erasure_step
def erase_from_trash(erasure: Erasure) -> None:
    """A copy of the person kept in the trash (or of a record deleted with them) goes for good."""
    from mentoring.models import TrashItem
    from mentoring.trash import trash_erase

    for item in TrashItem.objects.filter(organization=erasure.organization).only(
        "pk", "person_ids", "payload", "object_id", "organization"
    ):
        if erasure.person.pk in (item.person_ids or []):
            trash_erase(actor=None, item=item, reason="erase")
            erasure.counts["trash"] += 1

"""Erasure of a person's data when the consent to process personal data is withdrawn (152-ФЗ, ст. 9, 21).

The person's own record is anonymised by ``participants.services.person_anonymise``; this module
finds the person everywhere else, in every app, without each app importing the others:

* app steps: each app may have an ``erasure.py`` whose functions, decorated with ``@erasure_step``,
  handle what only that app knows (the person's own free texts, their questionnaire answers, the case
  photos showing them, unfinished uploads);
* generated files: every job file with personal data of the organisation is deleted (the user builds
  it again, without the person);
* free text: every text and JSON field of every model of the project that belongs to the organisation
  (found through its foreign keys, so a new model is covered without a line here) is searched for
  the person's name in its case forms, and the name is replaced by a placeholder;
* stored files: every file of those models is opened (Word, Excel, PDF, text) and, when the name is
  in it or in its file name, deleted.

The counts of what was erased go into the audit row of the erasure, which the person card shows. The
audit trail itself holds no names and no values, so it is not searched.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .file_text import file_text
from .models import AuditEvent, EndedAccess, Job, Organization
from .names import NameMatcher

logger = logging.getLogger(__name__)

# What the person card lists, in this order.
ERASURE_LABELS: dict[str, Any] = {
    "personal_data": gettext_lazy("name, birth date, contacts, parents' details and notes in the card"),
    "consent_scans": gettext_lazy("scans of consent forms"),
    "own_texts": gettext_lazy("their own texts: request in their words, results, achievements"),
    "answers": gettext_lazy("questionnaire answers: texts cleared, the rest detached from the person"),
    "photos": gettext_lazy("case photos showing them"),
    "job_files": gettext_lazy(
        "generated files with personal data (bases, orders, diaries, certificates, QR sheets, compendium)"
    ),
    "order_copies": gettext_lazy(
        "kept copies of signed orders that named them (made again without the name at the next download)"
    ),
    "texts": gettext_lazy("mentions of the name in notes, meeting records, plans, cases, comments"),
    "files": gettext_lazy("uploaded files that named them"),
    "uploads": gettext_lazy("unfinished uploads of the bases that named them"),
    "trash": gettext_lazy("their records kept in the trash"),
    "ended_access": gettext_lazy("the record of their ended access to the organisation, with its roles"),
}

# Never searched: the trail has no names by construction and must stay as it is; accounts are
# people who work in the system (deactivated, not erased, by the administrator).
SKIPPED_MODELS = {"mentoring.AuditEvent", "mentoring.User"}
MAX_PATH_DEPTH = 6
# Fields of other records that hold someone's name by design (another person's own name, the signer
# of their consent): that is the other person's data, not a mention of this one. Only these fields
# of these models are searched.
FREE_TEXT_ONLY = {
    "participants.Person": {"notes"},
    "participants.Consent": set(),
}


@dataclass
class Erasure:
    """One erasure in progress: whom, where, and what has been erased so far."""

    person: Any
    organization: Organization
    matcher: NameMatcher | None
    placeholder: str
    # also the given name alone: for the records of the person's own pairs
    loose_matcher: NameMatcher | None = None
    counts: Counter[str] = field(default_factory=Counter)
    _files: list[tuple[Any, str]] = field(default_factory=list)

    def delete_file(self, stored: FieldFile, kind: str = "files") -> None:
        """Delete a stored file once the transaction commits (a rollback keeps it)."""
        if stored and stored.name:
            self._files.append((stored.storage, stored.name))
            self.counts[kind] += 1

    def flush_files(self) -> None:
        files = list(self._files)

        def delete() -> None:
            for storage, name in files:
                try:
                    storage.delete(name)
                except OSError:
                    logger.warning("Could not delete %s after an erasure", name, exc_info=True)

        transaction.on_commit(delete)


ErasureStep = Callable[[Erasure], None]
_STEPS: list[ErasureStep] = []
_discovered = False


def erasure_step(func: ErasureStep) -> ErasureStep:
    """Register an app's part of the erasure (in the app's ``erasure.py``)."""
    if func not in _STEPS:
        _STEPS.append(func)
    return func


def _steps() -> list[ErasureStep]:
    global _discovered
    if not _discovered:
        autodiscover_modules("erasure")
        _discovered = True
    return list(_STEPS)


# --- Which models belong to an organisation, and how -------------------------------------------------


def project_models() -> Iterator[type[models.Model]]:
    """The concrete models of this project's apps (not Django's nor third-party ones)."""
    base = Path(settings.BASE_DIR).resolve()
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if base not in path.parents or ".venv" in path.parts or "site-packages" in path.parts:
            continue
        for model in config.get_models():
            if not model._meta.abstract and not model._meta.proxy:
                yield model


def organization_paths(model: type[models.Model]) -> list[str]:
    """Lookups from the model to its organisation (``programme__organization``); [] if none.

    The shortest chain of non-nullable foreign keys if there is one; else every shortest nullable
    chain (a row belongs to the organisation if any of them leads there).
    """
    if model is Organization:
        return ["pk"]
    frontier: list[tuple[type[models.Model], str, bool]] = [(model, "", False)]
    seen: dict[type[models.Model], bool] = {model: False}
    nullable_found: list[str] = []
    for _depth in range(MAX_PATH_DEPTH):
        strict: list[str] = []
        following: list[tuple[type[models.Model], str, bool]] = []
        for current, path, nullable in frontier:
            for item in current._meta.get_fields():
                if not (item.many_to_one or item.one_to_one) or not item.concrete:
                    continue
                target = item.related_model
                if target is None:  # a concrete relation always has its model; narrows the type
                    continue
                lookup = f"{path}__{item.name}" if path else item.name
                through_null = nullable or item.null
                if target is Organization:
                    (nullable_found if through_null else strict).append(lookup)
                elif target._meta.app_label in _project_labels() and (
                    target not in seen or (seen[target] and not through_null)
                ):
                    seen[target] = through_null
                    following.append((target, lookup, through_null))
        if strict:
            return [strict[0]]
        frontier = following
    return nullable_found[:4]


_LABELS: set[str] | None = None


def _project_labels() -> set[str]:
    global _LABELS
    if _LABELS is None:
        _LABELS = {model._meta.app_label for model in project_models()}
    return _LABELS


def text_fields(model: type[models.Model]) -> tuple[list[str], list[str]]:
    """(char/text fields, JSON fields) that may hold free text: no choices, slugs or unique codes."""
    chars, jsons = [], []
    for item in model._meta.concrete_fields:
        if item.primary_key or item.unique or item.choices:
            continue
        if isinstance(item, models.SlugField | models.FileField | models.UUIDField):
            continue
        if isinstance(item, models.CharField | models.TextField):
            chars.append(item.name)
        elif isinstance(item, models.JSONField):
            jsons.append(item.name)
    return chars, jsons


def file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [item for item in model._meta.concrete_fields if isinstance(item, models.FileField)]


def _escaped(term: str) -> str:
    """How a JSON text column stores the term when written with ASCII escapes (SQLite)."""
    return "".join(char if ord(char) < 128 else f"\\u{ord(char):04x}" for char in term)


def _scope(model: type[models.Model], erasure: Erasure) -> models.QuerySet | None:
    paths = organization_paths(model)
    if not paths:
        return None
    condition = Q()
    for path in paths:
        condition |= Q(**{path: erasure.organization.pk})
    queryset = model._base_manager.filter(condition)
    if len(paths) > 1:
        queryset = queryset.distinct()
    if model is erasure.person.__class__:
        queryset = queryset.exclude(pk=erasure.person.pk)  # anonymised by its own service
    return queryset


@erasure_step
def forget_ended_access(erasure: Erasure) -> None:
    """A staff member's card linked to an account whose access here was ended (they work elsewhere): the
    record of that access, which would show them under «Доступ закрыт» with their roles, goes."""
    user_id = getattr(erasure.person, "user_id", None)
    if user_id:
        deleted, _by_model = EndedAccess.objects.filter(
            organization=erasure.organization, user_id=user_id
        ).delete()
        erasure.counts["ended_access"] += deleted


# --- The generic parts ------------------------------------------------------------------------------


def erase_job_files(erasure: Erasure) -> None:
    """Every generated file with personal data of the organisation goes: it may name the person."""
    jobs = Job.objects.filter(organization=erasure.organization, contains_personal_data=True).exclude(
        result_file=""
    )
    note = _("The file was deleted after a consent was withdrawn; build it again.")
    for job in jobs:
        erasure.delete_file(job.result_file, "job_files")
        Job.objects.filter(pk=job.pk).update(result_file="", expires_at=None, message=note[:300])
    # a file being built right now may still name the person: it is stopped and never saved
    stopped = Job.objects.filter(
        organization=erasure.organization,
        contains_personal_data=True,
        status__in=[Job.Status.QUEUED, Job.Status.RUNNING],
    ).update(
        status=Job.Status.FAILED,
        error=_("A consent was withdrawn while the file was being prepared: build it again."),
        finished_at=timezone.now(),
    )
    erasure.counts["job_files"] += stopped


def erase_texts(erasure: Erasure) -> None:
    """Replace the name in every free-text field of the organisation's records."""
    matcher = erasure.matcher
    if matcher is None:
        return
    terms = list(matcher.search_terms())
    for model in project_models():
        if model._meta.label in SKIPPED_MODELS:
            continue
        chars, jsons = _free_text_fields(model)
        if not chars and not jsons:
            continue
        queryset = _scope(model, erasure)
        if queryset is None:
            continue
        _erase_in_model(erasure, matcher, model, queryset, terms, chars, jsons)


def _free_text_fields(model: type[models.Model]) -> tuple[list[str], list[str]]:
    """A model's text and JSON fields that may hold a name (only the listed ones for FREE_TEXT_ONLY)."""
    chars, jsons = text_fields(model)
    if model._meta.label in FREE_TEXT_ONLY:
        allowed = FREE_TEXT_ONLY[model._meta.label]
        chars = [name for name in chars if name in allowed]
        jsons = [name for name in jsons if name in allowed]
    return chars, jsons


def _erase_in_model(
    erasure: Erasure,
    matcher: NameMatcher,
    model: type[models.Model],
    queryset: models.QuerySet,
    terms: list[str],
    chars: list[str],
    jsons: list[str],
) -> None:
    """The rows of one model whose text fields hold the name: the name replaced, cut to the field's length."""
    condition = Q()
    for name in chars:
        for term in terms:
            condition |= Q(**{f"{name}__contains": term})
    annotations = {}
    for name in jsons:
        alias = f"_erasure_{name}"
        annotations[alias] = Cast(name, models.TextField())
        for term in terms:
            condition |= Q(**{f"{alias}__contains": term}) | Q(**{f"{alias}__contains": _escaped(term)})
    rows = queryset.annotate(**annotations).filter(condition).values_list("pk", *chars, *jsons)
    for pk, *values in rows.iterator(chunk_size=500):
        changes: dict[str, Any] = {}
        for name, value in zip([*chars, *jsons], values, strict=True):
            if value in (None, "") or not matcher.found_in_value(value):
                continue
            new = matcher.replace_in(value, erasure.placeholder)
            max_length = getattr(model._meta.get_field(name), "max_length", None)
            if isinstance(new, str) and max_length:
                new = new[:max_length]
            changes[name] = new
        if changes:
            model._base_manager.filter(pk=pk).update(**changes)
            erasure.counts["texts"] += len(changes)


def replace_in_rows(
    erasure: Erasure, queryset: models.QuerySet, names: list[str], matcher: NameMatcher | None = None
) -> None:
    """Replace the name in the given text fields of the given rows (an app step's own records)."""
    matcher = matcher or erasure.matcher
    if matcher is None or not names:
        return
    model = queryset.model
    for pk, *values in queryset.values_list("pk", *names).iterator(chunk_size=500):
        changes = {}
        for name, value in zip(names, values, strict=True):
            if value in (None, "") or not matcher.found_in_value(value):
                continue
            new = matcher.replace_in(value, erasure.placeholder)
            max_length = getattr(model._meta.get_field(name), "max_length", None)
            changes[name] = new[:max_length] if isinstance(new, str) and max_length else new
        if changes:
            model._base_manager.filter(pk=pk).update(**changes)
            erasure.counts["texts"] += len(changes)


def erase_files(erasure: Erasure) -> None:
    """Delete the stored files of the organisation whose name or text names the person."""
    matcher = erasure.matcher
    if matcher is None:
        return
    for model in project_models():
        fields = file_fields(model)
        if not fields or model._meta.label in SKIPPED_MODELS:
            continue
        queryset = _scope(model, erasure)
        if queryset is None:
            continue
        for item in fields:
            for row in (
                queryset.exclude(**{item.name: ""}).exclude(**{f"{item.name}__isnull": True}).iterator()
            ):
                stored: FieldFile = getattr(row, item.name)
                if not file_names_person(stored, matcher):
                    continue
                erasure.delete_file(stored)
                if item.blank:
                    model._base_manager.filter(pk=row.pk).update(**{item.name: ""})
                else:  # the file is the record (a photo): the record goes with it
                    model._base_manager.filter(pk=row.pk).delete()


# Files whose text cannot be read (photos, scans as images): only their names are checked.
UNREADABLE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".tif", ".tiff", ".bmp")
MAX_READ_BYTES = 50 * 1024 * 1024


def file_names_person(stored: FieldFile, matcher: NameMatcher, *, full: bool = True) -> bool:
    """Whether the file's name or text names the person: the surname with a given name or initials
    (``full``), or any mention the matcher finds (for the files of the person's own pairs)."""
    found = matcher.found_full_in if full else matcher.found_in
    name = stored.name
    if not name:  # an empty file field names nobody (the callers skip them already)
        return False
    basename = name.rsplit("/", 1)[-1]
    if found(basename.replace("_", " ")):
        return True
    if basename.lower().endswith(UNREADABLE_SUFFIXES):
        return False
    try:
        if stored.storage.size(name) > MAX_READ_BYTES:
            return False
    except (OSError, NotImplementedError):
        return False
    try:
        with stored.storage.open(name, "rb") as handle:
            data = handle.read()
    except OSError:
        return False
    return found(file_text(basename, data))


# --- The whole erasure ------------------------------------------------------------------------------


def person_erase(*, actor: Any, person: Any) -> Counter[str]:
    """Erase the person everywhere but their own record; call it before the name is blanked.

    Runs inside the caller's transaction; files are deleted once it commits. Returns the counts.
    """
    erasure = Erasure(
        person=person,
        organization=person.organization,
        matcher=NameMatcher.for_name(person.last_name, person.first_name, person.patronymic),
        loose_matcher=NameMatcher.for_name(
            person.last_name, person.first_name, person.patronymic, loose=True
        ),
        placeholder=_("[name removed]"),
    )
    with transaction.atomic():
        for step in _steps():
            step(erasure)
        erase_job_files(erasure)
        erase_texts(erasure)
        erase_files(erasure)
        erasure.flush_files()
    return erasure.counts


def erasure_summary(person_id: int) -> tuple[Any, list[tuple[str, int]]] | None:
    """When the person was erased and what, for the person card; None if never."""
    event = (
        AuditEvent.objects.filter(
            action=AuditEvent.Action.ERASE, target_type="participants.Person", target_id=str(person_id)
        )
        .order_by("-at")
        .first()
    )
    if event is None:
        return None
    counts = event.details.get("erased", {}) if isinstance(event.details, dict) else {}
    lines = [(str(label), int(counts[key])) for key, label in ERASURE_LABELS.items() if counts.get(key)]
    return event.at, lines

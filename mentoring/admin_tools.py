"""The Django admin for every model: administrators keep the reference data there.

Each app's ``admin.py`` registers its hand-written admins, then calls ``register_remaining`` for the rest
of its models: a list with Russian column headers (the fields' verbose names), search, filters, and the
foreign keys picked by search (``autocomplete_fields``) instead of a select of every row.
``tests/mentoring/test_admin.py`` fails when a model is left out.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib import admin
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.text import capfirst

# Texts too long for a column, files, and what only the code reads.
SKIPPED_COLUMNS = (models.TextField, models.JSONField, models.FileField, models.BinaryField)
HIDDEN_NAMES = ("search_text", "secret", "hash", "token", "password")
MAX_COLUMNS = 6
MAX_FILTERS = 4
MAX_SEARCH = 4
# A foreign key to these models is searched by these fields (the admin's search box).
RELATED_SEARCH = {
    "mentoring.Organization": "short_name",
    "mentoring.Programme": "organization__short_name",
    "mentoring.User": "username",
    "participants.Person": "last_name",
}


def _hidden(field: models.Field) -> bool:
    return any(part in field.name for part in HIDDEN_NAMES)


def _columns(model: type[models.Model]) -> list[str]:
    columns = ["__str__"]
    for field in model._meta.concrete_fields:
        if field.primary_key or _hidden(field) or isinstance(field, SKIPPED_COLUMNS):
            continue
        columns.append(field.name)
        if len(columns) > MAX_COLUMNS:
            break
    return columns


def _filters(model: type[models.Model]) -> list[str]:
    filters: list[str] = []
    for field in model._meta.concrete_fields:
        if _hidden(field):
            continue
        if field.choices or isinstance(field, models.BooleanField):
            filters.append(field.name)
    for field in model._meta.concrete_fields:
        related = field.related_model
        if related is None:
            continue
        label = related._meta.label
        if label == "mentoring.Programme":
            filters.append(f"{field.name}__academic_year")
        elif label in ("mentoring.AcademicYear", "pairing.MentoringForm"):
            filters.append(field.name)
        elif label == "mentoring.Organization":
            filters.append(f"{field.name}__kind")
    if len(filters) < MAX_FILTERS:
        filters.extend(
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, models.DateField) and not _hidden(field)
        )
    unique = list(dict.fromkeys(filters))
    return unique[:MAX_FILTERS] or ["id"]


def _search(model: type[models.Model]) -> list[str]:
    fields: list[str] = []
    for field in model._meta.concrete_fields:
        if _hidden(field) or field.choices:
            continue
        if (
            isinstance(field, models.CharField)
            and not isinstance(field, models.SlugField | models.EmailField)
            or isinstance(field, models.SlugField)
        ):
            fields.append(field.name)
    for field in model._meta.concrete_fields:
        related = field.related_model
        if related is not None and related._meta.label in RELATED_SEARCH:
            fields.append(f"{field.name}__{RELATED_SEARCH[related._meta.label]}")
    return fields[:MAX_SEARCH] or ["=id"]


def _foreign_keys(model: type[models.Model]) -> list[str]:
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.is_relation and field.editable and field.related_model is not None
    ]


def admin_class_for(model: type[models.Model]) -> type[admin.ModelAdmin]:
    foreign_keys = _foreign_keys(model)
    attributes = {
        "list_display": _columns(model),
        "list_filter": _filters(model),
        "search_fields": _search(model),
        "autocomplete_fields": foreign_keys,
        "list_select_related": [name for name in foreign_keys if name in _columns(model)] or False,
        "list_per_page": 50,
        "show_full_result_count": False,
    }
    return type(f"{model.__name__}Admin", (admin.ModelAdmin,), attributes)


def _titled_by_plural(model_admin: admin.ModelAdmin) -> None:
    """The list's title is the model's plural name («Наставнические пары и группы»): Django's «Выберите %s
    для изменения» puts the nominative name where Russian needs the accusative."""
    original = model_admin.changelist_view
    if getattr(original, "titled_by_plural", False):
        return

    def changelist_view(request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        title = capfirst(str(model_admin.model._meta.verbose_name_plural))
        return original(request, {"title": title, **(extra_context or {})})

    # a mark on the wrapper, so that an admin is wrapped once; the wrapper replaces the method of this one
    # admin instance only (the class's method stays as Django wrote it)
    changelist_view.titled_by_plural = True  # type: ignore[attr-defined]  # a function attribute as a mark
    model_admin.changelist_view = changelist_view  # type: ignore[method-assign]  # on this instance only


def register_remaining(app_label: str, site: admin.AdminSite = admin.site) -> None:
    """Register, with a generated admin, every model of the app that has no admin yet; every list of
    the app is titled by the model's plural name."""
    for model in apps.get_app_config(app_label).get_models():
        if not site.is_registered(model):
            site.register(model, admin_class_for(model))
        _titled_by_plural(site._registry[model])

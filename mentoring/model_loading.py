"""Model instances built from database rows without ``Model.__init__``: the same objects, for less.

A list page builds a hundred or more model instances (the roadmap's events, periods and responsible
members; a base's profiles and their people; the pairs and their forms). Django's ``Model.from_db`` lays
the row out over every concrete field (``DEFERRED`` for those not read, found by a search of the read
names for each field, on every row), then calls ``Model.__init__``, which sends ``pre_init`` and
``post_init`` and sets each value with ``setattr``: about 5–7 µs a row, against 1–1.5 µs for what it
does in the end — a ``ModelState`` not adding, its database, and the read values in the instance's
``__dict__`` (a deferred field stays out of it, as ``__init__`` leaves it).

``install()`` gives that shortcut to the project's own models for which it is exactly the same:

- the model defines neither ``__init__`` nor ``from_db`` of its own;
- every concrete field's attribute is a plain ``DeferredAttribute`` (``setattr`` stores into ``__dict__``)
  or a ``ForeignKeyDeferredAttribute`` (whose ``__set__`` only drops a cached related object, which a new
  instance does not have) — a field with a descriptor of its own (files, images) keeps Django's way;
- nobody listens to ``pre_init`` or ``post_init`` for the model: checked on every call, so a receiver
  connected later still gets its signals through Django's ``from_db``.

``tests/mentoring/test_model_loading.py`` compares the instances with Django's for every installed model,
with every field read and with some deferred.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import apps
from django.db.models import Model
from django.db.models.base import ModelState
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import post_init, pre_init

# the apps whose models get the shortcut (Django's and third parties' models are left alone)
PROJECT_APPS = ("mentoring", "participants", "pairing", "monitoring", "roadmap", "reports")

_PLAIN_DESCRIPTORS: tuple[type, ...] = (DeferredAttribute,)
try:  # Django's descriptor of a foreign key's ``<name>_id``
    from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute

    _PLAIN_DESCRIPTORS = (DeferredAttribute, ForeignKeyDeferredAttribute)
except ImportError:  # pragma: no cover - every supported Django has it
    pass

_django_from_db = Model.from_db.__func__  # type: ignore[attr-defined]

# (model, the names read) → the attribute names the values go to, in the row's order
_LAYOUTS: dict[Any, tuple[str, ...]] = {}


def _layout(cls: type[Model], field_names: Sequence[str], count: int) -> tuple[str, ...]:
    fields = cls._meta.concrete_fields
    if count == len(fields):
        key: Any = cls
    else:
        key = (cls, tuple(field_names))
    layout = _LAYOUTS.get(key)
    if layout is None:
        if key is cls:
            layout = tuple(field.attname for field in fields)
        else:
            # what Django's from_db does: the read values go, in order, to the concrete fields whose
            # names were read
            read = set(field_names)
            layout = tuple(field.attname for field in fields if field.attname in read)
        _LAYOUTS[key] = layout
    return layout


def fast_from_db(
    cls: type[Model], db: str | None, field_names: Sequence[str], values: Sequence[Any]
) -> Model:
    """``Model.from_db`` without ``Model.__init__`` (see the module's docstring)."""
    # no receiver at all (the usual case) is a look at two lists; else the signals' own per-model check
    if (pre_init.receivers or post_init.receivers) and (
        pre_init.has_listeners(cls) or post_init.has_listeners(cls)
    ):
        return _django_from_db(cls, db, field_names, values)
    layout = _layout(cls, field_names, len(values))
    if len(layout) != len(values):  # not the row Django's from_db expects: let it decide
        return _django_from_db(cls, db, field_names, values)
    new = cls.__new__(cls)
    state = ModelState()
    state.adding = False
    state.db = db
    new._state = state
    new.__dict__.update(zip(layout, values, strict=False))  # lengths compared above
    return new


def eligible(model: type[Model]) -> bool:
    """Whether ``fast_from_db`` builds exactly what Django's ``from_db`` builds for this model."""
    if model._meta.abstract:
        return False
    concrete = model._meta.concrete_model
    if model._meta.proxy and (concrete is None or not eligible(concrete)):
        return False
    if model.__init__ is not Model.__init__:
        return False
    if getattr(model.from_db, "__func__", None) not in (_django_from_db, fast_from_db):
        return False
    for field in model._meta.concrete_fields:
        descriptor = model.__dict__.get(field.attname)
        if descriptor is None:  # inherited from a parent class: look it up the usual way
            descriptor = getattr(model, field.attname, None)
        if type(descriptor) not in _PLAIN_DESCRIPTORS:
            return False
    return True


def install() -> list[type[Model]]:
    """Give ``fast_from_db`` to the eligible models of ``PROJECT_APPS``; returns them."""
    installed = []
    for label in PROJECT_APPS:
        if not apps.is_installed(label):
            continue
        for model in apps.get_app_config(label).get_models():
            if eligible(model):
                model.from_db = classmethod(fast_from_db)  # type: ignore[method-assign,assignment]
                installed.append(model)
    return installed

"""``mentoring.model_loading``: instances built from rows are the same as Django's ``from_db`` builds."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db.models.signals import post_init

from mentoring import model_loading
from mentoring.model_loading import _django_from_db, fast_from_db


def _installed():
    return [
        model
        for label in model_loading.PROJECT_APPS
        for model in apps.get_app_config(label).get_models()
        if getattr(model.from_db, "__func__", None) is fast_from_db
    ]


def _values(model, count):
    return [f"value-{number}" for number in range(count)]


def _state(instance):
    return {key: value for key, value in instance.__dict__.items() if key != "_state"}


def test_most_project_models_are_installed():
    installed = _installed()
    assert len(installed) >= 40
    names = {model.__name__ for model in installed}
    assert {"User", "Person", "MenteeProfile", "MentoringGroup", "RoadmapEvent", "EventPeriod"} <= names


@pytest.mark.parametrize("model", _installed(), ids=lambda model: model._meta.label)
def test_the_same_instance_as_django_builds(model):
    names = [field.attname for field in model._meta.concrete_fields]
    for read in (names, names[::2], names[1:2], names[:1]):
        values = _values(model, len(read))
        ours, django = (
            fast_from_db(model, "default", read, values),
            _django_from_db(model, "default", read, values),
        )
        assert type(ours) is type(django) is model
        assert _state(ours) == _state(django)
        assert list(_state(ours)) == list(_state(django))  # the same order too
        assert (
            (ours._state.adding, ours._state.db)
            == (django._state.adding, django._state.db)
            == (False, "default")
        )
        assert ours.get_deferred_fields() == django.get_deferred_fields()


def test_a_listener_of_post_init_gets_its_signal():
    from participants.models import Person

    seen = []

    def receiver(sender, instance, **kwargs):
        seen.append(instance)

    post_init.connect(receiver, sender=Person)
    try:
        names = [field.attname for field in Person._meta.concrete_fields]
        person = Person.from_db("default", names, _values(Person, len(names)))
    finally:
        post_init.disconnect(receiver, sender=Person)
    assert seen == [person]


def test_models_with_descriptors_of_their_own_keep_djangos_way():
    from participants.models import Consent

    assert not model_loading.eligible(Consent)  # its scan is a file field
    assert getattr(Consent.from_db, "__func__", None) is not fast_from_db


@pytest.mark.django_db
def test_rows_read_through_the_orm(programme):
    from participants.models import Person

    person = Person.objects.create(
        organization=programme.organization, last_name="Иванова", first_name="Анна"
    )
    loaded = Person.objects.only("last_name").get(pk=person.pk)
    assert loaded.get_deferred_fields() >= {"first_name"}
    assert loaded.first_name == "Анна"  # the deferred field is read when asked for, as before
    full = Person.objects.get(pk=person.pk)
    assert (full.pk, full.last_name, full._state.adding, full._state.db) == (
        person.pk,
        "Иванова",
        False,
        "default",
    )
    full.first_name = "Мария"
    full.save(update_fields=["first_name"])
    assert Person.objects.get(pk=person.pk).first_name == "Мария"

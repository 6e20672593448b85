"""The Django admin, where administrators keep the reference data: every model is there, with search,
filters and Russian headers, and every list and form opens."""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory

PROJECT_APPS = ("mentoring", "roadmap", "participants", "pairing", "monitoring", "reports")
CYRILLIC = re.compile("[А-Яа-яЁё]")
# Fields only the code reads, never shown in the admin.
INTERNAL_FIELDS = {"search_text"}


def project_models():
    return [model for label in PROJECT_APPS for model in apps.get_app_config(label).get_models()]


def test_every_model_is_in_the_admin_with_search_and_filters():
    missing = [model._meta.label for model in project_models() if not admin.site.is_registered(model)]
    assert not missing, f"not in the admin: {missing}"
    for model in project_models():
        model_admin = admin.site._registry[model]
        assert model_admin.search_fields, f"{model._meta.label}: no search"
        assert model_admin.list_filter, f"{model._meta.label}: no filters"


def test_every_model_and_field_has_a_russian_name():
    untranslated = []
    with translation.override("ru"):
        for model in project_models():
            for name in (model._meta.verbose_name, model._meta.verbose_name_plural):
                if not CYRILLIC.search(str(name)):
                    untranslated.append(f"{model._meta.label}: {name}")
            for field in model._meta.concrete_fields:
                if field.primary_key or field.name in INTERNAL_FIELDS:
                    continue
                if not CYRILLIC.search(str(field.verbose_name)):
                    untranslated.append(f"{model._meta.label}.{field.name}: {field.verbose_name}")
    assert not untranslated, untranslated


def test_large_foreign_keys_are_searched_not_listed():
    """A select of every person, pair or account would be thousands of rows: search instead."""
    large = {"participants.Person", "pairing.MentoringGroup", "mentoring.User", "mentoring.Programme"}
    for model in project_models():
        model_admin = admin.site._registry[model]
        searched = set(model_admin.autocomplete_fields) | set(model_admin.raw_id_fields)
        for field in model._meta.concrete_fields:
            if field.name in model_admin.readonly_fields:
                continue
            if field.is_relation and field.editable and field.related_model._meta.label in large:
                assert field.name in searched, f"{model._meta.label}.{field.name}"


@pytest.mark.django_db
def test_every_list_and_add_form_opens_in_russian(client, pair, curator):
    superuser = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(superuser)
    for model in project_models():
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        response = client.get(changelist, {"q": "а"})
        assert response.status_code == 200, changelist
        add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        assert client.get(add).status_code in (200, 403), add
    pairs = client.get(reverse("admin:pairing_mentoringgroup_changelist")).content.decode()
    assert "Кузнецова О.П." in pairs and f"#{pair.pk}" not in pairs


@pytest.mark.django_db
def test_the_pair_is_named_by_its_people(pair):
    from pairing.models import MentoringGroup

    assert str(pair).startswith("Кузнецова О.П. — ")
    assert str(pair).endswith(f"({pair.form})")
    prefetched = MentoringGroup.objects.prefetch_related("members__person").get(pk=pair.pk)
    assert str(prefetched) == str(pair)


@pytest.mark.django_db
def test_every_list_is_titled_by_the_plural_name_never_a_nominative_in_select_x(client):
    superuser = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(superuser)
    with translation.override("ru"):
        for model in project_models():
            opts = model._meta
            html = client.get(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            ).content.decode()
            assert "Выберите" not in html, opts.label
            plural = str(opts.verbose_name_plural)
            assert f"<h1>{plural[0].upper()}{plural[1:]}</h1>" in html, opts.label

"""The signed-in user read with SQL compiled once per process (mentoring/auth_backend.py)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.db.models.sql.compiler import SQLCompiler
from django.urls import reverse
from django.utils import timezone

from mentoring.auth_backend import UserBackend, user_by_pk
from mentoring.models import User
from tests.factories import UserFactory

from ..conftest import YEAR, client_for

pytestmark = pytest.mark.django_db


def test_the_user_is_what_the_orm_reads(curator):
    curator.first_name, curator.last_name, curator.is_staff = "Анна", "Кураторова", True
    curator.last_login = timezone.now()
    curator.save()
    fast, orm = user_by_pk(curator.pk), User.objects.get(pk=curator.pk)
    for field in User._meta.concrete_fields:
        assert getattr(fast, field.attname) == getattr(orm, field.attname), field.name
    assert type(fast) is User and not fast._state.adding and fast._state.db == "default"
    assert fast.last_login is not None and fast.last_login == orm.last_login  # a datetime, converted
    assert fast.get_session_auth_hash() == orm.get_session_auth_hash()


def test_unknown_bad_and_inactive_users_are_refused(curator):
    assert user_by_pk(curator.pk + 10_000) is None
    assert user_by_pk("not a number") is None
    assert user_by_pk(None) is None
    assert UserBackend().get_user(str(curator.pk)).pk == curator.pk  # the session keeps the id as text
    curator.is_active = False
    curator.save(update_fields=["is_active"])
    assert UserBackend().get_user(curator.pk) is None


def test_the_query_is_compiled_once(curator, monkeypatch):
    user_by_pk(curator.pk)  # compiled (if not yet in this process)
    other = UserFactory()

    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(SQLCompiler, "as_sql", refuse)
    assert user_by_pk(other.pk).username == other.username
    assert UserBackend().get_user(curator.pk).username == curator.username


def test_pages_sign_in_through_it(curator, programme):
    assert settings.AUTHENTICATION_BACKENDS[-1] == "mentoring.auth_backend.UserBackend"
    client = client_for(curator)
    assert client.session[BACKEND_SESSION_KEY] == "mentoring.auth_backend.UserBackend"
    response = client.get(reverse("dashboard", kwargs={"org": "school-a", "year": YEAR}))
    assert response.status_code == 200
    assert response.wsgi_request.user.pk == curator.pk

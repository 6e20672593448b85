"""A cheap sign-in throttle: a few wrong passwords for one user name from one address, then a pause.

Counted in the default cache (per process unless a shared cache is configured), keyed by a hash of
the user name and the client address, for ``LOGIN_LOCKOUT_SECONDS`` from the first failure. While
locked, even the right password is refused, so guessing cannot go on; a successful sign-in clears
the count. A whole school behind one address shares the count only per user name.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


def throttle_key(request: HttpRequest | None, username: str | None) -> str:
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    digest = hashlib.sha256(f"{(username or '').strip().lower()}\n{address}".encode()).hexdigest()
    return f"login-failures:{digest}"


def failures(request: HttpRequest | None, username: str | None) -> int:
    return cache.get(throttle_key(request, username), 0)


def record_failure(request: HttpRequest | None, username: str | None) -> None:
    key = throttle_key(request, username)
    if not cache.add(key, 1, timeout=settings.LOGIN_LOCKOUT_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=settings.LOGIN_LOCKOUT_SECONDS)


class ThrottledAuthenticationForm(AuthenticationForm):
    """Django's sign-in form that stops answering after ``LOGIN_FAILURE_LIMIT`` wrong passwords."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": _("Too many failed attempts to sign in. Wait %(minutes)s minutes and try again."),
    }

    def clean(self):
        username = self.data.get("username")
        if failures(self.request, username) >= settings.LOGIN_FAILURE_LIMIT:
            raise ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"minutes": max(1, settings.LOGIN_LOCKOUT_SECONDS // 60)},
            )
        try:
            cleaned = super().clean()
        except ValidationError as error:
            if error.code == "invalid_login":
                record_failure(self.request, username)
            raise
        cache.delete(throttle_key(self.request, username))
        return cleaned

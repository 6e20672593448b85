"""The address the site is served on, for links that leave it (questionnaire links, QR codes, letters).

Inside a request the address is the one the browser used (``request.build_absolute_uri``: the host is
one of ``ALLOWED_HOSTS``, the scheme comes from the proxy that gunicorn trusts), so a link printed from
the school's own address works there. Outside a request (a Celery task, a reminder e-mail) it is the
``SITE_URL`` setting, which a production start-up requires (``check_site_url``, a Django system check).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from django.apps import AppConfig
from django.conf import settings
from django.core import checks
from django.http import HttpRequest

LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1", "testserver"}  # noqa: S104 (names, not a bind)


def site_url(request: HttpRequest | None = None) -> str:
    """The site's origin without a trailing slash: ``https://school.example.ru``."""
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return str(settings.SITE_URL).rstrip("/")


def absolute(path: str, request: HttpRequest | None = None, *, base: str = "") -> str:
    """``path`` (from ``reverse``) on the site's address; ``base`` (a stored origin) wins over both."""
    return (base.rstrip("/") if base else site_url(request)) + path


@checks.register(checks.Tags.compatibility, deploy=False)
def check_site_url(app_configs: Sequence[AppConfig] | None = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """In production ``SITE_URL`` must be the public https address: questionnaire links and QR codes
    printed by a background job are built from it, and a pupil's phone cannot open 127.0.0.1."""
    if not getattr(settings, "PRODUCTION", False):
        return []
    raw = str(getattr(settings, "SITE_URL", "") or "")
    parts = urlsplit(raw)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return [
            checks.Error(
                f"SITE_URL is {raw!r}: set it to the public address of the site (https://…).",
                hint="Questionnaire links, QR codes and letters are built from it outside a request.",
                id="mentoring.E001",
            )
        ]
    if parts.hostname in LOCAL_HOSTS or parts.scheme != "https":
        return [
            checks.Warning(
                f"SITE_URL {raw!r} is not a public https address.",
                hint="Pupils open questionnaire links and QR codes printed by a background job from their "
                "phones: they cannot reach a local address.",
                id="mentoring.W001",
            )
        ]
    return []

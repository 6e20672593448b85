"""Every sign-in door guarded by django-axes, and the journal of who signed in, when and from where.

django-axes counts wrong passwords in its database table (shared by every gunicorn worker and host)
for one *user name at one address* (``AXES_LOCKOUT_PARAMETERS``): an attacker who types a curator's
name from elsewhere locks only his own address out, never the curator at school. The lock lasts a
cool-off that doubles with each lock-out of the same name at the same address within a day (15 min,
30 min, 1 h, ... up to ``LOGIN_LOCKOUT_MAX_SECONDS``); a successful sign-in or a password reset by
e-mail starts the count again.

The doors: the login page, the administration site's login (both authenticate through Django's
``authenticate()``, which axes' backend guards) and the password change, whose old-password check
goes through ``authenticate()`` as well (``GuardedPasswordChangeForm``). Password reset by e-mail asks
for no password: it is not a door to guess through.

The client's address is ``REMOTE_ADDR`` unless the request came from a trusted proxy
(``FORWARDED_ALLOW_IPS``, the same variable that tells gunicorn whom to believe), in which case it is
the right-most address of ``X-Forwarded-For`` that is not itself a trusted proxy: what the proxy saw.
"""

from __future__ import annotations

import ipaddress
import logging
from datetime import timedelta
from functools import lru_cache

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from .models import SignInEvent

logger = logging.getLogger(__name__)

# Lock-outs of one name at one address are remembered this long when the next cool-off is chosen.
LOCKOUT_MEMORY = timedelta(days=1)


# --- the client's address -------------------------------------------------------------------------


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    networks = []
    for entry in entries:
        if entry == "*":
            networks.extend([ipaddress.ip_network("0.0.0.0/0"), ipaddress.ip_network("::/0")])
        else:
            networks.append(ipaddress.ip_network(entry, strict=False))
    return tuple(networks)


def _parse(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    value = value.strip().strip('"')
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # 203.0.113.5:443
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _trusted(address, networks: tuple[Network, ...]) -> bool:
    return any(address.version == network.version and address in network for network in networks)


def client_address(request: HttpRequest) -> str | None:
    """The address the sign-in came from (``AXES_CLIENT_IP_CALLABLE``); see the module docstring."""
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return None
    networks = _networks(tuple(settings.FORWARDED_ALLOW_IPS))
    if not _trusted(remote, networks):
        return str(remote)
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        address = _parse(hop)
        if address is None:
            break  # a garbled chain: trust nothing further left of it
        if not _trusted(address, networks):
            return str(address)
    return str(remote)


# --- the cool-off ----------------------------------------------------------------------------------


def _typed_username(request: HttpRequest) -> str | None:
    return getattr(request, "signin_username", None) or get_client_username(request)


def recent_lockouts(*, username: str | None, ip_address: str | None) -> int:
    """Lock-outs of this account at this address in the last day, since its last successful sign-in."""
    if not username:
        return 0
    events = SignInEvent.objects.filter(username=username, ip_address=ip_address)
    since = timezone.now() - LOCKOUT_MEMORY
    last_success = events.filter(kind=SignInEvent.Kind.SIGNED_IN, at__gte=since).aggregate(last=Max("at"))
    if last_success["last"] is not None:
        since = last_success["last"]
    return events.filter(kind=SignInEvent.Kind.LOCKED_OUT, at__gte=since).count()


def cool_off_for(lockouts: int) -> timedelta:
    """The first lock-out lasts ``LOGIN_LOCKOUT_SECONDS``; each next one twice as long, up to the maximum."""
    seconds = settings.LOGIN_LOCKOUT_SECONDS * 2 ** min(max(0, lockouts - 1), 20)
    return timedelta(
        seconds=min(seconds, max(settings.LOGIN_LOCKOUT_MAX_SECONDS, settings.LOGIN_LOCKOUT_SECONDS))
    )


def cool_off(request: HttpRequest | None = None) -> timedelta:
    """``AXES_COOLOFF_TIME``: how long wrong passwords of this name at this address are remembered."""
    if request is None:
        return cool_off_for(0)
    cached = getattr(request, "_signin_cool_off", None)
    if cached is None:
        address = getattr(request, "axes_ip_address", None) or client_address(request)
        cached = cool_off_for(recent_lockouts(username=_typed_username(request), ip_address=address))
        request._signin_cool_off = cached
    return cached


def longest_cool_off() -> timedelta:
    return timedelta(seconds=max(settings.LOGIN_LOCKOUT_MAX_SECONDS, settings.LOGIN_LOCKOUT_SECONDS))


# --- the handler: axes' database counters plus our journal ------------------------------------------


def _door(request: HttpRequest) -> str:
    path = request.path
    if path.startswith(reverse("admin:index")):
        return SignInEvent.Door.ADMIN
    if path == reverse("password_change"):
        return SignInEvent.Door.PASSWORD_CHANGE
    return SignInEvent.Door.LOGIN


def signin_event_record(*, request: HttpRequest, kind: str, username: str | None, user=None) -> SignInEvent:
    """Write one journal row. The name is kept only when it is an existing account's."""
    if user is None and username:
        user = get_user_model()._default_manager.filter(username=username).first()
    return SignInEvent.objects.create(
        kind=kind,
        door=_door(request),
        user=user,
        username=user.get_username() if user is not None else "",
        ip_address=getattr(request, "axes_ip_address", None) or client_address(request),
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:255],
    )


class SignInHandler(AxesDatabaseHandler):
    """``AXES_HANDLER``: axes' database handler, a journal row for each event, per-client expiry."""

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None:
            return
        username = get_client_username(request, credentials)
        if getattr(request, "axes_locked_out", False):
            # axes counted this failure only if the name was not locked already
            counted = getattr(request, "axes_failures_since_start", None) is not None
            kind = SignInEvent.Kind.LOCKED_OUT if counted else SignInEvent.Kind.REFUSED
        else:
            kind = SignInEvent.Kind.FAILED
        signin_event_record(request=request, kind=kind, username=username)
        if kind == SignInEvent.Kind.LOCKED_OUT:
            request.__dict__.pop("_signin_cool_off", None)  # the next lock-out is longer: count again

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        signin_event_record(request=request, kind=SignInEvent.Kind.SIGNED_IN, username=None, user=user)

    def user_logged_out(self, sender, request, user, **kwargs):
        super().user_logged_out(sender, request, user, **kwargs)
        if user is not None:
            signin_event_record(request=request, kind=SignInEvent.Kind.SIGNED_OUT, username=None, user=user)

    def clean_expired_user_attempts(self, request=None, credentials=None) -> int:
        """Forget this client's counters older than its own cool-off, and everyone's past the longest.

        axes' own clean-up deletes every counter older than the *current* client's cool-off, which
        would cut short another name's longer lock-out; cool-offs differ per name and address here.
        """
        count = 0
        if request is not None and hasattr(request, "axes_ip_address"):
            threshold = timezone.now() - cool_off(request)
            for attempts in self.filter_user_attempts(request, credentials):
                deleted, _ = attempts.filter(attempt_time__lte=threshold).delete()
                count += deleted
        deleted, _ = AccessAttempt.objects.filter(
            attempt_time__lte=timezone.now() - longest_cool_off()
        ).delete()
        return count + deleted


# --- what a locked-out person sees ----------------------------------------------------------------


def lockout_response(
    request: HttpRequest, original_response=None, credentials: dict | None = None
) -> HttpResponse:
    """``AXES_LOCKOUT_CALLABLE``: a page in plain Russian with the time the lock ends, HTTP 429."""
    username = get_client_username(request, credentials) or _typed_username(request) or ""
    duration = cool_off(request)
    last = AccessAttempt.objects.filter(
        username=username, ip_address=getattr(request, "axes_ip_address", None)
    ).aggregate(last=Max("attempt_time"))["last"]
    until = (last or timezone.now()) + duration
    minutes = max(1, -(-int((until - timezone.now()).total_seconds()) // 60))
    if request.user.is_authenticated:
        # Someone guessing the current password inside an open session: end the session too.
        logout(request)
    return render(
        request,
        "registration/locked_out.html",
        {
            "username": username,
            "until": until,
            "minutes": minutes,
            "failure_limit": settings.AXES_FAILURE_LIMIT,
        },
        status=429,
    )


# --- the other doors -------------------------------------------------------------------------------


class GuardedPasswordChangeForm(PasswordChangeForm):
    """The old password is checked through ``authenticate()``: counted, locked and journalled by axes."""

    def __init__(self, user, *args, request: HttpRequest | None = None, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        request = self.request
        if request is None:  # no request, no counting: Django's own check
            return super().clean_old_password()
        request.signin_username = self.user.get_username()
        checked = authenticate(request, username=self.user.get_username(), password=old_password)
        if checked is None or checked.pk != self.user.pk:
            raise ValidationError(self.error_messages["password_incorrect"], code="password_incorrect")
        return old_password


class GuardedPasswordChangeView(auth_views.PasswordChangeView):
    form_class = GuardedPasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class UnlockingPasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A password set through the e-mailed link proves the mailbox: the account's locks are lifted."""

    def form_valid(self, form):
        response = super().form_valid(form)
        AxesProxyHandler.reset_attempts(username=form.user.get_username())
        return response


def signin_events_purge(*, now=None) -> int:
    """Delete journal rows older than ``SIGNIN_JOURNAL_DAYS`` (addresses are personal data too)."""
    limit = (now or timezone.now()) - timedelta(days=settings.SIGNIN_JOURNAL_DAYS)
    deleted, _ = SignInEvent.objects.filter(at__lt=limit).delete()
    if deleted:
        logger.info("Purged %s old sign-in records", deleted)
    return deleted

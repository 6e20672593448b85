"""Every sign-in door guarded by django-axes, and the journal of who signed in, when and from where.

django-axes counts wrong passwords in the cache (``AXES_CACHE``, the ``default`` one: Redis in
production, so every gunicorn worker and every host sees the same counters -- with several hosts all
of them must use the same Redis, ``CACHE_URL``/``REDIS_URL``; without Redis it is the process's own
memory, fine for development and tests only) for one *user name at one address*
(``AXES_LOCKOUT_PARAMETERS``): an attacker who types a curator's name from elsewhere locks only his
own address out, never the curator at school. The lock lasts a cool-off that doubles with each
lock-out of the same name at the same address within a day (15 min, 30 min, 1 h, ... up to
``LOGIN_LOCKOUT_MAX_SECONDS``); a successful sign-in or a password reset by e-mail starts the count
again. The lock-outs of the last day are counted in the journal (``SignInEvent``, the database).

Per name and address the cache keeps the number of wrong passwords (``cache.incr``: atomic in Redis)
and the moment the count -- and the lock, once the limit is reached -- ends (the last counted wrong
password plus that client's cool-off). Per name it keeps the addresses counted, so that a password
reset by e-mail, which knows the name only, lifts the locks at every address; the journal's addresses
of the last hours are taken too, in case two hosts wrote that list at the same moment.

The doors: the login page, the administration site's login (both authenticate through Django's
``authenticate()``, which axes' backend guards) and the password change, whose old-password check
goes through ``authenticate()`` as well (``GuardedPasswordChangeForm``). Password reset by e-mail asks
for no password: it is not a door to guess through.

The client's address is ``REMOTE_ADDR`` unless the request came from a trusted proxy
(``FORWARDED_ALLOW_IPS``, the same variable that tells gunicorn whom to believe), in which case it is
the right-most address of ``X-Forwarded-For`` that is not itself a trusted proxy: what the proxy saw.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from axes.conf import settings as axes_settings
from axes.handlers.cache import AxesCacheHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import (
    get_cache,
    get_client_cache_keys,
    get_client_str,
    get_client_username,
    get_failure_limit,
)
from axes.models import AccessAttempt
from axes.signals import user_locked_out
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

from .models import SignInEvent, User

if TYPE_CHECKING:
    from typing import Any

    from django.contrib.auth.forms import SetPasswordForm
    from django.core.cache.backends.base import BaseCache

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


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address, networks: tuple[Network, ...]) -> bool:
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


# Each request's cool-off, counted once per request (axes asks several times); gone with the request.
_COOL_OFFS: WeakKeyDictionary[HttpRequest, timedelta] = WeakKeyDictionary()


def cool_off(request: HttpRequest | None = None) -> timedelta:
    """``AXES_COOLOFF_TIME``: how long wrong passwords of this name at this address are remembered."""
    if request is None:
        return cool_off_for(0)
    cached = _COOL_OFFS.get(request)
    if cached is None:
        address = getattr(request, "axes_ip_address", None) or client_address(request)
        cached = cool_off_for(recent_lockouts(username=_typed_username(request), ip_address=address))
        _COOL_OFFS[request] = cached
    return cached


def longest_cool_off() -> timedelta:
    return timedelta(seconds=max(settings.LOGIN_LOCKOUT_MAX_SECONDS, settings.LOGIN_LOCKOUT_SECONDS))


# --- the handler: axes' counters in the cache plus our journal ------------------------------------------


def _door(request: HttpRequest) -> str:
    path = request.path
    if path.startswith(reverse("admin:index")):
        return SignInEvent.Door.ADMIN
    if path == reverse("password_change"):
        return SignInEvent.Door.PASSWORD_CHANGE
    return SignInEvent.Door.LOGIN


def signin_event_record(*, request: HttpRequest, kind: str, username: str | None, user: User | None = None) -> SignInEvent:
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


# The counters live at least this much longer than any cool-off (the cache forgets them by itself).
COUNTER_GRACE_SECONDS = 60


def _counter_timeout() -> int:
    return int(longest_cool_off().total_seconds()) + COUNTER_GRACE_SECONDS


def _until_key(key: str) -> str:
    return f"{key}-until"


def _addresses_key(username: str) -> str:
    return f"axes-signin-addresses-{hashlib.sha256(username.encode()).hexdigest()}"


def counter_keys(*, username: str | None, ip_address: str | None) -> list[str]:
    """The cache keys of the counters of this name at this address (``AXES_LOCKOUT_PARAMETERS``)."""
    return get_client_cache_keys(AccessAttempt(username=username, ip_address=ip_address))


def _now() -> float:
    return timezone.now().timestamp()


def _alive(cache: BaseCache, key: str, now: float) -> tuple[int, float | None]:
    """The count under ``key`` and when it ends, or ``(0, None)`` once it has ended."""
    values = cache.get_many([key, _until_key(key)])  # one round trip to Redis
    until = values.get(_until_key(key))
    if until is None or until <= now:
        return 0, None
    return int(values.get(key) or 0), until


def signin_counter(*, username: str | None, ip_address: str | None) -> tuple[int, datetime | None]:
    """Wrong passwords counted for this name at this address and when the count (or the lock) ends."""
    cache = get_cache()
    now = _now()
    failures, until = 0, None
    for key in counter_keys(username=username, ip_address=ip_address):
        count, ends = _alive(cache, key, now)
        if count > failures:
            failures, until = count, ends
    return failures, (datetime.fromtimestamp(until, tz=UTC) if until is not None else None)


def _remember_address(cache: BaseCache, username: str, ip_address: str | None) -> None:
    key = _addresses_key(username)
    addresses = set(cache.get(key) or ()) | {ip_address}
    cache.set(key, sorted(addresses, key=str), _counter_timeout())  # lives as long as the counters


class AxesRequest(HttpRequest):
    """A request as django-axes' middleware leaves it (for the type checker only; never built): the client
    facts it read, and the lock-out state the handler reads and writes."""

    axes_ip_address: str
    axes_user_agent: str
    axes_path_info: str
    axes_locked_out: bool
    axes_credentials: dict[str, Any] | None
    axes_failures_since_start: int


class SignInHandler(AxesCacheHandler):
    """``AXES_HANDLER``: counters in the cache with a per-client end, a journal row for each event."""

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        now = _now()
        return max(
            (_alive(self.cache, key, now)[0] for key in get_client_cache_keys(request, credentials)),
            default=0,
        )

    def _count(self, request: HttpRequest, credentials: dict[str, Any] | None) -> int:
        """One more wrong password: ``cache.incr``, the count's end moved to now plus the cool-off."""
        now = _now()
        timeout = _counter_timeout()
        ends = now + cool_off(request).total_seconds()
        failures = []
        for key in get_client_cache_keys(request, credentials):
            if _alive(self.cache, key, now)[1] is None:  # nothing counted, or that count has ended
                self.cache.delete(key)
            if self.cache.add(key, 1, timeout):
                count = 1
            else:
                try:
                    count = self.cache.incr(key)
                except ValueError:  # gone between add() and incr()
                    self.cache.set(key, 1, timeout)
                    count = 1
                self.cache.touch(key, timeout)
            self.cache.set(_until_key(key), ends, timeout)
            failures.append(count)
        return max(failures, default=0)

    def _lock_ends_now_plus_cool_off(self, request: HttpRequest, credentials: dict[str, Any] | None) -> None:
        ends = _now() + cool_off(request).total_seconds()
        for key in get_client_cache_keys(request, credentials):
            self.cache.set(_until_key(key), ends, _counter_timeout())

    def user_login_failed(
        self, sender: Any, credentials: dict[str, Any], request: AxesRequest | None = None, **kwargs: Any
    ) -> None:
        if request is None:
            logger.error("A failed sign-in without a request is not counted")
            return
        username = get_client_username(request, credentials)
        kind = SignInEvent.Kind.FAILED
        if request.axes_locked_out and not axes_settings.AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT:
            # knocking on a locked door: not counted, the lock's end stays where it was
            request.axes_credentials = credentials
            user_locked_out.send(
                "axes", request=request, username=username, ip_address=request.axes_ip_address
            )
            kind = SignInEvent.Kind.REFUSED
        elif not self.is_whitelisted(request, credentials):
            failures = self._count(request, credentials)
            request.axes_failures_since_start = failures
            if username:
                _remember_address(self.cache, username, request.axes_ip_address)
            if axes_settings.AXES_LOCK_OUT_AT_FAILURE and failures >= get_failure_limit(request, credentials):
                client = get_client_str(
                    username,
                    request.axes_ip_address,
                    request.axes_user_agent,
                    request.axes_path_info,
                    request,
                )
                logger.warning("Locking out %s after repeated sign-in failures", client)
                request.axes_locked_out = True
                request.axes_credentials = credentials
                user_locked_out.send(
                    "axes", request=request, username=username, ip_address=request.axes_ip_address
                )
                kind = SignInEvent.Kind.LOCKED_OUT
        signin_event_record(request=request, kind=kind, username=username)
        if kind == SignInEvent.Kind.LOCKED_OUT:
            # this lock-out is in the journal now: the lock lasts the next, longer cool-off
            _COOL_OFFS.pop(request, None)
            self._lock_ends_now_plus_cool_off(request, credentials)

    def user_logged_in(self, sender: Any, request: AxesRequest, user: User, **kwargs: Any) -> None:
        if axes_settings.AXES_RESET_ON_SUCCESS:  # the right password: this name at this address starts over
            for key in counter_keys(username=user.get_username(), ip_address=request.axes_ip_address):
                self.cache.delete_many([key, _until_key(key)])
        signin_event_record(request=request, kind=SignInEvent.Kind.SIGNED_IN, username=None, user=user)

    def user_logged_out(
        self, sender: Any, request: HttpRequest, user: User | None, **kwargs: Any
    ) -> None:
        super().user_logged_out(sender, request, user, **kwargs)
        if user is not None:
            signin_event_record(request=request, kind=SignInEvent.Kind.SIGNED_OUT, username=None, user=user)

    def reset_attempts(
        self,
        *,
        ip_address: str | None = None,
        username: str | None = None,
        ip_or_username: bool = False,
    ) -> int:
        """Forget the counters of a name at one address, or -- address not given -- at every address.

        The counters are keyed by name *and* address; the addresses a name was counted at are kept in
        the cache next to them (and, for existing accounts, in the journal of the last hours).
        """
        if ip_or_username or not username:
            raise NotImplementedError("The sign-in counters are reset by user name (and address)")
        if ip_address is not None:
            addresses: set[str | None] = {ip_address}
        else:
            since = timezone.now() - longest_cool_off() - timedelta(seconds=COUNTER_GRACE_SECONDS)
            addresses = set(self.cache.get(_addresses_key(username)) or ())
            addresses |= set(
                SignInEvent.objects.filter(username=username, at__gte=since)
                .values_list("ip_address", flat=True)
                .distinct()
            )
        count = 0
        for address in addresses:
            for key in counter_keys(username=username, ip_address=address):
                if self.cache.get(key) is not None:
                    count += 1
                self.cache.delete_many([key, _until_key(key)])
        if ip_address is None:
            self.cache.delete(_addresses_key(username))
        return count


# --- what a locked-out person sees ----------------------------------------------------------------


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    """``AXES_LOCKOUT_CALLABLE``: a page in plain Russian with the time the lock ends, HTTP 429."""
    username = get_client_username(request, credentials) or _typed_username(request) or ""
    _failures, ends = signin_counter(username=username, ip_address=getattr(request, "axes_ip_address", None))
    until = ends or timezone.now() + cool_off(request)
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


class PasswordCheckRequest(HttpRequest):
    """The request the password-change form authenticates with (for the type checker only; never built):
    it carries the username the check is counted against, which ``_typed_username`` reads for axes."""

    signin_username: str


class GuardedPasswordChangeForm(PasswordChangeForm):
    """The old password is checked through ``authenticate()``: counted, locked and journalled by axes."""

    def __init__(
        self, user: User, *args: Any, request: PasswordCheckRequest | None = None, **kwargs: Any
    ) -> None:
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self) -> str:
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

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "request": self.request}


class UnlockingPasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A password set through the e-mailed link proves the mailbox: the account's locks are lifted."""

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:
        response = super().form_valid(form)
        AxesProxyHandler.reset_attempts(username=form.user.get_username())
        return response


def signin_events_purge(*, now: datetime | None = None) -> int:
    """Delete journal rows older than ``SIGNIN_JOURNAL_DAYS`` (addresses are personal data too)."""
    limit = (now or timezone.now()) - timedelta(days=settings.SIGNIN_JOURNAL_DAYS)
    deleted, _ = SignInEvent.objects.filter(at__lt=limit).delete()
    if deleted:
        logger.info("Purged %s old sign-in records", deleted)
    return deleted

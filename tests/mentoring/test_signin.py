"""Every sign-in door locked after the limit, per name and address, with a growing cool-off; every
sign-in, failure, lock-out and sign-out journalled; the administrator's read-only «Журнал входов».
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from mentoring.models import AuditEvent, SignInEvent
from mentoring.signin import (
    client_address,
    cool_off_for,
    counter_keys,
    signin_counter,
    signin_events_purge,
)
from mentoring.tasks import purge_old_signin_events

from ..conftest import YEAR, _member, client_for
from ..factories import PASSWORD

WRONG = "wrong-password-1"
HOME = "10.0.0.5"


def _login(client: Client, username: str, password: str, address: str = HOME):
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def _admin_login(client: Client, username: str, password: str, address: str = HOME):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def _password_change(client: Client, username: str, password: str, address: str = HOME):
    new = "берёза-за-окном-2025"
    return client.post(
        "/accounts/password/change/",
        {"old_password": password, "new_password1": new, "new_password2": new},
        REMOTE_ADDR=address,
    )


def _signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def _kinds(user) -> list[str]:
    return list(SignInEvent.objects.filter(user=user).order_by("at", "pk").values_list("kind", flat=True))


@pytest.fixture
def staff_curator(curator):
    curator.is_staff = True
    curator.save(update_fields=["is_staff"])
    return curator


DOORS = {
    "login": (_login, "/", SignInEvent.Door.LOGIN),
    "admin": (_admin_login, "/admin/", SignInEvent.Door.ADMIN),
    "password_change": (
        _password_change,
        "/accounts/password/change/done/",
        SignInEvent.Door.PASSWORD_CHANGE,
    ),
}


@pytest.mark.parametrize("door", list(DOORS))
@pytest.mark.django_db
def test_every_door_locks_after_the_limit_and_refuses_even_the_right_password(door, staff_curator, settings):
    send, success, door_value = DOORS[door]
    limit = settings.AXES_FAILURE_LIMIT
    assert limit == 5
    client = client_for(staff_curator) if door == "password_change" else Client()
    for attempt in range(1, limit):
        response = send(client, "curator", WRONG)
        assert response.status_code == 200, attempt  # the form again, with its error
    response = send(client, "curator", WRONG)
    assert response.status_code == 429
    assert "Вход временно закрыт" in response.content.decode()
    assert not AccessAttempt.objects.exists()  # the counters are in the cache (Redis in production)
    # the right password is now refused too, and no session is opened
    refused = send(client if door != "password_change" else client_for(staff_curator), "curator", PASSWORD)
    assert refused.status_code == 429
    if door == "password_change":
        staff_curator.refresh_from_db()
        assert staff_curator.check_password(PASSWORD)  # the password was not changed
    else:
        assert not _signed_in(client)
    failures, until = signin_counter(username="curator", ip_address=HOME)
    assert failures == limit  # the refused right password was not counted
    assert until is not None and timedelta(minutes=14) < until - timezone.now() <= timedelta(minutes=15)
    events = SignInEvent.objects.filter(
        user=staff_curator, door=door_value, kind__in=["failed", "locked_out", "refused"]
    ).order_by("at", "pk")
    kinds = list(events.values_list("kind", flat=True))
    assert kinds == ["failed"] * (limit - 1) + ["locked_out", "refused"]
    assert {event.ip_address for event in events} == {HOME}
    # another address is not locked: a stranger cannot keep the curator out of her own computer
    other = client_for(staff_curator) if door == "password_change" else Client()
    response = send(other, "curator", PASSWORD, address="10.0.0.99")
    assert response.status_code == 302 and response["Location"].startswith(success)


@pytest.mark.django_db
def test_no_password_is_kept_in_the_counters(curator):
    client = client_for(curator)
    _password_change(client, "curator", "старый-неверный-пароль")
    _login(Client(), "curator", "неверный-пароль-входа")
    assert not AccessAttempt.objects.exists()
    # per name and address the cache holds a number and a moment, nothing typed
    (key,) = counter_keys(username="curator", ip_address=HOME)
    assert cache.get(key) == 2
    assert isinstance(cache.get(f"{key}-until"), float)
    assert signin_counter(username="curator", ip_address=HOME)[0] == 2


@pytest.mark.django_db
def test_a_lock_out_through_the_password_change_ends_the_session(curator):
    client = client_for(curator)
    for _ in range(5):
        response = _password_change(client, "curator", WRONG)
    assert response.status_code == 429
    assert not _signed_in(client)


@pytest.mark.django_db
def test_a_failed_sign_in_leaves_a_record_with_who_when_and_where(curator, school):
    before = timezone.now()
    client = Client(HTTP_USER_AGENT="Mozilla/5.0 (школьный компьютер)")
    assert _login(client, "curator", WRONG).status_code == 200
    event = SignInEvent.objects.get()
    assert (event.kind, event.user, event.username, event.ip_address, event.door) == (
        "failed",
        curator,
        "curator",
        HOME,
        "login",
    )
    assert event.at >= before
    assert event.user_agent == "Mozilla/5.0 (школьный компьютер)"
    # the right password, then signing out
    assert _login(client, "curator", PASSWORD).status_code == 302
    client.post("/accounts/logout/", REMOTE_ADDR=HOME)
    assert _kinds(curator) == ["failed", "signed_in", "signed_out"]


@pytest.mark.django_db
def test_an_unknown_name_is_counted_but_what_was_typed_is_not_kept(db):
    # people type their password into the name field: it must not land in the journal
    assert _login(Client(), "Секрет-Пароль-2025", WRONG).status_code == 200
    event = SignInEvent.objects.get()
    assert (event.kind, event.user, event.username) == ("failed", None, "")
    assert signin_counter(username="Секрет-Пароль-2025", ip_address=HOME)[0] == 1


@pytest.mark.django_db
def test_a_successful_sign_in_clears_the_count(curator):
    client = Client()
    for _ in range(4):
        _login(client, "curator", WRONG)
    assert _login(client, "curator", PASSWORD).status_code == 302
    client.post("/accounts/logout/", REMOTE_ADDR=HOME)
    for _ in range(4):
        assert _login(client, "curator", WRONG).status_code == 200
    assert _login(client, "curator", PASSWORD).status_code == 302


CLIENTS = [("curator", HOME), ("mentor", HOME), ("mentor", "10.0.0.7")]


def _age(minutes: int) -> None:
    """Move the counters' ends and the journal ``minutes`` into the past (as if that time had gone by)."""
    delta = timedelta(minutes=minutes)
    for username, address in CLIENTS:
        for key in counter_keys(username=username, ip_address=address):
            until = cache.get(f"{key}-until")
            if until is not None:
                cache.set(f"{key}-until", until - delta.total_seconds(), None)
    for event in SignInEvent.objects.all():
        SignInEvent.objects.filter(pk=event.pk).update(at=event.at - delta)


def _lock(client: Client, username: str = "curator"):
    for _ in range(5):
        response = _login(client, username, WRONG)
    assert response.status_code == 429
    return response


@pytest.mark.django_db
def test_the_cool_off_doubles_with_each_lock_out_and_ends(curator, settings):
    assert settings.LOGIN_LOCKOUT_SECONDS == 15 * 60
    client = Client()
    first = _lock(client)
    assert "15 минут" in first.content.decode()
    _age(14)
    assert _login(client, "curator", PASSWORD).status_code == 429  # still locked
    _age(2)  # 16 minutes after the last wrong password
    assert _login(client, "curator", WRONG).status_code == 200  # open again, counting from one
    for _ in range(4):
        second = _login(client, "curator", WRONG)
    assert second.status_code == 429
    assert "30 минут" in second.content.decode()
    _age(20)
    assert _login(client, "curator", PASSWORD).status_code == 429  # 20 of 30 minutes
    _age(11)
    assert _login(client, "curator", PASSWORD).status_code == 302
    assert _kinds(curator).count("locked_out") == 2


def test_the_cool_off_is_capped(settings):
    settings.LOGIN_LOCKOUT_SECONDS = 900
    settings.LOGIN_LOCKOUT_MAX_SECONDS = 4 * 3600
    assert [cool_off_for(n).total_seconds() / 60 for n in range(7)] == [15, 15, 30, 60, 120, 240, 240]
    assert cool_off_for(10_000) == timedelta(hours=4)


@pytest.mark.django_db
def test_a_longer_lock_out_of_one_client_is_not_cut_short_by_another(curator, mentor):
    """axes' own clean-up deletes every counter older than the current client's cool-off."""
    client = Client()
    _lock(client)
    _age(16)
    _lock(client)  # the second lock-out: 30 minutes
    _age(20)
    # another person fails at another address (a 15-minute cool-off runs the clean-up)
    assert _login(Client(), "mentor", WRONG, address="10.0.0.7").status_code == 200
    assert _login(client, "curator", PASSWORD).status_code == 429


@pytest.mark.django_db
def test_a_password_reset_by_e_mail_lifts_the_lock(curator):
    client = Client()
    _lock(client)
    uid = urlsafe_base64_encode(force_bytes(curator.pk))
    token = default_token_generator.make_token(curator)
    url = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    response = client.get(url)
    new = "берёза-за-окном-2025"
    response = client.post(response["Location"], {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert signin_counter(username="curator", ip_address=HOME) == (0, None)
    assert _login(client, "curator", new).status_code == 302


@pytest.mark.django_db
def test_a_password_reset_lifts_the_locks_at_every_address(curator):
    """The counters are keyed by name and address: a reset by name finds every address counted."""
    for address in (HOME, "10.0.0.7", "2001:db8::5"):
        for _ in range(5):
            response = _login(Client(), "curator", WRONG, address=address)
        assert response.status_code == 429
    _lock(Client(), username="mentor")  # another name is not touched
    cache.delete(counter_keys(username="curator", ip_address="10.0.0.7")[0])  # as if already gone
    reset = AxesProxyHandler.reset_attempts(username="curator")
    assert reset == 2
    for address in (HOME, "10.0.0.7", "2001:db8::5"):
        assert signin_counter(username="curator", ip_address=address) == (0, None)
        assert _login(Client(), "curator", PASSWORD, address=address).status_code == 302
    assert _login(Client(), "mentor", PASSWORD).status_code == 429


@pytest.mark.django_db
def test_the_addresses_of_a_name_are_found_in_the_journal_too(curator):
    """Two hosts writing the list of a name's addresses at once may lose one: the journal has it."""
    _lock(Client())
    cache.delete(f"axes-signin-addresses-{hashlib.sha256(b'curator').hexdigest()}")
    assert AxesProxyHandler.reset_attempts(username="curator") == 1
    assert _login(Client(), "curator", PASSWORD).status_code == 302


def test_a_reset_by_address_alone_is_refused():
    with pytest.raises(NotImplementedError):
        AxesProxyHandler.reset_attempts(ip_address=HOME)


# --- the client's address behind the proxy -------------------------------------------------------


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("203.0.113.9", "", "203.0.113.9"),  # no proxy
        ("203.0.113.9", "198.51.100.1", "203.0.113.9"),  # a stranger's header is ignored
        ("127.0.0.1", "198.51.100.1", "198.51.100.1"),  # through the proxy
        ("127.0.0.1", "1.2.3.4, 198.51.100.1", "198.51.100.1"),  # a spoofed hop left of the proxy's
        ("127.0.0.1", "", "127.0.0.1"),  # the proxy's own health check
        ("127.0.0.1", "garbage, 198.51.100.1", "198.51.100.1"),
        ("127.0.0.1", "198.51.100.1, garbage", "127.0.0.1"),  # a garbled chain: nothing is believed
        ("::1", "2001:db8::7", "2001:db8::7"),
        ("127.0.0.1", "[2001:db8::7]:51234", "2001:db8::7"),
        ("127.0.0.1", "198.51.100.1:51234", "198.51.100.1"),
        ("172.30.0.1", "198.51.100.1", "172.30.0.1"),  # not trusted by default
    ],
)
def test_the_client_address_is_what_the_trusted_proxy_saw(remote, forwarded, expected, settings):
    settings.FORWARDED_ALLOW_IPS = ["127.0.0.1", "::1"]
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_trusted_proxies_may_be_networks(settings):
    settings.FORWARDED_ALLOW_IPS = ["127.0.0.1", "172.30.0.0/24"]
    request = RequestFactory().get(
        "/", REMOTE_ADDR="172.30.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1, 172.30.0.5"
    )
    assert client_address(request) == "198.51.100.1"


@pytest.mark.django_db
def test_the_lock_follows_the_forwarded_address(curator, settings):
    settings.FORWARDED_ALLOW_IPS = ["127.0.0.1"]
    client = Client()
    for _ in range(5):
        response = client.post(
            "/accounts/login/",
            {"username": "curator", "password": WRONG},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.1",
        )
    assert response.status_code == 429
    assert SignInEvent.objects.filter(kind="locked_out").get().ip_address == "198.51.100.1"
    # the curator at school comes through the same proxy from another address
    response = Client().post(
        "/accounts/login/",
        {"username": "curator", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.20",
    )
    assert response.status_code == 302


# --- «Журнал входов» ---------------------------------------------------------------------------------


def _journal(school) -> str:
    return reverse("signin_journal", kwargs={"org": school.slug, "year": YEAR})


@pytest.mark.django_db
def test_the_administrator_reads_the_journal_of_the_members_only(
    administrator, curator, mentor, stranger, school
):
    _login(Client(), "curator", WRONG)
    _login(Client(), "curator", PASSWORD, address="10.0.0.8")
    _login(Client(), "stranger", PASSWORD, address="10.9.9.9")  # another school's curator
    _login(Client(), "nobody-here", WRONG)
    client = client_for(administrator)
    response = client.get(_journal(school))
    assert response.status_code == 200
    rows = list(response.context["page"])
    assert [(row.user, row.kind, row.ip_address) for row in rows] == [
        (administrator, "signed_in", None),  # the test client's force_login: no address
        (curator, "signed_in", "10.0.0.8"),
        (curator, "failed", HOME),
    ]
    html = response.content.decode()
    assert "10.9.9.9" not in html and "stranger" not in html
    assert "Журнал входов" in html
    assert AuditEvent.objects.filter(
        actor=administrator, action="view", target_type="mentoring.SignInEvent"
    ).exists()
    # filters: a member, an event, a period
    assert len(client.get(_journal(school), {"kind": "failed"}).context["page"]) == 1
    assert len(client.get(_journal(school), {"user": mentor.pk}).context["page"]) == 0
    today = timezone.localdate()
    assert len(client.get(_journal(school), {"date_from": today + timedelta(days=1)}).context["page"]) == 0
    assert len(client.get(_journal(school), {"date_to": today}).context["page"]) == 3
    bad = client.get(_journal(school), {"date_from": today, "date_to": today - timedelta(days=3)})
    assert bad.status_code == 200 and "date_to" in bad.context["form"].errors


@pytest.mark.django_db
def test_only_the_administrator_opens_the_journal(curator, mentor, coordinator, stranger, school):
    for user in (curator, mentor):
        assert client_for(user).get(_journal(school)).status_code == 403
    # names and addresses of the school's people: for the authority above, the page does not exist
    for user in (coordinator, stranger):
        assert client_for(user).get(_journal(school)).status_code == 404
    assert Client().get(_journal(school)).status_code == 302


@pytest.mark.django_db
def test_the_journal_link_is_in_the_administrators_menu_only(administrator, curator, school):
    dashboard = reverse("dashboard", kwargs={"org": school.slug, "year": YEAR})
    assert _journal(school) in client_for(administrator).get(dashboard).content.decode()
    assert _journal(school) not in client_for(curator).get(dashboard).content.decode()


@pytest.mark.django_db
def test_the_journal_makes_a_fixed_number_of_queries(administrator, school, django_assert_num_queries):
    client = client_for(administrator)
    client.get(_journal(school))  # warm the session

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as context:
            assert client.get(_journal(school)).status_code == 200
        return len(context.captured_queries)

    few = count()
    for index in range(30):
        user = _member(school, "mentor", f"member{index}")
        for _ in range(3):
            SignInEvent.objects.create(kind="signed_in", user=user, username=user.username, ip_address=HOME)
    assert count() == few


@pytest.mark.django_db
def test_old_journal_rows_are_purged(curator, settings):
    settings.SIGNIN_JOURNAL_DAYS = 30
    old = SignInEvent.objects.create(kind="signed_in", user=curator, username="curator")
    SignInEvent.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=31))
    fresh = SignInEvent.objects.create(kind="signed_in", user=curator, username="curator")
    assert purge_old_signin_events.delay().get() == 1
    assert list(SignInEvent.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert signin_events_purge() == 0

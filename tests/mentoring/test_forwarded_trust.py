"""A real gunicorn with the production settings: X-Forwarded-Proto counts only from FORWARDED_ALLOW_IPS.

The TLS proxy says «https» in X-Forwarded-Proto. gunicorn (gunicorn.conf.py) believes it only from the
configured proxy addresses; Django reads no forwarded header itself. So the same request from loopback
is served when loopback is the proxy, and redirected to HTTPS when it is not.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _get(url: str, headers: dict[str, str]) -> tuple[int, str]:
    opener = urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (a loopback URL we built)
    try:
        with opener.open(request, timeout=20) as response:
            return response.status, response.headers.get("Location", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


@contextlib.contextmanager
def _gunicorn(tmp_path: Path, forwarded_allow_ips: str) -> Iterator[str]:
    port = _free_port()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(45),
        "DJANGO_ALLOWED_HOSTS": "mentoring.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "FORWARDED_ALLOW_IPS": forwarded_allow_ips,
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    log = tmp_path / f"gunicorn-{port}.log"
    with open(log, "w") as output:
        process = subprocess.Popen(  # noqa: S603 (our own command line)
            [str(GUNICORN), "mentoring.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start:\n" + log.read_text()
                time.sleep(0.2)
        yield base
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


HEADERS = {"Host": "mentoring.example.org", "X-Forwarded-Proto": "https"}


@pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is not installed beside this Python")
def test_forwarded_https_is_believed_only_from_the_configured_proxy(tmp_path):
    with _gunicorn(tmp_path, "127.0.0.1,::1") as base:
        status, _ = _get(base + "/healthz/", HEADERS)
        assert status == 200  # the proxy said https: served
        status, location = _get(base + "/healthz/", {"Host": "mentoring.example.org"})
        assert status == 301 and location.startswith("https://")  # plain http: sent to https
    with _gunicorn(tmp_path, "172.30.240.1") as base:
        # loopback is not the proxy now: its «https» is not believed, whatever header it sends
        status, location = _get(base + "/healthz/", HEADERS)
        assert status == 301 and location == "https://mentoring.example.org/healthz/"

"""Load benchmark (`make load`, `make bench ONLY=load`): logged-in pages under 50 connections.

What it builds, all in a throwaway PostgreSQL database of its own (``LOAD_DATABASE_URL``, default
``postgres://postgres@127.0.0.1:5432/mentoring_bench_load``, dropped afterwards unless
``LOAD_KEEP_DB=1``):

* the municipality of ``bench_dashboards.seed_municipality`` — 20 schools × 1,000 pupils with pairs,
  plans, questionnaire answers — plus a six-section roadmap and a curator per school (load_seed.py);
* gunicorn with the production settings (``DJANGO_ENV=production``, a random ``DJANGO_SECRET_KEY``,
  DEBUG off, whitenoise serving the collected and compressed static files) and 2 × cores + 1 sync
  workers on a free port. Nothing is weakened for the test: HTTPS redirect, HSTS and secure cookies
  stay on, and every request carries ``X-Forwarded-Proto: https`` exactly as the TLS-terminating proxy
  of a real deployment sends it (``SECURE_PROXY_SSL_HEADER``);
* every curator logs in through the login form (CSRF token, password check), giving 20 sessions;
* ``wrk`` (apt package ``wrk``) with 50 connections for ``LOAD_SECONDS`` (default 60) over the four
  pages of every school — roadmap, mentee base, pairs, KPI dashboard — then, in the same run and with
  the same settings, over the trivial view ``/healthz/`` (a plain Django view through the same
  middleware, one ``SELECT 1``).

Measure ``load_pages_rendered``: the same pages and connections on a second gunicorn started with
``KEPT_PAGE_SECONDS=0``, so that every request renders its page (no copy kept in the process,
:mod:`mentoring.kept_pages`); its ratio uses the same trivial run. The load makes no writes, so
``load_pages`` answers almost every request from the kept copy — the figure of a read-mostly hour; the
rendered one is what each request costs when the school's tables change between any two of them.

Measure ``load_pages``: value = p95 latency in ms; ``errors`` = non-200 responses + socket errors +
timeouts; ``rps`` and the reference ``trivial_view_rps``, ratio = rps / trivial rps. ``cpu_ms_per_request``
(and ``trivial_cpu_ms_per_request``) splits the processor time of each wrk run per request: ``django`` (the
gunicorn master and workers), ``postgres`` (the backends of the bench database), ``postgres_shared`` (the
server's own processes: WAL writer, checkpointer… — shared with anything else on the machine), ``redis``
(the server, shared too), ``wrk`` (the load generator itself) and ``machine`` (every busy core of the
machine, so ``machine`` minus the rest is what other programs took). wrk's timeout is
raised to ``LOAD_TIMEOUT`` (default 30 s) because a closed loop of 50 connections on a small machine
queues requests for longer than wrk's 2 s default, and a person waits longer than that before giving
up; the p95 says how long the wait is.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent.parent
VENV_BIN = Path(sys.executable).parent
LUA = BENCH_DIR / "load_pages.lua"

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mentoring_bench_load"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/9"
CONNECTIONS = 50


def log(message: str) -> None:
    print(f"bench: load: {message}", file=sys.stderr, flush=True)


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


# --- the database ---------------------------------------------------------------------------------


def _admin_connection(url: str):
    import psycopg2

    parsed = urllib.parse.urlparse(url)
    connection = psycopg2.connect(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 5432,
        user=urllib.parse.unquote(parsed.username or "postgres"),
        password=urllib.parse.unquote(parsed.password or ""),
        dbname="postgres",
    )
    connection.autocommit = True
    return connection


def _database_name(url: str) -> str:
    name = urllib.parse.unquote(urllib.parse.urlparse(url).path.lstrip("/"))
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise ValueError(f"LOAD_DATABASE_URL: unexpected database name {name!r}")
    return name


def _database_exists(url: str) -> bool:
    connection = _admin_connection(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [_database_name(url)])
            return cursor.fetchone() is not None
    finally:
        connection.close()


def _drop_database(url: str) -> None:
    connection = _admin_connection(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{_database_name(url)}" WITH (FORCE)')
    finally:
        connection.close()


def _create_database(url: str) -> None:
    connection = _admin_connection(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{_database_name(url)}"')
    finally:
        connection.close()


# --- where the processor time goes ----------------------------------------------------------------

_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _process_cpu(gunicorn_group: int, database: str) -> dict[int, tuple[str, float]]:
    """Per process of each kind alive now: its kind and the seconds of processor time (user + system) it
    has used so far."""
    found: dict[int, tuple[str, float]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # gone meanwhile
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) "
        seconds = (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS  # utime + stime
        if int(fields[2]) == gunicorn_group:  # the process group of gunicorn's master (its own session)
            kind = "django"
        elif cmdline.startswith("postgres: "):
            if f" {database} " in cmdline:
                kind = "postgres"
            # no client address: the server's own processes (WAL writer, checkpointer…)
            elif not re.search(r" \d+\.\d+\.\d+\.\d+\(\d+\)|\[local\]", cmdline):
                kind = "postgres_shared"
            else:
                continue
        elif cmdline.startswith("redis-server"):
            kind = "redis"
        else:
            continue
        found[int(entry.name)] = (kind, seconds)
    return found


def _machine_busy() -> float:
    """Seconds of processor time the whole machine spent busy (all cores, /proc/stat: not idle, not iowait)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    busy = sum(values[:8]) - idle  # user nice system idle iowait irq softirq steal
    return busy / _CLOCK_TICKS


@contextlib.contextmanager
def cpu_accounting(gunicorn_group: int, database: str) -> Iterator[dict[str, float]]:
    """Processor seconds of each kind spent inside the ``with`` block (filled in when it ends).

    The processes are read every half second: a database connection closed meanwhile (``CONN_MAX_AGE``)
    keeps what it used until its last reading; one opened meanwhile counts from zero.
    """
    spent: dict[str, float] = {}
    first = _process_cpu(gunicorn_group, database)
    last = dict(first)
    machine = _machine_busy()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.5):
            last.update(_process_cpu(gunicorn_group, database))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield spent
    finally:
        stop.set()
        sampler.join()
    last.update(_process_cpu(gunicorn_group, database))
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    spent.update(dict.fromkeys(("django", "postgres", "postgres_shared", "redis"), 0.0))
    for pid, (kind, seconds) in last.items():
        spent[kind] += seconds - (first[pid][1] if pid in first else 0.0)
    spent["wrk"] = (reaped.ru_utime - children.ru_utime) + (reaped.ru_stime - children.ru_stime)
    spent["machine"] = _machine_busy() - machine


def per_request_ms(spent: dict[str, float], requests: int) -> dict[str, float]:
    return {kind: round(1000 * seconds / max(requests, 1), 3) for kind, seconds in spent.items()}


# --- the server -----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _redis_url() -> str:
    """Production has a broker; use a Redis DB of our own when Redis answers, else run without one."""
    url = os.environ.get("LOAD_REDIS_URL", DEFAULT_REDIS_URL)
    parsed = urllib.parse.urlparse(url)
    try:
        with socket.create_connection(
            (parsed.hostname or "127.0.0.1", parsed.port or 6379), timeout=1
        ) as sock:
            sock.sendall(b"PING\r\n")
            if sock.recv(16).startswith(b"+PONG"):
                return url
    except OSError:
        pass
    return ""


def production_env(database_url: str, static_root: Path, media_root: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CELERY_", "SESSION_"))
    }
    env.update(
        {
            "DJANGO_ENV": "production",
            "DJANGO_SETTINGS_MODULE": "mentoring.settings",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(45),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": "https://mentoring.example.org",
            "DJANGO_LOG_LEVEL": "WARNING",
            "DATABASE_URL": database_url,
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(media_root),
            "PYTHONUNBUFFERED": "1",
        }
    )
    redis_url = _redis_url()
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def _manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def _request(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None, opener=None):
    if not url.startswith("http://127.0.0.1:"):
        raise ValueError(url)
    headers = {"X-Forwarded-Proto": "https", **(headers or {})}
    request = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310 (checked above)
    return (opener or urllib.request.build_opener()).open(request, timeout=60)


@contextlib.contextmanager
def gunicorn(env: dict[str, str], port: int, workers: int, log_path: Path) -> Iterator[tuple[str, int]]:
    base = f"http://127.0.0.1:{port}"
    command = [
        str(VENV_BIN / "gunicorn"),
        "mentoring.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--timeout",
        "60",
        "--log-level",
        "warning",
    ]
    with open(log_path, "w") as log_file:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"gunicorn exited with {process.returncode}:\n{log_path.read_text()}")
                try:
                    with _request(base + "/healthz/") as response:
                        if response.status == 200:
                            break
                except (urllib.error.URLError, ConnectionError):
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not answer /healthz/ within 60 s")
                time.sleep(0.3)
            yield base, process.pid
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def login(base: str, username: str, password: str) -> str:
    """Log in through the login form as a browser would; return the session cookie's value."""
    opener = urllib.request.build_opener(_NoRedirect())
    login_url = base + "/accounts/login/"
    with _request(login_url, opener=opener) as response:
        page = response.read().decode()
        # The cookies are Secure (production) and this is plain http:// behind the "proxy": handle them by hand.
        cookies = dict(
            re.match(r"([^=]+)=([^;]*)", header).groups()
            for header in response.headers.get_all("Set-Cookie") or []
        )
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if match is None or "csrftoken" not in cookies:
        raise RuntimeError("login page has no CSRF token or cookie")
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": match.group(1), "username": username, "password": password}
    ).encode()
    origin = "https://" + base.removeprefix("http://")
    headers = {
        "Cookie": f"csrftoken={cookies['csrftoken']}",
        "Origin": origin,
        "Referer": origin + "/accounts/login/",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    try:
        _request(login_url, data=form, headers=headers, opener=opener)
        raise RuntimeError(f"login of {username} did not redirect (wrong password or form error)")
    except urllib.error.HTTPError as error:  # the 302 after a successful login
        if error.code != 302:
            raise RuntimeError(f"login of {username}: HTTP {error.code}") from error
        set_cookie = error.headers.get_all("Set-Cookie") or []
    for header in set_cookie:
        found = re.match(r"sessionid=([^;]+)", header)
        if found:
            return found.group(1)
    raise RuntimeError(f"login of {username} set no session cookie")


def _check_pages(base: str, targets: list[tuple[str, str]]) -> None:
    """Every page answers 200 for its curator before the load starts: fail early and say which."""
    opener = urllib.request.build_opener(_NoRedirect())
    seen = set()
    for cookie, path in targets:
        if path in seen:
            continue
        seen.add(path)
        started = time.perf_counter()
        try:
            with _request(base + path, headers={"Cookie": f"sessionid={cookie}"}, opener=opener) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        if status != 200:
            raise RuntimeError(f"{path} answered {status} before the load started")
        if len(seen) <= 4:
            log(f"{path}: 200 in {1000 * (time.perf_counter() - started):.0f} ms (one request, cold)")


def wrk(base: str, targets: list[tuple[str, str]], seconds: int, workdir: Path, name: str) -> dict:
    targets_file = workdir / f"{name}.targets"
    targets_file.write_text("".join(f"{cookie}\t{path}\n" for cookie, path in targets))
    command = [
        "wrk",
        "--threads",
        str(min(os.cpu_count() or 2, 4)),
        "--connections",
        str(CONNECTIONS),
        "--duration",
        f"{seconds}s",
        "--timeout",
        f"{env_int('LOAD_TIMEOUT', 30)}s",
        "--latency",
        "--script",
        str(LUA),
        base,
        "--",
        str(targets_file),
    ]
    log(f"{name}: wrk {CONNECTIONS} connections for {seconds} s over {len({p for _, p in targets})} URLs")
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=seconds + 120)
    sys.stderr.write(result.stdout)
    found = re.search(r"^LOADJSON (.+)$", result.stdout, re.MULTILINE)
    if result.returncode or found is None:
        raise RuntimeError(f"wrk failed ({result.returncode}): {result.stderr}")
    return json.loads(found.group(1))


# --- the benchmark ---------------------------------------------------------------------------------


def run():
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is not installed (Debian/Ubuntu: apt-get install wrk)")
    seconds = env_int("LOAD_SECONDS", 60)
    workers = env_int("LOAD_WORKERS", 2 * (os.cpu_count() or 1) + 1)
    database_url = os.environ.get("LOAD_DATABASE_URL", DEFAULT_DATABASE_URL)
    keep = os.environ.get("LOAD_KEEP_DB", "") in {"1", "true", "yes"}

    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        workdir = Path(tmp)
        env = production_env(database_url, workdir / "static", workdir / "media")
        reuse = keep and _database_exists(database_url)
        if not reuse:
            _drop_database(database_url)
            _create_database(database_url)
        try:
            started = time.perf_counter()
            log("migrating")
            _manage(env, "migrate", "--noinput")
            log("collecting static files (compressed, with a manifest, as in production)")
            _manage(env, "collectstatic", "--noinput")
            log("seeding 20 schools × 1,000 pupils" + (" (kept from an earlier run)" if reuse else ""))
            password = secrets.token_urlsafe(16)
            seeded = subprocess.run(
                [sys.executable, str(BENCH_DIR / "load_seed.py")],
                cwd=REPO_ROOT,
                env={**env, "LOAD_PASSWORD": password},
                capture_output=True,
                text=True,
                check=False,
            )
            if seeded.returncode:
                raise RuntimeError(f"seeding failed:\n{seeded.stderr}")
            plan = json.loads(seeded.stdout.strip().splitlines()[-1])
            if reuse:  # the kept users have the password of the run that created them: set a new one
                _manage(env, "shell", "-c", _SET_PASSWORD.format(password=password))
            log(f"prepared in {time.perf_counter() - started:.0f} s")

            port = _free_port()
            with gunicorn(env, port, workers, workdir / "gunicorn.log") as (base, group):
                log(f"gunicorn with {workers} workers on {base}; logging in {len(plan['curators'])} curators")
                targets = []
                for curator in plan["curators"]:
                    cookie = login(base, curator["username"], password)
                    targets += [(cookie, page) for page in curator["pages"]]
                _check_pages(base, targets)
                trivial_targets = [(targets[0][0], plan["trivial"])]
                database = _database_name(database_url)
                with cpu_accounting(group, database) as pages_cpu:
                    pages = wrk(base, targets, seconds, workdir, "pages")
                with cpu_accounting(group, database) as trivial_cpu:
                    trivial = wrk(base, trivial_targets, seconds, workdir, "trivial")
                log(f"pages: processor ms per request {per_request_ms(pages_cpu, pages['requests'])}")
                log(f"trivial: processor ms per request {per_request_ms(trivial_cpu, trivial['requests'])}")
                log(f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
                server_log = (workdir / "gunicorn.log").read_text()
            if server_log.strip():
                log("gunicorn log (last lines):\n" + "\n".join(server_log.splitlines()[-20:]))
            rendering_env = {**env, "KEPT_PAGE_SECONDS": "0"}
            with gunicorn(rendering_env, _free_port(), workers, workdir / "rendered.log") as (base, group):
                log("the same pages with no kept copies (KEPT_PAGE_SECONDS=0): every request renders")
                targets = [
                    (login(base, curator["username"], password), page)
                    for curator in plan["curators"]
                    for page in curator["pages"]
                ]
                _check_pages(base, targets)
                with cpu_accounting(group, database) as rendered_cpu:
                    rendered = wrk(base, targets, seconds, workdir, "rendered")
                log(
                    f"rendered: processor ms per request {per_request_ms(rendered_cpu, rendered['requests'])}"
                )
        finally:
            if not keep:
                _drop_database(database_url)

    pages_names = ["roadmap", "participants_mentees", "pairs", "kpi_dashboard"]
    yield {
        "measure": "load_pages",
        **_wrk_figures(pages, pages_cpu, trivial),
        "max_ms": pages["max_ms"],
        "non200": pages["non200"],
        "socket_errors": {key: pages[key] for key in ("connect", "read", "write", "timeout")},
        "trivial_p95_ms": trivial["p95_ms"],
        "trivial_cpu_ms_per_request": per_request_ms(trivial_cpu, trivial["requests"]),
        "trivial_errors": trivial["errors"],
        "pages": pages_names,
        "schools": len(plan["curators"]),
        "pupils_per_school": 1000,
        "connections": CONNECTIONS,
        "seconds": seconds,
        "gunicorn_workers": workers,
        "cpus": os.cpu_count(),
        "database": "postgresql",
        "settings": "production (DEBUG off, whitenoise, X-Forwarded-Proto: https)",
        "redis": "REDIS_URL" in env,
        "kept_pages": "on (the production default with a shared cache; the load makes no writes)",
        "target": "errors == 0",
    }
    yield {
        "measure": "load_pages_rendered",
        **_wrk_figures(rendered, rendered_cpu, trivial),
        "pages": pages_names,
        "kept_pages": "off (KEPT_PAGE_SECONDS=0): every request renders its page",
        "target": "errors == 0 (the ratio goal of issue 18 is load_pages'; this one is reported, not judged)",
    }


def _wrk_figures(run: dict, cpu: dict[str, float], trivial: dict) -> dict:
    """One wrk run's figures, with the trivial view's rate of the same bench as the reference."""
    return {
        "value": run["p95_ms"],
        "unit": "ms",
        "errors": run["errors"],
        "rps": round(run["rps"], 1),
        "reference": "trivial_view_rps",
        "reference_value": round(trivial["rps"], 1),
        "ratio": round(run["rps"] / trivial["rps"], 3),
        "p50_ms": run["p50_ms"],
        "p99_ms": run["p99_ms"],
        "requests": run["requests"],
        "first_bad": run["first_bad"],
        "cpu_ms_per_request": per_request_ms(cpu, run["requests"]),
        "load_average": [round(v, 2) for v in os.getloadavg()],
    }


_SET_PASSWORD = (
    "from django.contrib.auth.hashers import make_password;"
    "from mentoring.models import User;"
    "User.objects.filter(username__startswith='load-curator-').update(password=make_password({password!r}))"
)


if __name__ == "__main__":  # python tests/bench/bench_load.py: the same as `make bench ONLY=load`
    for measure in run():
        print(json.dumps(measure, ensure_ascii=False))

"""Settings for the mentoring programme system.

One module, driven by environment variables through the small typed helpers below.
Every variable is documented in README.md ("Environment variables").
"""

from __future__ import annotations

import ipaddress
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlparse

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name) or default


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database_from_url(url: str) -> dict:
    """Turn DATABASE_URL into a Django DATABASES entry (postgres:// or sqlite:///)."""
    parsed = urlparse(url)
    if parsed.scheme in {"postgres", "postgresql", "pgsql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")) or "postgres",
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": env_int("DATABASE_CONN_MAX_AGE", 60),
            # a kept connection is tested before each request: the site survives a PostgreSQL restart
            "CONN_HEALTH_CHECKS": env_bool("DATABASE_CONN_HEALTH_CHECKS", True),
        }
    if parsed.scheme == "sqlite":
        # sqlite:///relative/or/absolute path; sqlite:////abs/path also accepted
        path = url[len("sqlite:///") :] if url.startswith("sqlite:///") else parsed.path
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": path or str(BASE_DIR / "var" / "db.sqlite3")}
    raise ImproperlyConfigured(f"Unsupported DATABASE_URL scheme: {parsed.scheme!r}")


DJANGO_ENV = env_str("DJANGO_ENV", "development")
PRODUCTION = DJANGO_ENV == "production"

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_ENV=production")
    SECRET_KEY = "development-only-key-not-for-production-use-0123456789abcdefghij"  # noqa: S105  development only: production refuses to start without DJANGO_SECRET_KEY (above)

DEBUG = env_bool("DJANGO_DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",  # sign-in lock-outs (mentoring/signin.py); before "mentoring", whose journal follows its handler
    "csp",  # Content-Security-Policy (CONTENT_SECURITY_POLICY below)
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "mentoring",
    "roadmap",
    "participants",
    "pairing",
    "monitoring",
    "reports",
    "demo",  # the demo municipality (manage.py seed_demo); imports every app above, nothing imports it
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "mentoring.middleware.CSPMiddleware",  # django-csp's
    "mentoring.middleware.NoStoreMiddleware",  # Cache-Control: no-store on every page and file we make
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked sign-in into the lock-out page
]

ROOT_URLCONF = "mentoring.urls"
WSGI_APPLICATION = "mentoring.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mentoring.context_processors.navigation",
            ],
        },
    },
]

_database_url = env_str("DATABASE_URL")
if _database_url:
    DATABASES = {"default": database_from_url(_database_url)}
else:
    DATABASES = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(BASE_DIR / "var" / "db.sqlite3")}
    }
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update({"timeout": 20, "transaction_mode": "IMMEDIATE"})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "mentoring.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # common Russian passwords (any layout, transliterated) and repeats/sequences: mentoring/password_validation.py
    {"NAME": "mentoring.password_validation.RussianCommonPasswordValidator"},
    {"NAME": "mentoring.password_validation.RepetitionValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Staff of a school share computers: sessions end with the browser and after a working day (8 h).
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# --- Sign-in: every door guarded by django-axes, journalled (mentoring/signin.py) ---
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked name+address before the password is checked
    # Django's ModelBackend, the signed-in user read with SQL compiled once per process (mentoring/auth_backend.py)
    "mentoring.auth_backend.UserBackend",
]
# After this many wrong passwords for one user name from one address, that name is locked at that
# address for LOGIN_LOCKOUT_SECONDS; each further lock-out within a day doubles it, up to the maximum.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 15 * 60)
LOGIN_LOCKOUT_MAX_SECONDS = env_int("LOGIN_LOCKOUT_MAX_SECONDS", 4 * 60 * 60)
# The TLS proxy in front of gunicorn: its X-Forwarded-For names the client, nobody else's does.
# gunicorn reads the same variable (gunicorn.conf.py) to decide whom to believe about HTTPS.
FORWARDED_ALLOW_IPS = env_list("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
for _proxy in FORWARDED_ALLOW_IPS:
    if _proxy != "*":
        try:
            ipaddress.ip_network(_proxy, strict=False)
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"FORWARDED_ALLOW_IPS: {_proxy!r} is not an address or network"
            ) from exc
# Rows of the sign-in journal older than this many days are deleted (mentoring.tasks).
SIGNIN_JOURNAL_DAYS = env_int("SIGNIN_JOURNAL_DAYS", 365)
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = "mentoring.signin.cool_off"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # knocking on a locked door does not extend it
AXES_HANDLER = "mentoring.signin.SignInHandler"  # counters in the cache (Redis), journal in the database
AXES_CACHE = "default"
AXES_CLIENT_IP_CALLABLE = "mentoring.signin.client_address"
AXES_LOCKOUT_CALLABLE = "mentoring.signin.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # mentoring.SignInEvent is the journal of sign-ins and sign-outs
AXES_VERBOSE = False  # no start-up banner in every manage.py run
# masked in axes' records of failed attempts (the password change posts the old and the new password)
AXES_SENSITIVE_PARAMETERS = [
    "username",
    "ip_address",
    "password",
    "old_password",
    "new_password1",
    "new_password2",
    "csrfmiddlewaretoken",
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
# A staff member's invitation (e-mailed link) and one-time sign-in sheet stay valid this long.
STAFF_INVITATION_DAYS = env_int("STAFF_INVITATION_DAYS", 7)
STAFF_SHEET_DAYS = env_int("STAFF_SHEET_DAYS", 3)

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Russian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Moscow")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Uploaded and generated files: every web and worker host must see the same ones. By default they live
# under MEDIA_ROOT, which on several hosts is one shared volume (NFS, the compose «media» volume). With
# S3_BUCKET set they live in S3-compatible object storage (django-storages): the code reads and writes
# them through Django's storage API only, never through paths (tests/mentoring/test_storage_api.py).
def default_storage_from_env() -> dict:
    """STORAGES["default"]: the file system under MEDIA_ROOT, or a bucket when S3_BUCKET is set."""
    bucket = env_str("S3_BUCKET")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "region_name": env_str("S3_REGION") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY") or None,
            "location": env_str("S3_PREFIX"),
            "addressing_style": env_str("S3_ADDRESSING_STYLE") or None,  # "path" for most self-hosted servers
            "signature_version": "s3v4",
            "verify": env_bool("S3_VERIFY_TLS", True),
            # names are made unique, as on a file system: never overwrite another job's or upload's file
            "file_overwrite": False,
            # the bucket stays private: files are sent only by the views that check access
            "default_acl": None,
            "querystring_auth": True,
            # a file being sent is spooled to a temporary file past this size, not held in memory
            "max_memory_size": 8 * 2**20,
        },
    }


_default_storage = default_storage_from_env()
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: printed to the console unless an SMTP host is configured.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "noreply@mentoring.local")
# The address of the site in letters and in files built outside a request (reminders, questionnaire links
# and QR codes printed by a background job); pages use the address they are served on. Required in
# production: a system check (mentoring/sites.py) stops the start-up when it is missing or local.
SITE_URL = env_str("SITE_URL", "" if PRODUCTION else "http://127.0.0.1:8000")
# Reminders to hand in a monitoring window's figures go on this many days after its deadline.
WINDOW_REMINDER_DAYS_AFTER = env_int("WINDOW_REMINDER_DAYS_AFTER", 7)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: without REDIS_URL every task runs eagerly in-process (make run, quick tests).
REDIS_URL = env_str("REDIS_URL")
# The cache is shared by every process and host when Redis is there (short-lived flags such as «this job
# was just sent again», the claims of periodic jobs' slots: mentoring/beat.py); in-process otherwise.
# The sign-in lock-out counters live here too (mentoring/signin.py): every host must use the same Redis.
# Sessions and the journal of sign-ins live in the database, which every host shares as well.
CACHE_URL = env_str("CACHE_URL", REDIS_URL)
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "mentoring"),
            "OPTIONS": {"socket_connect_timeout": 3, "socket_timeout": 5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Sessions are read from the shared cache and written through to the database when there is one (Redis):
# a page reads its session without a query. In-process caches are not shared between the workers (a
# session ended in one would live on in another), so without Redis sessions stay in the database alone.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db" if CACHE_URL else "django.contrib.sessions.backends.db"
)
# The organisation and year switchers of every page are kept in the cache this long (seconds; 0: asked of
# the database on every page). Any change of a membership, organisation or programme drops them at once.
NAVIGATION_CACHE_SECONDS = env_int("NAVIGATION_CACHE_SECONDS", 600)
# The KPI figures of the start pages and dashboards are kept in the cache this long (seconds; 0: counted on
# every page). Any write to a table they are counted from drops them at once (monitoring/kpis/metrics_cache.py).
KPI_CACHE_SECONDS = env_int("KPI_CACHE_SECONDS", 300)
# The roadmap, the bases, the pairs and the KPI dashboard are answered from each process's copy of the page
# while no table it was read from has been written (mentoring/kept_pages.py), for at most this long (seconds;
# 0: rendered on every request) and this many bytes per process. Only with a shared cache: the tables'
# versions must be seen by every process.
KEPT_PAGE_SECONDS = env_int("KEPT_PAGE_SECONDS", 300 if CACHE_URL else 0)
KEPT_PAGE_BYTES = env_int("KEPT_PAGE_BYTES", 32 * 1024 * 1024)
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "celery")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 60 * 30)
# A task taken by a worker that died (killed, host rebooted) is handed to another worker by Redis after
# this many seconds. Keep it above CELERY_TASK_TIME_LIMIT: Redis also re-delivers a task still running.
CELERY_VISIBILITY_TIMEOUT = env_int("CELERY_VISIBILITY_TIMEOUT", 60 * 60)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    # how often a worker looks for such abandoned tasks (seconds; the scan runs on every check)
    "unacked_restore_interval": min(60, max(1, CELERY_VISIBILITY_TIMEOUT // 10)),
    "unacked_restore_throttle": 1,
    # a web request that queues a job must not hang when Redis is unreachable
    "socket_connect_timeout": 3,
    "socket_timeout": 10,
}
# Queueing a job from a web request: a short retry, then the job stays queued in the database and
# mentoring.tasks.requeue_stale_jobs (or the job page) sends it again once Redis is back.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 3
# A job interrupted this many times (its worker died each time) is marked failed instead of retried.
JOB_MAX_ATTEMPTS = env_int("JOB_MAX_ATTEMPTS", 3)
# A queued job that never reached the broker is sent again after this many seconds.
JOB_REQUEUE_AFTER = env_int("JOB_REQUEUE_AFTER", 60)
# A job queued this many seconds without starting: its page says background processing seems not to run.
JOB_STALLED_AFTER = env_int("JOB_STALLED_AFTER", 30)
# Test hook only (the fault tests): seconds a job sleeps after each progress report. Always 0 in use.
JOB_PROGRESS_TEST_DELAY = float(env_str("JOB_PROGRESS_TEST_DELAY", "0"))
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
# Each periodic job is sent once per scheduled slot even when several beats run (mentoring/beat.py).
CELERY_BEAT_SCHEDULER = "mentoring.beat:SlotScheduler"
CELERY_BEAT_SCHEDULE = {
    "requeue-stale-jobs": {
        "task": "mentoring.tasks.requeue_stale_jobs",
        "schedule": timedelta(minutes=1),
    },
    "purge-old-signin-events": {
        "task": "mentoring.tasks.purge_old_signin_events",
        "schedule": crontab(hour=4, minute=30),
    },
    "purge-trash": {
        "task": "mentoring.tasks.purge_trash",
        "schedule": crontab(hour=4, minute=45),
    },
    "purge-expired-job-files": {
        "task": "mentoring.tasks.purge_expired_job_files",
        "schedule": timedelta(hours=1),
    },
    "participants-purge-stale-imports": {
        "task": "participants.tasks.purge_stale_imports",
        "schedule": timedelta(hours=1),
    },
    "roadmap-reminders": {
        "task": "roadmap.tasks.send_roadmap_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "reports-window-reminders": {
        "task": "reports.tasks.send_window_reminders",
        "schedule": crontab(hour=7, minute=15),
    },
    "monitoring-silent-pair-reminders": {
        "task": "monitoring.tasks.meetings.remind_silent_pairs",
        "schedule": crontab(day_of_week="monday", hour=8, minute=0),
    },
    "monitoring-refresh-metric-summaries": {
        "task": "monitoring.tasks.kpis.refresh_metric_summaries",
        "schedule": timedelta(minutes=20),
    },
    "monitoring-monthly-kpi-snapshots": {
        "task": "monitoring.tasks.kpis.take_monthly_snapshots",
        "schedule": crontab(day_of_month="1", hour=5, minute=0),
    },
}

# Content-Security-Policy (django-csp): our own scripts, styles, fonts and images only; no inline script,
# handler or style anywhere (templates use static/js and the classes of static/css/app.css; htmx and the
# other libraries are vendored under static/vendor). Files are sent with a stricter policy of their own
# (mentoring/files.py). Django's own debug error pages (DEBUG only) are left without it
# (mentoring.middleware.CSPMiddleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],  # Bootstrap draws its small icons as data: SVG in the CSS
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Uploads: a roadmap document to import, a file proving an event happened.
ROADMAP_IMPORT_MAX_BYTES = env_int("ROADMAP_IMPORT_MAX_BYTES", 10 * 2**20)
# The largest document attached anywhere: evidence, a scanned consent, a partner's agreement
# (one allow-list of types and this limit: mentoring/files.py).
EVIDENCE_MAX_BYTES = env_int("EVIDENCE_MAX_BYTES", 20 * 2**20)
PARTICIPANTS_IMPORT_MAX_BYTES = env_int("PARTICIPANTS_IMPORT_MAX_BYTES", 10 * 2**20)
# The import preview posts one form per event: allow a long roadmap.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20000

# Questionnaire results: a mean or distribution of fewer answers than this (a pair, a class, a filter) is
# not shown — one or two answers would identify a pupil. Staff see «not enough answers» instead.
QUESTIONNAIRE_MIN_GROUP_SIZE = max(2, env_int("QUESTIONNAIRE_MIN_GROUP_SIZE", 3))

# The regional console: the federal aim for the share of pupils involved in mentoring, used when a region
# (or an authority) has set no target of its own; stored figures older than this many minutes are not
# trusted and the organisation is counted live (monitoring.kpis.console).
FEDERAL_COVERAGE_AIM = env_int("FEDERAL_COVERAGE_AIM", 70)
REGION_FIGURES_MAX_AGE_MINUTES = env_int("REGION_FIGURES_MAX_AGE_MINUTES", 60)

# Generated files (reports, documents) are kept this many days, then purged.
REPORT_FILE_TTL_DAYS = env_int("REPORT_FILE_TTL_DAYS", 7)
# Files with personal data (bases, orders, diaries, certificates, QR sheets…) live this many hours.
PERSONAL_DATA_FILE_TTL_HOURS = env_int("PERSONAL_DATA_FILE_TTL_HOURS", 24)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # No query strings (names typed in searches) nor personal questionnaire links in the logs.
    "filters": {"request_line": {"()": "mentoring.log_privacy.RequestLineFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["request_line"]}
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # django-axes narrates every sign-in at INFO; lock-outs (WARNING) stay, the journal has the rest
        "axes": {"level": "WARNING"},
        # Django's own console handler (DEBUG only) would print unfiltered: one handler for all.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

if PRODUCTION:
    # No SECURE_PROXY_SSL_HEADER: gunicorn sets the scheme from X-Forwarded-Proto only when the request
    # came from FORWARDED_ALLOW_IPS (gunicorn.conf.py); Django would believe the header from anyone.
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("DJANGO_CSRF_COOKIE_SECURE", True)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"

# Production image: gunicorn serving Django (static files through whitenoise), also used for the
# Celery worker and beat (see docker-compose.yml).
FROM python:3.11-slim-bookworm

# PYTHONPATH: the code in /app always wins over the copy `pip install .` puts in site-packages, so
# BASE_DIR (templates/, static/, locale/) is /app for gunicorn, celery and manage.py alike.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    DJANGO_ENV=production \
    NUMBA_CACHE_DIR=/app/var/numba

# WeasyPrint needs Pango/HarfBuzz; DejaVu covers Cyrillic in PDFs; gettext for the message catalogue.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
        fonts-dejavu-core fonts-dejavu-extra \
        gettext \
    && rm -rf /var/lib/apt/lists/*

# The code stays root-owned and read-only for the app user; only /app/var is writable.
# (A writable home: gunicorn keeps its control socket in ~/.gunicorn.)
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --create-home --home-dir /home/app --shell /usr/sbin/nologin app

WORKDIR /app

# Dependencies first, every version from a lock with hashes, so this layer is rebuilt only when a lock
# changes: the installer and the build backend (requirements-tools.lock: pip, setuptools; older pips refuse
# a hashed lock where a package is required with an extra), then requirements.lock (`make lock` writes both).
COPY requirements-tools.lock requirements.lock ./
RUN pip install --require-hashes -r requirements-tools.lock \
    && pip install --require-hashes -r requirements.lock

# Then the code, and the project itself: its dependencies are already there, and it is built with the
# pinned setuptools (--no-build-isolation: nothing is fetched from the index unpinned).
COPY . .
RUN pip install --no-build-isolation --no-deps . \
    && rm -rf build ./*.egg-info

# Static files are collected into the image (STATIC_ROOT=/app/var/staticfiles); the secret is a
# build-time placeholder and is never used at run time.
# The matching engine's kernels are compiled here into NUMBA_CACHE_DIR (/app/var/numba: the code is
# read-only for the app user, so numba's default cache beside the sources could not be used at run
# time): every container of the image starts with them, and the first matching after a deploy does not
# wait a minute for the compiler. The directory stays writable for the app user: on a host whose
# processor differs from the build machine's, the worker's own warm-up (docker-compose.yml) compiles
# them once more there.
RUN DJANGO_SECRET_KEY=build-only-placeholder-not-used-at-run-time \
        python manage.py collectstatic --noinput \
    && DJANGO_SECRET_KEY=build-only-placeholder-not-used-at-run-time \
        python manage.py warm_matching \
    && mkdir -p /app/var/media \
    && chown -R app:app /app/var/numba \
    && chown app:app /app/var /app/var/media

USER app

EXPOSE 8000

CMD ["gunicorn", "mentoring.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]

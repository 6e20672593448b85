"""Static files in production: names with their content's hash, kept by browsers for a year, sent compressed.

The settings choose whitenoise's ``CompressedManifestStaticFilesStorage`` when ``DJANGO_ENV=production``;
here the same storage collects the files into a temporary folder and whitenoise serves them through the
whole middleware stack: the hashed name is what the pages link, it comes with ``immutable`` far-future
caching and gzip, and the pages themselves stay ``no-store``.
"""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from .conftest import YEAR, client_for


@pytest.fixture
def production_static(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.DEBUG = False
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.utils.functional import empty

    staticfiles_storage._wrapped = empty  # built again from the settings above
    call_command("collectstatic", interactive=False, verbosity=0)
    yield
    staticfiles_storage._wrapped = empty


def test_pages_link_hashed_files_that_are_cached_for_a_year_and_compressed(production_static, curator):
    page = client_for(curator).get(reverse("dashboard", kwargs={"org": "school-a", "year": YEAR}))
    assert "no-store" in page["Cache-Control"]
    links = re.findall(r'(?:href|src)="(/static/[^"]+)"', page.content.decode())
    app_css = next(link for link in links if "/css/app." in link)
    assert re.search(r"/css/app\.[0-9a-f]{12}\.css$", app_css), app_css  # the content's hash in the name
    assert len(links) >= 5 and all(re.search(r"\.[0-9a-f]{12}\.(css|js|svg|ico)$", link) for link in links), links

    response = Client().get(app_css, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "immutable" in cache_control and "no-store" not in cache_control
    assert int(re.search(r"max-age=(\d+)", cache_control).group(1)) >= 365 * 24 * 3600
    assert response["Content-Encoding"] == "gzip"
    assert response["Vary"] == "Accept-Encoding"


def test_browsers_that_take_brotli_get_brotli(production_static, curator):
    """``brotli`` is installed, so collectstatic writes a ``.br`` beside every compressible file and
    whitenoise sends it to a browser that accepts it (smaller than gzip for CSS and scripts)."""
    page = client_for(curator).get(reverse("dashboard", kwargs={"org": "school-a", "year": YEAR}))
    script = next(link for link in re.findall(r'src="(/static/[^"]+\.js)"', page.content.decode()))
    brotli = Client().get(script, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    gzip = Client().get(script, HTTP_ACCEPT_ENCODING="gzip")
    assert brotli.status_code == gzip.status_code == 200
    assert brotli["Content-Encoding"] == "br" and gzip["Content-Encoding"] == "gzip"
    assert int(brotli["Content-Length"]) < int(gzip["Content-Length"])

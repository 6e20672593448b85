"""Response headers of every page: no caching of personal data, the Content-Security-Policy."""

from __future__ import annotations

from collections.abc import Callable

import csp.middleware
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every response the application makes (pages, fragments, files).

    Pages show pupils' names to signed-in staff, the public questionnaire shows names too, and a
    shared school computer's cache or a proxy must keep none of it. Static files never reach this
    middleware (whitenoise answers them first, with its own long cache headers). A view that sets its
    own ``Cache-Control`` keeps it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store"
        return response


class CSPMiddleware(csp.middleware.CSPMiddleware):
    """django-csp's middleware, except on Django's debug error pages (DEBUG only), styled inline."""

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if settings.DEBUG and response.status_code in (404, 500):
            return response
        return super().process_response(request, response)

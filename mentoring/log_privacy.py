"""Keep personal data out of the logs: no query strings, no referrers, no personal questionnaire links.

Search forms put names in the query string (``?q=Иванова``) and keep it there so that a search can be
bookmarked, paged and gone back to. Those URLs must not end up in log files that outlive the search:
every request line the application or gunicorn writes keeps the path only. The personal link of a
questionnaire (``/q/<link>/``) works without an account, so it is masked as well.

- ``RequestLineFilter``: a logging filter on the console handler (Django's ``django.server`` and
  ``django.request`` messages, and anything else that quotes a URL).
- ``GunicornLogger``: gunicorn's access logger with the same scrubbing of every URL-bearing atom;
  ``gunicorn.conf.py`` selects it and a format without ``%(q)s`` and ``%(f)s``.
"""

from __future__ import annotations

import logging
import re

# A URL path followed by a query string, in a log message: keep the path, drop the query.
_QUERY = re.compile(r"(/[^\s?\"']*)\?[^\s\"']*")
_PERSONAL_LINK = re.compile(r"/q/[^/\s?\"']+")
MASKED_LINK = "/q/<link>"


def scrub(text: str) -> str:
    """The text with query strings removed and personal questionnaire links masked."""
    if not text:
        return text
    return _PERSONAL_LINK.sub(MASKED_LINK, _QUERY.sub(r"\1", text))


class RequestLineFilter(logging.Filter):
    """Rewrites a record's message without query strings or personal links (never drops a record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is left for the formatter to report
            return True
        cleaned = scrub(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        return True


try:
    from gunicorn.glogging import Logger as _GunicornLogger
except ImportError:  # pragma: no cover - gunicorn is a dependency; tolerate a bare environment
    _GunicornLogger = object


class GunicornLogger(_GunicornLogger):
    """gunicorn's logger whose access atoms carry no query string, referrer or personal link."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["q"] = "-"
        atoms["f"] = "-"
        atoms["U"] = scrub(atoms.get("U") or "")
        atoms["r"] = scrub(atoms.get("r") or "")
        for key in list(atoms):
            if key.startswith("{") and isinstance(atoms[key], str):
                if key in {"{referer}i", "{query_string}e", "{http_referer}e"}:
                    atoms[key] = "-"
                else:
                    atoms[key] = scrub(atoms[key])
        return atoms

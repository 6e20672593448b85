"""Uploaded documents in, stored files out: one allow-list, one size limit, one way to send a file.

Evidence of a roadmap event or a plan task, a scanned consent form and a partner's agreement are all
checked by ``validate_document``: the extension must be on the allow-list *and* the first bytes must
be what that kind of file starts with (a renamed ``.html`` is not a ``.pdf``), and the size at most
``EVIDENCE_MAX_BYTES``. Every stored file leaves through ``attachment_response``: as an attachment,
with a content type taken from our own table (never from the upload or the name alone), ``nosniff``,
``no-store`` and a sandboxing Content-Security-Policy, so that even an old file uploaded before these
checks cannot run in the site's origin.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

HEAD_BYTES = 2048

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _zip_with(*members: str) -> Callable[[File], bool]:
    def check(upload: File) -> bool:
        upload.seek(0)
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return False
        return all(member in names for member in members)

    return check


def _open_document(mimetype: str) -> Callable[[File], bool]:
    def check(upload: File) -> bool:
        upload.seek(0)
        try:
            with zipfile.ZipFile(upload) as archive:
                return archive.read("mimetype").decode("ascii", "replace").strip() == mimetype
        except (zipfile.BadZipFile, KeyError, OSError, ValueError):
            return False

    return check


def _starts(*magics: bytes) -> Callable[[File], bool]:
    def check(upload: File) -> bool:
        upload.seek(0)
        head = upload.read(HEAD_BYTES)
        return any(head.startswith(magic) for magic in magics)

    return check


def _pdf(upload: File) -> bool:
    upload.seek(0)
    return b"%PDF" in upload.read(1024)  # readers accept the header anywhere in the first kilobyte


@dataclass(frozen=True)
class FileKind:
    content_type: str
    looks_right: Callable[[File], bool]


# The documents a school attaches: scans and photos of paper, Word/Excel/PowerPoint and their
# OpenDocument twins, the old binary Office formats (still common in schools).
DOCUMENT_KINDS: dict[str, FileKind] = {
    "pdf": FileKind("application/pdf", _pdf),
    "jpg": FileKind("image/jpeg", _starts(b"\xff\xd8\xff")),
    "jpeg": FileKind("image/jpeg", _starts(b"\xff\xd8\xff")),
    "png": FileKind("image/png", _starts(b"\x89PNG\r\n\x1a\n")),
    "docx": FileKind(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _zip_with("[Content_Types].xml", "word/document.xml"),
    ),
    "xlsx": FileKind(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _zip_with("[Content_Types].xml", "xl/workbook.xml"),
    ),
    "pptx": FileKind(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _zip_with("[Content_Types].xml", "ppt/presentation.xml"),
    ),
    "odt": FileKind(
        "application/vnd.oasis.opendocument.text", _open_document("application/vnd.oasis.opendocument.text")
    ),
    "ods": FileKind(
        "application/vnd.oasis.opendocument.spreadsheet",
        _open_document("application/vnd.oasis.opendocument.spreadsheet"),
    ),
    "doc": FileKind("application/msword", _starts(_OLE)),
    "xls": FileKind("application/vnd.ms-excel", _starts(_OLE)),
}

# What we send files as (uploaded documents, case photos, generated reports); anything else is bytes.
DOWNLOAD_TYPES: dict[str, str] = {
    **{extension: kind.content_type for extension, kind in DOCUMENT_KINDS.items()},
    "gif": "image/gif",
    "webp": "image/webp",
    "zip": "application/zip",
    "csv": "text/csv; charset=utf-8",
}


def allowed_extensions_text() -> str:
    return ", ".join(sorted(DOCUMENT_KINDS))


def extension_of(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def document_error(upload: File | None) -> str | None:
    """Why this upload is not accepted as a document, in the user's language; ``None`` when it is."""
    if upload is None:
        return None
    limit = settings.EVIDENCE_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        return _("The file is too large: at most %(mb)s MB.") % {"mb": limit // 2**20}
    if not upload.size:
        return _("The file is empty.")
    kind = DOCUMENT_KINDS.get(extension_of(upload.name or ""))
    if kind is None:
        return _("This kind of file is not accepted. Allowed: %(extensions)s.") % {
            "extensions": allowed_extensions_text()
        }
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        right = kind.looks_right(upload)
    finally:
        upload.seek(position)
    if not right:
        return _(
            "The file's content does not match its extension «.%(extension)s»: it may be damaged or renamed."
        ) % {"extension": extension_of(upload.name or "")}
    return None


def validate_document(upload: File | None) -> None:
    """A form field validator: the allow-list, the content check and the size limit."""
    error = document_error(upload)
    if error:
        raise ValidationError(error, code="document")


def attachment_response(stored: FieldFile, filename: str | None = None) -> FileResponse:
    """Send a stored file as a download that a browser never renders in the site's origin."""
    name = filename or PurePath(stored.name or "").name
    try:
        handle = stored.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=name)
    response["Content-Type"] = DOWNLOAD_TYPES.get(extension_of(name), "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response

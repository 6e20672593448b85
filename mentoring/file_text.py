"""The text inside a stored file, to look for a name in it: Office files, PDFs, plain text.

Used by the erasure after a consent is withdrawn. A file it cannot read (a scan, a photo) gives "".
"""

from __future__ import annotations

import html
import io
import logging
import re
import zipfile

logger = logging.getLogger(__name__)

ZIP_XML_SUFFIXES = (".xml", ".rels")
TEXT_SUFFIXES = (".txt", ".csv", ".json", ".html", ".htm", ".md", ".xml")
TAG = re.compile(r"<[^>]+>")


def _zip_text(data: bytes) -> str:
    parts = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.filename.endswith(ZIP_XML_SUFFIXES) and info.file_size < 200 * 1024 * 1024:
                xml = archive.read(info).decode("utf-8", errors="ignore")
                # a tag between two letters of a word (Word splits runs) must not split the word
                parts.append(html.unescape(TAG.sub("", xml)))
                parts.append(html.unescape(TAG.sub(" ", xml)))
    return "\n".join(parts)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _decode(data: bytes) -> str:
    for encoding in ("utf-8", "utf-16", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="ignore")


def file_text(name: str, data: bytes) -> str:
    """Everything readable in the file; "" for images and what cannot be parsed."""
    lowered = name.lower()
    try:
        if data[:4] == b"PK\x03\x04":
            return _zip_text(data)
        if data[:5] == b"%PDF-" or lowered.endswith(".pdf"):
            return _pdf_text(data)
        if lowered.endswith(TEXT_SUFFIXES):
            return _decode(data)
    except Exception:  # a damaged upload is not a reason to stop an erasure
        logger.info("Could not read the text of %s", name)
    return ""

"""Folders of files in the default storage, through Django's storage API only.

On one host the default storage is a folder on disk; on several it is a shared volume or S3-compatible
object storage (``S3_BUCKET``), where a «folder» is only a prefix of names and there are no paths to
open, move or remove. Code that keeps a few files together (an uploaded base waiting for confirmation,
``participants/importing.py``) uses these helpers instead of ``pathlib``/``shutil``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import posixpath
from datetime import datetime

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

logger = logging.getLogger(__name__)


def file_name(folder: str, name: str) -> str:
    return posixpath.join(folder, name)


def write(folder: str, name: str, data: bytes) -> str:
    """Store ``data`` as ``folder/name`` (replacing a file of that name)."""
    target = file_name(folder, name)
    if default_storage.exists(target):
        default_storage.delete(target)
    saved = default_storage.save(target, ContentFile(data))
    if saved != target:  # pragma: no cover - a race with another writer of the same unique folder
        raise FileExistsError(target)
    return saved


def read(folder: str, name: str) -> bytes:
    """The bytes of ``folder/name``; FileNotFoundError if there is no such file."""
    target = file_name(folder, name)
    if not default_storage.exists(target):
        raise FileNotFoundError(target)
    with default_storage.open(target, "rb") as handle:
        return handle.read()


def exists(folder: str, name: str) -> bool:
    return default_storage.exists(file_name(folder, name))


def files(folder: str) -> list[str]:
    """The names of the files directly in ``folder`` (none if it does not exist)."""
    try:
        return default_storage.listdir(folder)[1]
    except FileNotFoundError:
        return []


def subfolders(folder: str) -> list[str]:
    try:
        return default_storage.listdir(folder)[0]
    except FileNotFoundError:
        return []


def modified(folder: str) -> datetime | None:
    """When a file of ``folder`` was last written (None for an empty or missing folder)."""
    times = []
    for name in files(folder):
        try:
            times.append(default_storage.get_modified_time(file_name(folder, name)))
        except (FileNotFoundError, NotImplementedError):
            continue
    return max(times) if times else None


def delete(folder: str) -> None:
    """Delete every file of ``folder`` (and the folder itself where the storage has folders)."""
    for name in files(folder):
        try:
            default_storage.delete(file_name(folder, name))
        except FileNotFoundError:
            continue
        except OSError:
            logger.warning("could not delete %s/%s", folder, name, exc_info=True)
    for sub in subfolders(folder):
        delete(file_name(folder, sub))
    # a file system keeps the empty folder: remove it through the storage's own path, if it has one
    try:
        path = default_storage.path(folder)
    except NotImplementedError:
        return
    with contextlib.suppress(OSError):
        os.rmdir(path)


def move(source: str, target: str) -> None:
    """Copy every file of ``source`` to ``target``, then delete ``source``."""
    for name in files(source):
        write(target, name, read(source, name))
    delete(source)

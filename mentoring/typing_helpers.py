"""Names for the type checker that the code also needs at run time.

``StrOrPromise``: a text that is either a ``str`` or a lazy translation (``gettext_lazy``), as class
attributes and dataclass fields holding labels are. django-stubs' own alias lives in ``django_stubs_ext``,
a development dependency, so it is imported for the checker only; at run time the name is ``str``
(annotations are not evaluated).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise
else:
    StrOrPromise = str

__all__ = ["StrOrPromise"]

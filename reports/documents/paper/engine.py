"""Rendering a document template with an organisation's data, and checking a template a school uploads.

The template is the school's own (``DocumentTemplate``) or the team's default built by ``defaults``.
docxtpl renders it in a Jinja sandbox (a template can read the data it is given, call nothing else)
with strict undefined names, so a misspelt field is reported instead of printed empty. The PDF is the
rendered Word file laid out by WeasyPrint through ``docx_html``: the same content in both formats.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ... import writers
from ...models import DocumentTemplate
from . import declension_filters, template_errors
from .docx_html import docx_to_html

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024
NUMBER_SIGN = re.compile(r"№ (?=[\d_A-ZА-ЯЁ])")  # «№ 126-ОД», «№ ____»; not «№ п/п»
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class TemplateProblem(Exception):
    """A template that cannot be rendered; the message (in Russian) says why."""


@dataclass(frozen=True)
class TemplateSpec:
    key: str
    name: str  # the document's name, Russian data like the templates' wording
    build: Callable[[], bytes]
    group: str = "documents"  # "orders" or "documents"
    fields: list[tuple[str, str]] = field(default_factory=list)  # (name in the template, what it holds)


SPECS: dict[str, TemplateSpec] = {}


def register(spec: TemplateSpec) -> TemplateSpec:
    if spec.key in SPECS:
        raise ValueError(f"Template {spec.key!r} is registered twice")
    SPECS[spec.key] = spec
    return spec


def spec_for(key: str) -> TemplateSpec:
    from . import defaults  # noqa: F401  (fills SPECS)

    return SPECS[key]


def all_specs() -> list[TemplateSpec]:
    from . import defaults  # noqa: F401  (fills SPECS)

    return list(SPECS.values())


@lru_cache(maxsize=64)
def default_template(key: str) -> bytes:
    return spec_for(key).build()


def custom_template(organization, key: str) -> DocumentTemplate | None:
    return DocumentTemplate.objects.filter(organization=organization, key=key).first()


def template_for(organization, key: str) -> bytes:
    own = custom_template(organization, key)
    return bytes(own.content) if own is not None else default_template(key)


def _environment():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    environment = ImmutableSandboxedEnvironment(undefined=StrictUndefined)
    environment.filters.update(declension_filters.FILTERS)
    return environment


def render_docx(template: bytes, context: dict[str, Any]) -> bytes:
    """The Word file of a template filled with ``context``; a broken template raises ``TemplateProblem``."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    document = None
    try:
        document = DocxTemplate(io.BytesIO(template))
        document.render(context, jinja_env=_environment(), autoescape=True)
        _keep_numbers_with_their_sign(document.docx)
        buffer = io.BytesIO()
        document.save(buffer)
    except TemplateSyntaxError as error:
        raise TemplateProblem(
            template_errors.syntax_problem(_environment(), _plain_text(document), error.message or "")
        ) from error
    except UndefinedError as error:
        raise TemplateProblem(template_errors.undefined_problem(error.message or "")) from error
    except SecurityError as error:
        raise TemplateProblem(_("The template calls something a document template may not use.")) from error
    except (TypeError, AttributeError) as error:
        raise TemplateProblem(_value_problem(error)) from error
    except TemplateError as error:
        raise TemplateProblem(
            _(
                "The template cannot be filled in: a field or tag in it cannot be computed. Check its fields and tags."
            )
        ) from error
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise TemplateProblem(_("This is not a Word document (.docx).")) from error
    except Exception as error:  # lxml and docx raise many kinds on a damaged file
        raise TemplateProblem(_("The Word file is damaged or not a .docx document.")) from error
    return buffer.getvalue()


def _value_problem(error: Exception) -> str:
    """A Russian explanation of a field used in a way its value does not allow (never Python's English text)."""
    text = str(error)
    if "not iterable" in text:
        return str(
            _("The template cannot be filled in: a {% for %} loop goes over a field that is not a list.")
        )
    if "not callable" in text:
        return str(
            _("The template cannot be filled in: a field is called like a function, but it is not one.")
        )
    if "not subscriptable" in text or "indices must be" in text:
        return str(
            _("The template cannot be filled in: a field is indexed with [...], but it is not a list.")
        )
    return str(
        _(
            "The template cannot be filled in: a field is used in a way its value does not allow. Check its fields and tags."
        )
    )


def _plain_text(document) -> str:
    """The template's text as Jinja sees it, without the Word markup (to find the broken tag)."""
    if document is None:
        return ""
    try:
        xml = document.patch_xml(document.get_xml())
    except Exception:  # any error: only used to name the broken tag
        return ""
    return re.sub(r"<[^>]+>", "", xml)


def _keep_numbers_with_their_sign(word) -> None:
    """«№ 126-ОД» never breaks after «№» (a no-break space), in the text, the tables, headers and footers."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    parts = [word.element.body] + [
        relation.target_part.element
        for relation in word.part.rels.values()
        if relation.reltype in (RT.HEADER, RT.FOOTER)
    ]
    for part in parts:
        for text in part.iter(qn("w:t")):
            if text.text and "№ " in text.text:
                text.text = NUMBER_SIGN.sub("№\u00a0", text.text)


def render(template: bytes, context: dict[str, Any], fmt: str, *, title: str = "") -> bytes:
    """The document as DOCX or as PDF (the same Word content laid out on A4 pages)."""
    content = render_docx(template, context)
    if fmt == "docx":
        return content
    if fmt == "pdf":
        return writers.render_pdf(docx_to_html(content, title=title))
    raise TemplateProblem(_("This document cannot be produced in this format."))


ORDER_REQUIRED = (
    ("order.number", gettext_lazy("the number «{{ order.number }}»")),
    ("order.day", gettext_lazy("the date «{{ order.day }}»")),
    ("ПРИКАЗЫВАЮ", gettext_lazy("the word «ПРИКАЗЫВАЮ»")),
    ("order.points", gettext_lazy("the points «{{ point }}» in «{%p for point in order.points %}»")),
)


def missing_order_fields(content: bytes) -> list[str]:
    """What an order template lacks of what every order carries (its number, date, «ПРИКАЗЫВАЮ», points)."""
    from docxtpl import DocxTemplate

    document = DocxTemplate(io.BytesIO(content))
    document.init_docx()
    text = _plain_text(document)
    squeezed = re.sub(r"\s+", "", text)
    return [str(label) for marker, label in ORDER_REQUIRED if marker.replace(" ", "") not in squeezed]


def check_upload(content: bytes, context: dict[str, Any], *, key: str = "") -> None:
    """A school's template is accepted only if it is a Word file that fills in with the organisation's data."""
    if len(content) > MAX_TEMPLATE_BYTES:
        raise TemplateProblem(_("The template is larger than 5 MB."))
    if not zipfile.is_zipfile(io.BytesIO(content)):
        raise TemplateProblem(
            _("This is not a Word document (.docx). Save the file in Word as .docx and upload it again.")
        )
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        if "word/document.xml" not in archive.namelist():
            raise TemplateProblem(
                _("This is not a Word document (.docx). Save the file in Word as .docx and upload it again.")
            )
        if sum(info.file_size for info in archive.infolist()) > 20 * MAX_TEMPLATE_BYTES:
            raise TemplateProblem(_("The template is larger than 5 MB."))
    render_docx(content, context)
    if key.startswith("order_") and (missing := missing_order_fields(content)):
        raise TemplateProblem(
            _("An order template must carry %(missing)s: the template lacks them.")
            % {"missing": "; ".join(missing)}
        )


GROUP_LABELS = {"orders": gettext_lazy("Orders"), "documents": gettext_lazy("Documents")}

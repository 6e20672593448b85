"""An order (приказ) record rendered as a file: the PDF to print and the Word document to edit.

Both come from the same record and the same template (the school's own or the default), through the
one registry and the job machinery like every report. A draft is rendered at each download; a signed
order gives the copies kept when it was signed (``orders.services.order_freeze``). Producing a file never
changes the order: the pairs and plans it fixes were marked when it was created.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mentoring.models import Role
from mentoring.typing_helpers import model_choice_field

from ..documents.context import order_context
from ..documents.paper import engine
from ..models import Order
from ..registry import (
    DOCX,
    PDF,
    GeneratedFile,
    Report,
    ReportContext,
    ReportError,
    ReportOptionsForm,
    registry,
)


class _OrderChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Order) -> str:
        return f"№ {obj.number} от {obj.day:%d.%m.%Y} — {obj.title}"


class OrderOptionsForm(ReportOptionsForm):
    order = _OrderChoiceField(label=_("Order"), queryset=Order.objects.none())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "order").queryset = Order.objects.filter(programme=self.scope.programme).order_by(
            "-day", "-pk"
        )


def order_filename(order: Order, fmt: str) -> str:
    number = "".join(char if char.isalnum() or char in "-_" else "_" for char in order.number)
    return f"prikaz_{number}_{order.day:%Y-%m-%d}.{fmt}"


def render_order(order: Order, fmt: str) -> bytes:
    template = engine.template_for(order.organization, f"order_{order.kind}")
    try:
        return engine.render(template, order_context(order), fmt, title=order.title)
    except engine.TemplateProblem as problem:
        raise ReportError(
            gettext("The organisation's template of this order cannot be used: %(problem)s")
            % {"problem": problem}
        ) from problem


@registry.register
class OrderReport(Report):
    identifier = "order"
    theme = "orders"
    name = _("An order from the register of orders")
    description = _(
        "Any order of the «Orders» page as a PDF to print or a Word document to edit: the same record, the same "
        "text. Producing a file changes nothing in the order or in the pairs and plans it fixes."
    )
    roles = frozenset({Role.ADMINISTRATOR, Role.CURATOR})
    formats = (PDF, DOCX)
    contains_personal_data = True
    options_form = OrderOptionsForm

    def generate(self, context: ReportContext, fmt: str) -> GeneratedFile:
        if fmt not in self.formats:
            raise ReportError(gettext("This report cannot be produced in this format."))
        order_id = context.options.get("order")
        order = (
            None
            if order_id is None
            else Order.objects.filter(programme=context.scope.programme, pk=order_id)
            .select_related(
                "organization",
                "programme__academic_year",
                "programme__organization",
                "responsible",
                "cancels",
            )
            .first()
        )
        if order is None:
            raise ReportError(gettext("This order no longer exists."))
        if order.signed:
            # what the director signed: the copy kept at the signing, the same bytes at every download
            from .services import OrderError, order_signed_file

            context.progress(30, gettext("Reading the order as it was signed"))
            try:
                content = order_signed_file(order=order, fmt=fmt)
            except OrderError as error:
                raise ReportError(str(error)) from error
        else:
            context.progress(30, gettext("Collecting the data of the order"))
            content = render_order(order, fmt)
        context.progress(90, gettext("The file is written"))
        return GeneratedFile(filename=order_filename(order, fmt), content=content)

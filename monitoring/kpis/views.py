"""Pages of the KPI theme: the programme and municipal dashboards, indicators, yearly targets, settings,
the information campaign log and the SWOT board. Thin: forms, services and selectors do the work."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentoring.access import Privacy, Scope, ScopedRequest, organization_view
from mentoring.kept_pages import kept_page
from mentoring.selectors import children_without_programme

from ..models import Indicator, IndicatorTarget, InformationActivity, SwotItem
from ..selectors import inherited_band, settings_for
from . import calc, selectors, services
from .forms import (
    ActivityFilterForm,
    ActivityForm,
    IndicatorForm,
    SettingsForm,
    SwotItemForm,
    TargetsForm,
)
from .services import KpiError


def _url(scope: Scope, name: str, **kwargs: Any) -> str:
    return reverse(f"monitoring:{name}", kwargs={**scope.url_kwargs, **kwargs})


def _refuse_readers(request: ScopedRequest) -> None:
    """Pages everyone reads but only curators and administrators change."""
    if request.method == "POST" and not request.scope.access.can_manage:
        raise PermissionDenied


def _form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- Dashboards -------------------------------------------------------------------------------------


def _chart(value: selectors.KpiValue, points: list[selectors.SeriesPoint]) -> dict:
    def rounded(number):
        return None if number is None else round(number, 1)

    return {
        "labels": [point.taken_on.strftime("%d.%m.%Y") for point in points],
        "values": [rounded(point.value) for point in points],
        "targets": [rounded(point.target) for point in points],
        "valueLabel": _("Value"),
        "targetLabel": _("Target"),
        "percent": value.is_percent,
    }


@organization_view(privacy=Privacy.AGGREGATE)
@kept_page
def dashboard(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    if scope.organization.is_region:
        # 1,500 organisations do not fit one table: the region's console adds them up by municipality
        return redirect(reverse("reports:console", kwargs=scope.url_kwargs))
    if scope.organization.is_oversight_body:
        return _municipal(request)
    programme = scope.programme
    values = selectors.kpi_values([programme])[programme.pk]
    series = selectors.kpi_series(programme)
    cards: list[dict[str, Any]] = []
    for value in values:
        points = series.get(value.indicator.pk, [])
        cards.append(
            {
                "kpi": value,
                "points": points,
                "chart": _chart(value, points),
                "chart_id": f"kpi-chart-{value.indicator.pk}",
            }
        )
    counts = {
        light: sum(1 for card in cards if card["kpi"].light == light) for light in selectors.LIGHT_LABELS
    }
    behind = request.GET.get("status") == "behind"
    if behind:  # the start page's «Показатели ниже цели»: only the KPIs behind their target
        cards = [card for card in cards if card["kpi"].light == calc.RED]
    return render(
        request,
        "monitoring/kpis/dashboard.html",
        {"cards": cards, "counts": counts, "today": timezone.localdate(), "behind": behind},
    )


def _municipal(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    programmes = selectors.child_programmes_of(scope.organization.pk, scope.programme.academic_year_id)
    table = selectors.municipal_table(programmes, stored=True, body=scope.programme)
    return render(
        request,
        "monitoring/kpis/municipal.html",
        {"table": table, "missing": children_without_programme(scope)},
    )


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
@require_POST
def snapshot_take(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    if scope.organization.is_oversight_body:
        programmes = selectors.child_programmes_of(scope.organization.pk, scope.programme.academic_year_id)
    else:
        programmes = [scope.programme]
    services.snapshots_take(programmes=programmes, taken_on=timezone.localdate(), actor=request.user)
    messages.success(request, _("The snapshot of today's values is saved."))
    return redirect(_url(scope, "dashboard"))


# --- Indicators -------------------------------------------------------------------------------------


@organization_view(privacy=Privacy.AGGREGATE)
def indicators(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    found = [
        selectors.IndicatorRow(indicator, selectors.formula(indicator))
        for indicator in selectors.indicators_for_organizations([scope.organization.pk], active_only=False)
    ]
    return render(
        request,
        "monitoring/kpis/indicators.html",
        {
            "shared": [row for row in found if row.indicator.organization_id is None],
            "own": [row for row in found if row.indicator.organization_id is not None],
        },
    )


def _indicator_form_page(request: ScopedRequest, found: Indicator | None) -> HttpResponse:
    scope = request.scope
    form = IndicatorForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.INDICATOR_FIELDS}
        try:
            services.indicator_save(
                actor=request.user, organization=scope.organization, indicator=found, **data
            )
        except ValidationError as error:
            _form_errors(form, error)
        except KpiError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The indicator is saved."))
            return redirect(_url(scope, "indicators"))
    status = 400 if request.method == "POST" else 200
    return render(
        request, "monitoring/kpis/indicator_form.html", {"form": form, "indicator": found}, status=status
    )


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
def indicator_new(request: ScopedRequest) -> HttpResponse:
    return _indicator_form_page(request, None)


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
def indicator_edit(request: ScopedRequest, indicator: int) -> HttpResponse:
    found = get_object_or_404(Indicator, organization=request.scope.organization, pk=indicator)
    return _indicator_form_page(request, found)


# --- Targets ----------------------------------------------------------------------------------------


@organization_view(privacy=Privacy.AGGREGATE)
def targets(request: ScopedRequest) -> HttpResponse:
    _refuse_readers(request)
    scope = request.scope
    values = selectors.kpi_values([scope.programme])[scope.programme.pk]
    form = TargetsForm(request.POST or None, values=values)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.targets_save(
                actor=request.user, programme=scope.programme, values=form.values()
            )
        except KpiError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Targets saved: %(n)s changed.") % {"n": changed})
            return redirect(_url(scope, "targets"))
    rows, source = services.roadmap_kpi_rows(scope.programme)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "monitoring/kpis/targets.html",
        {
            "form": form,
            "roadmap_rows": rows,
            "roadmap_source": source,
            "sources": dict(IndicatorTarget.Source.choices),
        },
        status=status,
    )


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
@require_POST
def targets_roadmap(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    try:
        result = services.targets_from_roadmap(actor=request.user, programme=scope.programme)
    except KpiError as error:
        messages.error(request, str(error))
        return redirect(_url(scope, "targets"))
    if result.matched:
        messages.success(
            request,
            _("Taken from the roadmap (%(year)s): %(list)s.")
            % {
                "year": result.source_year,
                "list": "; ".join(
                    f"{m.indicator.name} — {m.value.normalize():f} ({m.year})" for m in result.matched
                ),
            },
        )
    else:
        messages.warning(request, _("No indicator matched a row of the roadmap's KPI table."))
    if result.unused_rows:
        messages.info(
            request,
            _("Rows of the roadmap that no indicator took: %(list)s. Set their words on an indicator.")
            % {"list": "; ".join(result.unused_rows)},
        )
    if result.unmatched_indicators:
        messages.info(
            request,
            _("Indicators without a row in the roadmap (their targets are unchanged): %(list)s.")
            % {"list": "; ".join(i.name for i in result.unmatched_indicators)},
        )
    return redirect(_url(scope, "targets"))


# --- Settings ---------------------------------------------------------------------------------------


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
def settings(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    current = settings_for(scope.organization)
    form = SettingsForm(request.POST or None, instance=current, inherited=inherited_band(scope.organization))
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.SETTINGS_FIELDS}
        try:
            services.settings_save(actor=request.user, organization=scope.organization, **data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The settings are saved."))
            return redirect(_url(scope, "settings"))
    status = 400 if request.method == "POST" else 200
    return render(request, "monitoring/kpis/settings.html", {"form": form}, status=status)


# --- Information campaign ---------------------------------------------------------------------------


@organization_view(privacy=Privacy.AGGREGATE)
def activities(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    filter_form = ActivityFilterForm(request.GET or None)
    kind = filter_form.cleaned_data["kind"] if filter_form.is_valid() else ""
    queryset = InformationActivity.objects.filter(programme=scope.programme).order_by("-date", "-pk")
    listed = list(queryset.filter(kind=kind) if kind else queryset)
    totals = selectors.activity_totals(scope.programme)
    return render(
        request,
        "monitoring/kpis/activities.html",
        {"filter_form": filter_form, "kind": kind, "activities": listed, "totals": totals},
    )


def _activity_form_page(request: ScopedRequest, found: InformationActivity | None) -> HttpResponse:
    scope = request.scope
    form = ActivityForm(request.POST or None, instance=found, programme=scope.programme)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.ACTIVITY_FIELDS}
        try:
            services.activity_save(actor=request.user, programme=scope.programme, activity=found, **data)
        except ValidationError as error:
            _form_errors(form, error)
        except KpiError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The entry is saved."))
            return redirect(_url(scope, "activities"))
    status = 400 if request.method == "POST" else 200
    return render(
        request, "monitoring/kpis/activity_form.html", {"form": form, "activity": found}, status=status
    )


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
def activity_new(request: ScopedRequest) -> HttpResponse:
    return _activity_form_page(request, None)


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
def activity_edit(request: ScopedRequest, activity: int) -> HttpResponse:
    found = get_object_or_404(InformationActivity, programme=request.scope.programme, pk=activity)
    return _activity_form_page(request, found)


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
@require_POST
def activity_delete(request: ScopedRequest, activity: int) -> HttpResponse:
    found = get_object_or_404(InformationActivity, programme=request.scope.programme, pk=activity)
    services.activity_delete(actor=request.user, activity=found)
    messages.success(request, _("The entry is deleted."))
    return redirect(_url(request.scope, "activities"))


# --- SWOT -------------------------------------------------------------------------------------------


def _swot_context(request: ScopedRequest, add_form: SwotItemForm | None = None) -> dict:
    scope = request.scope
    items = list(SwotItem.objects.filter(programme=scope.programme).order_by("position", "pk"))
    quadrants = []
    for key, label in SwotItem.Quadrant.choices:
        quadrants.append(
            {
                "key": key,
                "label": label,
                "items": [item for item in items if item.quadrant == key],
                "form": add_form
                if add_form is not None and add_form.data.get("quadrant") == key
                else SwotItemForm(initial={"quadrant": key}),
            }
        )
    return {"quadrants": quadrants, "can_manage": scope.access.can_manage}


def _swot_response(request: ScopedRequest, add_form: SwotItemForm | None = None, status: int = 200):
    """The board, whole or (for htmx) just its quadrants."""
    template = "monitoring/kpis/includes/swot_board.html" if request.htmx else "monitoring/kpis/swot.html"
    return render(request, template, _swot_context(request, add_form), status=status)


@organization_view(privacy=Privacy.AGGREGATE)
def swot(request: ScopedRequest) -> HttpResponse:
    return _swot_response(request)


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
@require_POST
def swot_add(request: ScopedRequest) -> HttpResponse:
    form = SwotItemForm(request.POST)
    if form.is_valid():
        try:
            services.swot_item_add(actor=request.user, programme=request.scope.programme, **form.cleaned_data)
        except (KpiError, ValidationError) as error:
            form.add_error("text", error.messages if isinstance(error, ValidationError) else str(error))
        else:
            if not request.htmx:
                messages.success(request, _("The item is added."))
                return redirect(_url(request.scope, "swot"))
            return _swot_response(request)
    return _swot_response(request, add_form=form, status=400)


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
def swot_edit(request: ScopedRequest, swot_item: int) -> HttpResponse:
    scope = request.scope
    item = get_object_or_404(SwotItem, programme=scope.programme, pk=swot_item)
    form = SwotItemForm(request.POST or None, initial={"quadrant": item.quadrant, "text": item.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.swot_item_update(actor=request.user, item=item, **form.cleaned_data)
        except (KpiError, ValidationError) as error:
            form.add_error("text", error.messages if isinstance(error, ValidationError) else str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect(_url(scope, "swot"))
    status = 400 if request.method == "POST" else 200
    return render(request, "monitoring/kpis/swot_edit.html", {"form": form, "item": item}, status=status)


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
@require_POST
def swot_delete(request: ScopedRequest, swot_item: int) -> HttpResponse:
    item = get_object_or_404(SwotItem, programme=request.scope.programme, pk=swot_item)
    services.swot_item_delete(actor=request.user, item=item)
    if request.htmx:
        return _swot_response(request)
    messages.success(request, _("The item is deleted."))
    return redirect(_url(request.scope, "swot"))


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
@require_POST
def swot_move(request: ScopedRequest, swot_item: int) -> HttpResponse:
    item = get_object_or_404(SwotItem, programme=request.scope.programme, pk=swot_item)
    try:
        services.swot_item_move(actor=request.user, item=item, direction=request.POST.get("direction", ""))
    except KpiError as error:
        if request.htmx:
            return HttpResponse(str(error), status=400)
        messages.error(request, str(error))
    if request.htmx:
        return _swot_response(request)
    return redirect(_url(request.scope, "swot"))

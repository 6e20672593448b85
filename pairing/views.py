"""Pages of pairs and groups: the list (a mentor sees their own), a pair's card, create, edit, close."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from mentoring.access import OVERSIGHT_ROLES, Privacy, Scope, ScopedRequest, organization_view
from mentoring.auditing import audit_page_read
from mentoring.kept_pages import kept_page
from mentoring.models import Role
from mentoring.sorting import sorting
from mentoring.trash import undo_remember, undo_take

from . import selectors, services
from .forms import BulkCloseForm, CloseForm, GroupFilterForm, GroupForm
from .models import GroupMember, MentoringGroup
from .services import PairingError

READERS = {Role.ADMINISTRATOR, Role.CURATOR, Role.PSYCHOLOGIST, *OVERSIGHT_ROLES}
# ?sort= keys of the list of pairs
PAIR_SORTS = {
    "created": ("created_at",),
    "start": ("start_date",),
    "status": ("status", "-created_at"),
    "meeting": ("last_meeting",),
}
PAIR_SORT_LABELS = {
    "created": gettext_lazy("Formed"),
    "start": gettext_lazy("Start date"),
    "status": gettext_lazy("Status"),
    "meeting": gettext_lazy("Last meeting"),
}


def _url(scope: Scope, name: str, **kwargs: Any) -> str:
    return reverse(f"pairing:{name}", kwargs={**scope.url_kwargs, **kwargs})


def _own_only(scope: Scope) -> bool:
    """A member who only mentors sees just the pairs they are in."""
    return not scope.access.has_any(READERS)


@organization_view(privacy=Privacy.PERSONAL)
@kept_page
def index(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    own = _own_only(scope)
    form = GroupFilterForm(request.GET or None, programme=scope.programme)
    filters = form.filters()
    order = sorting(request.GET, PAIR_SORTS, "-created")
    if own or filters.active:
        queryset = selectors.groups(
            scope.programme, filters, user=request.user if own else None, with_members=False
        ).order_by(*order.order_by)
        page = Paginator(queryset, selectors.PAGE_GROUPS).get_page(request.GET.get("page"))
    else:  # the whole list of the year: its queries compiled once per process
        whole = selectors.whole_list(scope.programme, order.order_by)
        page = Paginator(whole, selectors.PAGE_GROUPS).get_page(request.GET.get("page"))  # type: ignore[arg-type]
    cards = selectors.group_cards(list(page.object_list), scope.programme.organization_id)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter_form": form,
        "filters": filters,
        "page": page,
        "cards": cards,
        "query": query.urlencode(),
        "own": own,
        "sorting": order,
        "bulk": scope.access.can_manage and not own,
        "sort_labels": list(PAIR_SORT_LABELS.items()),
        "counts": None if own or scope.access.read_only else selectors.unpaired_counts(scope.programme),
    }
    return render(request, "pairing/index.html", context)


def _group_or_404(request: ScopedRequest, group: int) -> MentoringGroup:
    scope = request.scope
    found = selectors.group_detail(scope.programme, group)
    if found is None:
        raise Http404
    if _own_only(scope) and not any(
        member.person.user_id == request.user.pk for member in found.members.all()
    ):
        raise Http404
    return found


@organization_view(privacy=Privacy.PERSONAL)
def detail(request: ScopedRequest, group: int) -> HttpResponse:
    found = _group_or_404(request, group)
    audit_page_read(request, "pairing.MentoringGroup", found.pk, [m.person_id for m in found.members.all()])
    context = {
        "group": found,
        "mentors": [m.person for m in found.members.all() if m.role == GroupMember.Role.MENTOR],
        "mentees": [m.person for m in found.members.all() if m.role == GroupMember.Role.MENTEE],
        "close_form": (
            CloseForm(programme=request.scope.programme) if request.scope.access.can_manage and found.is_open else None
        ),
    }
    return render(request, "pairing/detail.html", context)


def _group_form_page(
    request: ScopedRequest, found: MentoringGroup | None, initial: dict | None = None
) -> HttpResponse:
    """Create a pair (``found`` is None) or change one; the service's refusal is shown on the form."""
    scope = request.scope
    form = GroupForm(request.POST or None, programme=scope.programme, group=found, initial=initial or {})
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "mentors": list(form.cleaned_data["mentors"])}
        data["mentees"] = list(data["mentees"])
        try:
            if found is None:
                found = services.group_create(actor=request.user, programme=scope.programme, **data)
                messages.success(request, _("The pair is formed."))
            else:
                services.group_update(actor=request.user, group=found, **data)
                messages.success(request, _("Saved."))
        except PairingError as error:
            form.add_error(None, str(error))
        else:
            return redirect(_url(scope, "detail", group=found.pk))
    status = 400 if request.method == "POST" else 200
    return render(request, "pairing/form.html", {"form": form, "group": found}, status=status)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def candidates(request: ScopedRequest) -> JsonResponse:
    """The pair form's options for the chosen form of mentoring (the searchable selects reload them):
    the kinds of people the form allows, mentors' free places, mentees already in a pair of it."""
    scope = request.scope
    allowed = {form.pk: form for form in services.forms_for(scope.programme)}
    try:
        chosen = allowed[int(request.GET.get("form", ""))]
    except (KeyError, ValueError):
        return JsonResponse({"error": _("Choose a form of mentoring.")}, status=400)
    exclude = request.GET.get("group", "")
    found = selectors.pair_form_candidates(
        scope.programme, chosen, exclude_group=int(exclude) if exclude.isdigit() else None
    )
    return JsonResponse(
        {
            "mentors": [option.as_json() for option in found.mentors],
            "mentees": [option.as_json() for option in found.mentees],
        }
    )


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def create(request: ScopedRequest) -> HttpResponse:
    return _group_form_page(request, None)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def edit(request: ScopedRequest, group: int) -> HttpResponse:
    found = get_object_or_404(MentoringGroup, programme=request.scope.programme, pk=group)
    members = list(found.members.all())
    initial = {
        "form": found.form_id,
        "role_model": found.role_model_id,
        "mentors": [m.person_id for m in members if m.role == GroupMember.Role.MENTOR],
        "mentees": [m.person_id for m in members if m.role == GroupMember.Role.MENTEE],
        "start_date": found.start_date,
        "planned_end_date": found.planned_end_date,
        "status": found.status,
    }
    return _group_form_page(request, found, initial)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def close(request: ScopedRequest, group: int) -> HttpResponse:
    scope = request.scope
    found = get_object_or_404(MentoringGroup, programme=scope.programme, pk=group)
    form = CloseForm(request.POST or None, programme=scope.programme)
    if request.method == "POST" and form.is_valid():
        try:
            services.group_close(actor=request.user, group=found, **form.cleaned_data)
        except PairingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The pair is closed."))
            return redirect(_url(scope, "detail", group=found.pk))
    status = 400 if request.method == "POST" else 200
    return render(request, "pairing/close.html", {"form": form, "group": found}, status=status)


# --- Bulk work on the list --------------------------------------------------------------------------


def _ticked_groups(scope: Scope, values: list[str]) -> list[MentoringGroup]:
    """The ticked pairs of this year; a pair of another school or year (or a made-up id) is 404."""
    try:
        ids = {int(value) for value in values}
    except ValueError as error:
        raise Http404 from error
    found = list(
        MentoringGroup.objects.filter(programme=scope.programme, pk__in=ids)
        .select_related("form", "programme__organization")
        .prefetch_related("members__person")
        .order_by("pk")
    )
    if len(found) != len(ids):
        raise Http404
    return found


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def groups_bulk(request: ScopedRequest) -> HttpResponse:
    """The action bar of the list: close the ticked pairs (a page asks the result), or fix them by an order."""
    scope = request.scope
    groups = _ticked_groups(scope, request.POST.getlist("group"))
    if not groups:
        messages.error(request, _("Tick at least one pair in the list."))
        return redirect(_url(scope, "index"))
    ids = "&".join(f"group={group.pk}" for group in groups)
    action = request.POST.get("action", "")
    if action == "order":
        order_url = reverse("reports:order_new", kwargs={**scope.url_kwargs, "order_kind": "pairing"})
        return redirect(f"{order_url}?{ids}")
    if action == "close":
        return redirect(f"{_url(scope, 'close_several')}?{ids}")
    messages.error(request, _("Choose what to do with the ticked pairs."))
    return redirect(_url(scope, "index"))


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def close_several(request: ScopedRequest) -> HttpResponse:
    """Close the ticked pairs with one result, date and reason; «Отменить» for a few minutes after."""
    scope = request.scope
    source = request.POST if request.method == "POST" else request.GET
    groups = _ticked_groups(scope, source.getlist("group"))
    form = BulkCloseForm(request.POST or None, programme=scope.programme)
    if request.method == "POST" and form.is_valid():
        try:
            before = services.groups_close(
                actor=request.user, programme=scope.programme, groups=groups, **form.cleaned_data
            )
        except PairingError as error:
            form.add_error(None, str(error))
        else:
            undo_remember(
                request, url=_url(scope, "undo_close"), label=_("closing"), data={"before": before}
            )
            messages.success(
                request,
                ngettext("%(count)d pair is closed.", "%(count)d pairs are closed.", len(before))
                % {"count": len(before)},
                extra_tags="undo",
            )
            return redirect(_url(scope, "index"))
    status = 400 if request.method == "POST" else 200
    return render(request, "pairing/close_several.html", {"form": form, "groups": groups}, status=status)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def undo_close(request: ScopedRequest) -> HttpResponse:
    """«Отменить» after closing pairs: they are open again as they were."""
    scope = request.scope
    undo = undo_take(request, request.path)
    if undo is None:
        messages.error(request, _("The closing can no longer be undone: open the pairs one by one."))
        return redirect(_url(scope, "index"))
    try:
        count = services.groups_reopen(actor=request.user, programme=scope.programme, before=undo.data["before"])
    except (PairingError, KeyError, TypeError, ValueError) as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            ngettext("%(count)d pair is open again.", "%(count)d pairs are open again.", count) % {"count": count},
        )
    return redirect(_url(scope, "index"))

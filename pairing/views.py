"""Pages of pairs and groups: the list (a mentor sees their own), a pair's card, create, edit, close."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from mentoring.access import OVERSIGHT_ROLES, Privacy, Scope, ScopedRequest, organization_view
from mentoring.auditing import audit_page_read
from mentoring.models import Role

from . import selectors, services
from .forms import CloseForm, GroupFilterForm, GroupForm
from .models import GroupMember, MentoringGroup
from .services import PairingError

READERS = {Role.ADMINISTRATOR, Role.CURATOR, Role.PSYCHOLOGIST, *OVERSIGHT_ROLES}


def _url(scope: Scope, name: str, **kwargs) -> str:
    return reverse(f"pairing:{name}", kwargs={**scope.url_kwargs, **kwargs})


def _own_only(scope: Scope) -> bool:
    """A member who only mentors sees just the pairs they are in."""
    return not scope.access.has_any(READERS)


@organization_view(privacy=Privacy.PERSONAL)
def index(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    own = _own_only(scope)
    form = GroupFilterForm(request.GET or None, programme=scope.programme)
    filters = form.filters()
    queryset = selectors.groups(
        scope.programme, filters, user=request.user if own else None, with_members=False
    )
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    page.object_list = selectors.member_lines(list(page.object_list))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter_form": form,
        "filters": filters,
        "page": page,
        "query": query.urlencode(),
        "own": own,
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
        "close_form": CloseForm() if request.scope.access.can_manage and found.is_open else None,
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
    form = CloseForm(request.POST or None)
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

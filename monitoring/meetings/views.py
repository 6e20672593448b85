"""Pages of the meeting diary: log a meeting from a phone, edit or delete it, a pair's diary, and the
curator's overview of every pair's last meeting."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentoring.access import Privacy, ScopedRequest, organization_view
from mentoring.auditing import audit_page_read
from mentoring.models import Role
from mentoring.sorting import sorting
from pairing.models import GroupMember

from ..models import Meeting
from ..plans import selectors as plan_selectors
from ..plans.views import READERS, PairAccess, editable_pair, pair_access, url
from ..selectors import settings_for
from . import selectors as meeting_selectors
from . import services as meeting_services
from .forms import MeetingForm
from .services import MeetingData, MeetingError

# ?sort= keys of the list of pairs' meetings («Дней без встреч» ascending: the most recent first)
MEETINGS_PAGE_SIZE = 50  # pairs per page, as the list of pairs and the bases

MEETING_SORTS = {
    "meeting": ("last_meeting",),
    "count": ("meetings_count",),
    "days": ("-silent_since",),
}


def _meeting_form(
    request: HttpRequest, access: PairAccess, *, initial: dict, also_tasks: list[int]
) -> MeetingForm:
    group = access.group
    return MeetingForm(
        request.POST or None,
        initial=initial,
        today=timezone.localdate(),
        mentees=meeting_selectors.consenting_mentees(group),
        tasks=plan_selectors.open_tasks(group, also=also_tasks).select_related("plan"),
    )


def _data(cleaned: dict) -> MeetingData:
    return MeetingData(
        date=cleaned["date"],
        kind=cleaned["kind"],
        format=cleaned["format"],
        duration_minutes=cleaned["duration_minutes"],
        topic=cleaned["topic"],
        what_was_done=cleaned["what_was_done"],
        agreements=cleaned["agreements"],
        needs_psychologist=cleaned["needs_psychologist"],
        psychologist_reason=cleaned["psychologist_reason"],
    )


def _form_page(
    request: HttpRequest, access: PairAccess, form: MeetingForm, meeting: Meeting | None, status: int
):
    context = {"form": form, "group": access.group, "pair": access, "meeting": meeting}
    return render(request, "monitoring/meetings/meeting_form.html", context, status=status)


@organization_view(privacy=Privacy.PERSONAL)
def meeting_new(request: ScopedRequest, group: int) -> HttpResponse:
    scope = request.scope
    access = editable_pair(request, group)
    today = timezone.localdate()
    initial = {
        **meeting_selectors.meeting_initial(access.group, today),
        "attendees": [person.pk for person in meeting_selectors.consenting_mentees(access.group)],
        "client_token": uuid.uuid4(),
    }
    form = _meeting_form(request, access, initial=initial, also_tasks=[])
    if request.method == "POST" and form.is_valid():
        cleaned = form.cleaned_data
        try:
            meeting, created = meeting_services.meeting_log(
                actor=request.user,
                group=access.group,
                data=_data(cleaned),
                attendees=list(cleaned["attendees"]),
                plan_tasks=list(cleaned["plan_tasks"]),
                close_tasks=cleaned["close_tasks"],
                client_token=cleaned["client_token"],
                today=today,
            )
        except MeetingError as error:
            form.add_error(None, str(error))
        else:
            if created:
                messages.success(request, _("The meeting is logged."))
            else:
                messages.info(request, _("This meeting was already logged."))
            return redirect(url(scope, "diary", group=access.group.pk))
    status = 400 if request.method == "POST" else 200
    return _form_page(request, access, form, None, status)


def _meeting_or_404(access: PairAccess, meeting: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.select_related("group__programme__academic_year"), group=access.group, pk=meeting
    )


@organization_view(privacy=Privacy.PERSONAL)
def meeting_edit(request: ScopedRequest, group: int, meeting: int) -> HttpResponse:
    scope = request.scope
    access = editable_pair(request, group)
    found = _meeting_or_404(access, meeting)
    linked = list(found.plan_tasks.values_list("pk", flat=True))
    initial = {
        "date": found.date,
        "kind": found.kind,
        "format": found.format,
        "duration_minutes": found.duration_minutes,
        "topic": found.topic,
        "what_was_done": found.what_was_done,
        "agreements": found.agreements,
        "needs_psychologist": found.needs_psychologist,
        "psychologist_reason": found.psychologist_reason,
        "attendees": list(found.attendees.values_list("pk", flat=True)),
        "plan_tasks": linked,
        "close_tasks": False,
    }
    form = _meeting_form(request, access, initial=initial, also_tasks=linked)
    if request.method == "POST" and form.is_valid():
        cleaned = form.cleaned_data
        try:
            meeting_services.meeting_update(
                actor=request.user,
                meeting=found,
                data=_data(cleaned),
                attendees=list(cleaned["attendees"]),
                plan_tasks=list(cleaned["plan_tasks"]),
                close_tasks=cleaned["close_tasks"],
                today=timezone.localdate(),
            )
        except MeetingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect(url(scope, "diary", group=access.group.pk) + f"#meeting-{found.pk}")
    status = 400 if request.method == "POST" else 200
    return _form_page(request, access, form, found, status)


@organization_view(privacy=Privacy.PERSONAL)
@require_POST
def meeting_delete(request: ScopedRequest, group: int, meeting: int) -> HttpResponse:
    access = editable_pair(request, group)
    found = _meeting_or_404(access, meeting)
    meeting_services.meeting_delete(actor=request.user, meeting=found)
    messages.success(request, _("The meeting is deleted from the diary."))
    return redirect(url(request.scope, "diary", group=access.group.pk))


FLAG_REVIEWERS = frozenset({Role.ADMINISTRATOR, Role.CURATOR, Role.PSYCHOLOGIST})


@organization_view(roles=FLAG_REVIEWERS, privacy=Privacy.PERSONAL)
@require_POST
def meeting_flag_resolve(request: ScopedRequest, group: int, meeting: int) -> HttpResponse:
    """«Отметить как рассмотренное»: the psychologist (or a curator) has seen the mentor's request."""
    if request.scope.access.read_only:
        raise PermissionDenied
    access = pair_access(request, group)
    found = _meeting_or_404(access, meeting)
    if meeting_services.meeting_flag_resolve(actor=request.user, meeting=found):
        messages.success(request, _("The request is marked as reviewed."))
    else:
        messages.info(request, _("This request was already reviewed."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = url(request.scope, "diary", group=access.group.pk) + f"#meeting-{found.pk}"
    return redirect(target)


@organization_view(privacy=Privacy.PERSONAL)
def diary(request: ScopedRequest, group: int) -> HttpResponse:
    access = pair_access(request, group)
    entries = meeting_selectors.diary(access.group)
    people = [member.person_id for member in access.group.members.all()]
    audit_page_read(
        request,
        "pairing.MentoringGroup",
        access.group.pk,
        people,
        label=_("Meeting diary of pair № %(id)s") % {"id": access.group.pk},
    )
    context = {
        "group": access.group,
        "pair": access,
        "meetings": entries,
        "mentees": meeting_selectors.mentees_of(access.group),
        "total_minutes": sum(entry.duration_minutes or 0 for entry in entries),
        "may_review": not request.scope.access.read_only and request.scope.access.has_any(FLAG_REVIEWERS),
    }
    return render(request, "monitoring/meetings/diary.html", context)


@organization_view(roles=READERS, privacy=Privacy.PERSONAL)
def meetings(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    today = timezone.localdate()
    stale_days = settings_for(scope.organization).stale_pair_days
    only_requests = request.GET.get("requests") == "1"
    only_stale = request.GET.get("stale") == "1" and not only_requests
    query = request.GET.get("q", "")[:100]
    words = query.lower().replace("ё", "е").split()[:5]
    order = sorting(request.GET, MEETING_SORTS, "-days")
    if only_stale or only_requests or words:
        queryset = meeting_selectors.pairs_overview(
            scope.programme,
            today=today,
            stale_days=stale_days,
            only_stale=only_stale,
            only_requests=only_requests,
        )
        for word in words:
            queryset = queryset.filter(
                pk__in=GroupMember.objects.filter(person__search_text__contains=word).values("group_id")
            )
        queryset = queryset.order_by(*order.order_by)
        page = Paginator(queryset, MEETINGS_PAGE_SIZE).get_page(request.GET.get("page"))
    else:  # the whole list of the year: its queries compiled once per process
        whole = meeting_selectors.whole_overview(scope.programme, order.order_by)
        page = Paginator(whole, MEETINGS_PAGE_SIZE).get_page(request.GET.get("page"))  # type: ignore[arg-type]
    groups = list(page)
    lines = meeting_selectors.overview_lines([group.pk for group in groups])
    rows = []
    for group in groups:
        days = meeting_selectors.days_since(group, today)
        mentors, mentees = lines[group.pk]
        rows.append(
            {
                "group": group,
                "mentors": mentors,
                "mentees": mentees,
                "days": days,
                "stale": days is not None and days >= stale_days,
            }
        )
    # the page links keep the search, the order and the «without meetings» filter; the two filter
    # buttons keep the search and the order
    kept = request.GET.copy()
    kept.pop("page", None)
    unfiltered = kept.copy()
    unfiltered.pop("stale", None)
    unfiltered.pop("requests", None)
    stale, requests = unfiltered.copy(), unfiltered.copy()
    stale["stale"] = "1"
    requests["requests"] = "1"
    context = {
        "rows": rows,
        "page": page,
        "stale_days": stale_days,
        "only_stale": only_stale,
        "only_requests": only_requests,
        "today": today,
        "query": query,
        "page_query": kept.urlencode(),
        "all_query": unfiltered.urlencode(),
        "stale_query": stale.urlencode(),
        "requests_query": requests.urlencode(),
        "sorting": order,
    }
    return render(request, "monitoring/meetings/meetings.html", context)

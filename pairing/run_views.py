"""Matching runs: set up a run, follow it, read the proposals, swap a mentor, accept, lock and re-run."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentoring.access import Privacy, Scope, ScopedRequest, organization_view
from mentoring.auditing import audit_page_read
from participants.models import Person, short_name_of
from participants.selectors import groups as group_names

from . import matching, matching_runs
from .forms import RunForm
from .models import GroupMember, MatchingRun, MentoringGroup
from .selectors import run_mentor_choices


def _url(scope: Scope, name: str, **kwargs: Any) -> str:
    return reverse(f"pairing:{name}", kwargs={**scope.url_kwargs, **kwargs})


def _run_or_404(scope: Scope, run: int) -> MatchingRun:
    return get_object_or_404(
        MatchingRun.objects.select_related("form", "job", "programme__academic_year"),
        programme=scope.programme,
        pk=run,
    )


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def runs(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    form = RunForm(request.POST or None, programme=scope.programme, group_names=group_names(scope.programme))
    if request.method == "POST" and form.is_valid():
        run = matching_runs.run_start(
            user=request.user, scope=scope, form=form.cleaned_data["form"], options=form.engine_options()
        )
        return redirect(_url(scope, "run", run=run.pk))
    history = MatchingRun.objects.filter(programme=scope.programme).select_related("form", "created_by")[:10]
    return render(request, "pairing/runs.html", {"form": form, "history": history})


def _proposals(run: MatchingRun) -> tuple[list[dict], list[dict], dict[int, Person]]:
    result = run.result or {}
    ids = {pair["mentee"] for pair in result.get("pairs", [])} | {
        pair["mentor"] for pair in result.get("pairs", [])
    }
    ids |= {item["person"] for item in result.get("unmatched", [])}
    ids |= {couple["mentee"] for couple in result.get("blocking", [])}
    ids |= {couple["mentor"] for couple in result.get("blocking", [])}
    people = Person.objects.in_bulk(ids)
    pairs = [
        {**pair, "mentee_person": people.get(pair["mentee"]), "mentor_person": people.get(pair["mentor"])}
        for pair in result.get("pairs", [])
    ]
    # the mentees of a group one after another, where its first mentee stands
    anchor: dict[int, int] = {}
    for index, pair in enumerate(pairs):
        if pair.get("group"):
            anchor.setdefault(pair["group"], index)
    pairs = [
        pair
        for _key, pair in sorted(
            ((anchor[pair["group"]] if pair.get("group") else index, index), pair)
            for index, pair in enumerate(pairs)
        )
    ]
    unmatched = [{**item, "person_obj": people.get(item["person"])} for item in result.get("unmatched", [])]
    return pairs, unmatched, people


def _mark_accepted(run: MatchingRun, pairs: list[dict]) -> None:
    """``accepted``: the proposal is already a pair (accepted before); ``paired``: the mentee has another
    open pair of this form. Two queries."""
    mentee_group = dict(
        GroupMember.objects.filter(
            group__programme=run.programme,
            group__form=run.form,
            group__status__in=MentoringGroup.OPEN_STATUSES,
            role=GroupMember.Role.MENTEE,
            person_id__in=[pair["mentee"] for pair in pairs],
        ).values_list("person_id", "group_id")
    )
    group_mentors = GroupMember.objects.filter(
        group_id__in=set(mentee_group.values()), role=GroupMember.Role.MENTOR
    ).values_list("group_id", "person_id", "person__last_name", "person__first_name", "person__patronymic")
    mentors: set[tuple[int, int]] = set()
    named: dict[int, str] = {}
    for group_id, person_id, *name in group_mentors:
        mentors.add((group_id, person_id))
        named.setdefault(group_id, short_name_of(*name))
    for pair in pairs:
        group = mentee_group.get(pair["mentee"])
        pair["accepted"] = group is not None and (group, pair["mentor"]) in mentors
        pair["paired"] = group is not None and not pair["accepted"]
        # with whom: a swap accepted from this page, or a pair made elsewhere (a group shows its first mentor)
        pair["paired_with"] = named.get(group, "") if group is not None and pair["paired"] else ""


def _mark_capacity(pairs: list[dict], choices: list) -> None:
    """Give each proposal ``free`` (the mentor's places free now) and ``over`` (the run proposes the
    mentor more mentees than that), so the page warns before «Принять» what the server would refuse.
    Proposals already accepted are in the mentor's load: they neither count again nor warn."""
    free = {choice.person.pk: choice.free for choice in choices}  # mentors without a free place are absent
    proposed: dict[int, int] = {}
    for pair in pairs:
        if not pair.get("accepted"):
            proposed[pair["mentor"]] = proposed.get(pair["mentor"], 0) + 1
    for pair in pairs:
        pair["free"] = free.get(pair["mentor"], 0)
        pair["proposed_to_mentor"] = proposed.get(pair["mentor"], 0)
        pair["over"] = not pair.get("accepted") and proposed[pair["mentor"]] > pair["free"]


def _mark_choices(run: MatchingRun, pairs: list[dict], choices: list) -> None:
    """Give each proposal ``choices``: the mentors with a free place the run allows for its mentee (the
    rule accepting a swap keeps to), and ``choice_ids``. A proposal already accepted offers none."""
    rules = matching_runs.run_rules(run, [pair["mentee"] for pair in pairs if not pair.get("accepted")])
    for pair in pairs:
        pair["choices"] = (
            []
            if pair.get("accepted")
            else [choice for choice in choices if rules.violation(pair["mentee"], choice.person.pk) is None]
        )
        pair["choice_ids"] = {choice.person.pk for choice in pair["choices"]}


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def run_detail(request: ScopedRequest, run: int) -> HttpResponse:
    scope = request.scope
    found = _run_or_404(scope, run)
    pairs, unmatched, people = _proposals(found)
    if people:  # the proposals name children: a read of personal data, in the journal
        audit_page_read(request, "pairing.MatchingRun", found.pk, people.keys())
    choices = run_mentor_choices(found) if found.is_done else []
    blocking = [
        {
            **couple,
            "mentee_person": people.get(couple["mentee"]),
            "mentor_person": people.get(couple["mentor"]),
        }
        for couple in (found.result or {}).get("blocking", [])
    ]
    if found.is_done and pairs:
        _mark_accepted(found, pairs)
        _mark_choices(found, pairs, choices)
    _mark_capacity(pairs, choices)
    context = {
        "run": found,
        "job": found.job,
        "pairs": pairs,
        "unmatched": unmatched,
        "mentors": choices,
        "blocking": blocking,
        "cost": (found.result or {}).get("cost"),
    }
    return render(request, "pairing/run_detail.html", context)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def run_score(request: ScopedRequest, run: int) -> HttpResponse:
    """The score a proposal would have with another mentor (htmx, shown before the swap is saved)."""
    scope = request.scope
    found = _run_or_404(scope, run)
    try:
        mentee_id, mentor_id = (
            int(request.GET.get("mentee", "")),
            int(request.GET.get(f"mentor_{request.GET.get('mentee')}", "")),
        )
    except ValueError as error:
        raise Http404 from error
    rules = matching_runs.run_rules(found, [mentee_id])
    # the rule accepting the swap keeps to (the run's constraints and its threshold), said before the swap
    refused = rules.violation(mentee_id, mentor_id)
    context: dict[str, Any] = {"mentee_id": mentee_id, "allowed": refused is None}
    if refused is not None:
        context |= {"headline": _("not allowed for this pair"), "reasons": [refused]}
    else:
        scored = matching.score_pair(rules.mentees[mentee_id], rules.mentors[mentor_id], rules.settings)
        assert scored is not None  # the rule above said why when not
        points, contributions = scored
        context |= {
            "headline": _("score with the chosen mentor: %(score)s") % {"score": round(points)},
            "reasons": [contribution.reason for contribution in contributions],
        }
    return render(request, "pairing/includes/swap_preview.html", context)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def run_accept(request: ScopedRequest, run: int) -> HttpResponse:
    scope = request.scope
    found = _run_or_404(scope, run)
    chosen = []
    for value in request.POST.getlist("accept"):
        try:
            mentee_id = int(value)
            mentor_id = int(request.POST.get(f"mentor_{mentee_id}", ""))
        except ValueError:
            continue
        chosen.append((mentee_id, mentor_id))
    if request.POST.get("action") == "rerun":
        # «не ставить вместе»: the proposals marked to exclude never come back in this or later re-runs
        excluded = [
            list(map(int, value.split(":"))) for value in request.POST.getlist("exclude") if _pair(value)
        ]
        options = {**found.settings, "exclusions": found.settings.get("exclusions", []) + excluded}
        locked, not_locked = matching_runs.run_locks(
            run=found, pairs=[pair for pair in chosen if list(pair) not in excluded]
        )
        for reason in not_locked:
            messages.warning(request, reason)
        rerun = matching_runs.run_start(
            user=request.user, scope=scope, form=found.form, options=options, locked=locked
        )
        messages.info(request, _("The locked pairs are kept; the engine proposes the rest again."))
        return redirect(_url(scope, "run", run=rerun.pk))
    created, refused = matching_runs.run_accept(actor=request.user, run=found, pairs=chosen)
    if created:
        messages.success(request, _("Pairs created: %(count)s.") % {"count": len(created)})
    for reason in refused:
        messages.warning(request, reason)
    if not chosen:
        messages.error(request, _("Tick the proposals to accept."))
        return redirect(_url(scope, "run", run=found.pk))
    if refused:  # back to the proposals: the pupils left out are still there to be given another mentor
        return redirect(_url(scope, "run", run=found.pk))
    return redirect(_url(scope, "index"))


def _pair(value: str) -> bool:
    parts = value.split(":")
    return len(parts) == 2 and all(part.isdigit() for part in parts)


run_urlpatterns = [
    path("matching/", runs, name="runs"),
    path("matching/<int:run>/", run_detail, name="run"),
    path("matching/<int:run>/score/", run_score, name="run_score"),
    path("matching/<int:run>/accept/", run_accept, name="run_accept"),
]

"""Pages of questionnaires: templates and their questions, campaigns with personal links, results and
the before/after comparison. Answers of people are personal data: only curators, psychologists and the
administration see them per person; a municipal coordinator reads aggregated results only.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentoring.access import OVERSIGHT_ROLES, Privacy, Scope, ScopedRequest, organization_view
from mentoring.auditing import audit_page_read
from mentoring.models import Role
from mentoring.sites import absolute

from ..models import Invitation, QuestionItem, QuestionnaireTemplate
from ..selectors import settings_for
from . import selectors, services
from .forms import CampaignForm, ItemForm, ResultsFilterForm, TemplateForm
from .services import QuestionnaireError

READERS = frozenset({Role.ADMINISTRATOR, Role.CURATOR, Role.PSYCHOLOGIST, *OVERSIGHT_ROLES})
WRITERS = frozenset({Role.ADMINISTRATOR, Role.CURATOR, Role.PSYCHOLOGIST})


def _url(scope: Scope, name: str, **kwargs: Any) -> str:
    return reverse(f"monitoring:{name}", kwargs={**scope.url_kwargs, **kwargs})


def can_write(scope: Scope) -> bool:
    return not scope.access.read_only and scope.access.has_any(WRITERS)


def sees_people(scope: Scope) -> bool:
    """Per-person answers, links and pairs: curators, psychologists, administration of the school itself."""
    return can_write(scope)


def public_url(token: str, request: HttpRequest | None = None) -> str:
    """A personal link on the address the page is served on (SITE_URL outside a request)."""
    return absolute(reverse("questionnaire:answer", kwargs={"link": token}), request)


# --- Templates ---------------------------------------------------------------------------------------


@organization_view(roles=READERS, privacy=Privacy.AGGREGATE)
def templates(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    found = list(selectors.templates_for(scope.organization))
    context = {
        "shared": [t for t in found if t.organization_id is None],
        "own": [t for t in found if t.organization_id is not None],
        "can_write": can_write(scope),
    }
    return render(request, "monitoring/questionnaires/templates.html", context)


def _template_or_404(request: ScopedRequest, template: int) -> QuestionnaireTemplate:
    found = selectors.template_for(request.scope.organization, template)
    if found is None:
        raise Http404
    return found


def _own_template_or_404(request: ScopedRequest, template: int) -> QuestionnaireTemplate:
    return get_object_or_404(QuestionnaireTemplate, pk=template, organization=request.scope.organization)


@organization_view(roles=READERS, privacy=Privacy.AGGREGATE)
def template_detail(request: ScopedRequest, template: int) -> HttpResponse:
    found = _template_or_404(request, template)
    context = {
        "template": found,
        "items": list(found.items.all()),
        "can_write": can_write(request.scope),
        "editable": can_write(request.scope) and found.organization_id is not None,
    }
    return render(request, "monitoring/questionnaires/template_detail.html", context)


def _template_form_page(request: ScopedRequest, found: QuestionnaireTemplate | None) -> HttpResponse:
    scope = request.scope
    initial = {}
    if found is not None:
        initial = {f: getattr(found, f) for f in ("title", "description", "purpose", "audience", "form")}
    form = TemplateForm(request.POST or None, programme=scope.programme, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.template_save(
                actor=request.user, organization=scope.organization, template=found, **form.cleaned_data
            )
        except QuestionnaireError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect(_url(scope, "template_detail", template=saved.pk))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "monitoring/questionnaires/template_form.html",
        {"form": form, "template": found},
        status=status,
    )


@organization_view(roles=WRITERS, privacy=Privacy.AGGREGATE)
def template_new(request: ScopedRequest) -> HttpResponse:
    return _template_form_page(request, None)


@organization_view(roles=WRITERS, privacy=Privacy.AGGREGATE)
def template_edit(request: ScopedRequest, template: int) -> HttpResponse:
    return _template_form_page(request, _own_template_or_404(request, template))


@organization_view(roles=WRITERS, privacy=Privacy.AGGREGATE)
@require_POST
def template_copy(request: ScopedRequest, template: int) -> HttpResponse:
    scope = request.scope
    found = _template_or_404(request, template)
    copy = services.template_copy(actor=request.user, organization=scope.organization, template=found)
    messages.success(request, _("A copy is made: you can change it now."))
    return redirect(_url(scope, "template_detail", template=copy.pk))


@organization_view(roles=WRITERS, privacy=Privacy.AGGREGATE)
@require_POST
def template_toggle(request: ScopedRequest, template: int) -> HttpResponse:
    scope = request.scope
    found = _own_template_or_404(request, template)
    services.template_set_active(actor=request.user, template=found, active=not found.is_active)
    messages.success(
        request, _("The template is in use again.") if found.is_active else _("The template is deactivated.")
    )
    return redirect(_url(scope, "template_detail", template=found.pk))


def _item_initial(item: QuestionItem) -> dict:
    return {
        "text": item.text,
        "kind": item.kind,
        "required": item.required,
        "options": "\n".join(item.choices),
        "scale_max": item.scale_max if item.kind == QuestionItem.Kind.RANKING else 3,
        "key": item.key,
    }


def _item_form_page(
    request: ScopedRequest, found: QuestionnaireTemplate, item: QuestionItem | None
) -> HttpResponse:
    scope = request.scope
    form = ItemForm(request.POST or None, initial=_item_initial(item) if item else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_save(actor=request.user, template=found, item=item, **form.service_fields())
        except QuestionnaireError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect(_url(scope, "template_detail", template=found.pk))
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "template": found, "item": item}
    return render(request, "monitoring/questionnaires/item_form.html", context, status=status)


@organization_view(roles=WRITERS, privacy=Privacy.AGGREGATE)
def question_new(request: ScopedRequest, template: int) -> HttpResponse:
    return _item_form_page(request, _own_template_or_404(request, template), None)


@organization_view(roles=WRITERS, privacy=Privacy.AGGREGATE)
def question_edit(request: ScopedRequest, template: int, question: int) -> HttpResponse:
    found = _own_template_or_404(request, template)
    item = get_object_or_404(QuestionItem, template=found, pk=question)
    return _item_form_page(request, found, item)


@organization_view(roles=WRITERS, privacy=Privacy.AGGREGATE)
@require_POST
def question_delete(request: ScopedRequest, template: int, question: int) -> HttpResponse:
    found = _own_template_or_404(request, template)
    item = get_object_or_404(QuestionItem, template=found, pk=question)
    try:
        services.item_delete(actor=request.user, item=item)
    except QuestionnaireError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The question is deleted."))
    return redirect(_url(request.scope, "template_detail", template=found.pk))


@organization_view(roles=WRITERS, privacy=Privacy.AGGREGATE)
@require_POST
def question_move(request: ScopedRequest, template: int, question: int) -> HttpResponse:
    found = _own_template_or_404(request, template)
    item = get_object_or_404(QuestionItem, template=found, pk=question)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        return HttpResponse(_("Unknown direction."), status=400)
    services.item_move(actor=request.user, item=item, direction=direction)
    return redirect(_url(request.scope, "template_detail", template=found.pk) + f"#q{item.pk}")


# --- Campaigns ---------------------------------------------------------------------------------------


@organization_view(roles=READERS, privacy=Privacy.PERSONAL)
def campaigns(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    now = timezone.now()
    found = selectors.campaigns(scope.programme)
    running = request.GET.get("running") == "1"
    if running:  # the start page's «Идёт анкетирование»: the campaigns whose links are still valid
        found = found.filter(expires_at__gt=now)
    context = {
        "campaigns": list(found),
        "can_write": can_write(scope),
        "now": now,
        "running": running,
    }
    return render(request, "monitoring/questionnaires/campaigns.html", context)


@organization_view(roles=WRITERS, privacy=Privacy.PERSONAL)
def campaign_new(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    initial = {}
    if request.GET.get("template", "").isdigit():
        initial["template"] = int(request.GET["template"])
    default_days = settings_for(scope.organization).invitation_days
    form = CampaignForm(
        request.POST or None, programme=scope.programme, default_days=default_days, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        template = data["template"]
        chosen = selectors.recipients(scope.programme, template.audience, form.recipient_filters())
        try:
            campaign = services.campaign_create(
                actor=request.user,
                programme=scope.programme,
                template=template,
                title=data["title"],
                stage=data["stage"],
                baseline=data.get("baseline"),
                form=data.get("form"),
                recipients=chosen,
                valid_days=data["valid_days"],
            )
        except QuestionnaireError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("The campaign is created: %(n)s personal links.") % {"n": len(chosen)}
            )
            return redirect(_url(scope, "campaign_detail", campaign=campaign.pk))
    status = 400 if request.method == "POST" else 200
    return render(request, "monitoring/questionnaires/campaign_form.html", {"form": form}, status=status)


def _campaign_or_404(request: ScopedRequest, campaign: int) -> selectors.CountedCampaign:
    found = selectors.campaign_for(request.scope.programme, campaign)
    if found is None:
        raise Http404
    return found


@organization_view(roles=READERS, privacy=Privacy.PERSONAL)
def campaign_detail(request: ScopedRequest, campaign: int) -> HttpResponse:
    scope = request.scope
    found = _campaign_or_404(request, campaign)
    people = sees_people(scope)
    links = []
    classes = []
    if people:
        now = timezone.now()
        invitations = list(selectors.invitations(found))
        for invitation in invitations:
            links.append(
                {
                    "invitation": invitation,
                    "url": public_url(invitation.token, request),
                    "expired": invitation.answered_at is None and invitation.expires_at <= now,
                }
            )
        classes = sorted(
            {invitation.person.group_name for invitation in invitations if invitation.person is not None}
        )
        audit_page_read(
            request,
            "monitoring.Campaign",
            found.pk,
            [invitation.person_id for invitation in invitations if invitation.person_id is not None],
            label=_("Personal links of questionnaire campaign № %(id)s") % {"id": found.pk},
        )
    context = {
        "campaign": found,
        "links": links,
        "classes": [c for c in classes if c],
        "sees_people": people,
        "can_write": can_write(scope),
        "is_open": found.expires_at > timezone.now(),
        "percent": round(100 * found.answered / found.total) if found.total else 0,
    }
    return render(request, "monitoring/questionnaires/campaign_detail.html", context)


@organization_view(roles=WRITERS, privacy=Privacy.PERSONAL)
@require_POST
def campaign_close(request: ScopedRequest, campaign: int) -> HttpResponse:
    found = _campaign_or_404(request, campaign)
    services.campaign_close(actor=request.user, campaign=found)
    messages.success(request, _("The campaign is closed: links that were not answered no longer work."))
    return redirect(_url(request.scope, "campaign_detail", campaign=found.pk))


@organization_view(roles=WRITERS, privacy=Privacy.PERSONAL)
@require_POST
def link_reissue(request: ScopedRequest, campaign: int, link: str) -> HttpResponse:
    scope = request.scope
    found = _campaign_or_404(request, campaign)
    invitation = get_object_or_404(Invitation, campaign=found, token=link)
    try:
        services.invitation_reissue(
            actor=request.user,
            invitation=invitation,
            valid_days=settings_for(scope.organization).invitation_days,
        )
    except QuestionnaireError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("A new link is issued; the old one no longer works."))
    return redirect(_url(scope, "campaign_detail", campaign=found.pk) + f"#i{invitation.pk}")


@organization_view(roles=READERS, privacy=Privacy.PERSONAL)
def campaign_results(request: ScopedRequest, campaign: int) -> HttpResponse:
    scope = request.scope
    found = _campaign_or_404(request, campaign)
    people = sees_people(scope)
    filter_form = ResultsFilterForm(request.GET or None, campaign=found) if people else None
    form_id, group_id = filter_form.values() if filter_form is not None else (None, None)
    found_results = selectors.results(found, form_id=form_id, group_id=group_id)
    if people:
        audit_page_read(
            request,
            "monitoring.Campaign",
            found.pk,
            label=_("Results of questionnaire campaign № %(id)s") % {"id": found.pk},
        )
    context = {
        "campaign": found,
        "results": found_results,
        "filter_form": filter_form,
        "filtered": bool(form_id or group_id),
        "sees_people": people,
    }
    return render(request, "monitoring/questionnaires/campaign_results.html", context)


@organization_view(roles=READERS, privacy=Privacy.PERSONAL)
def campaign_compare(request: ScopedRequest, campaign: int) -> HttpResponse:
    scope = request.scope
    found = _campaign_or_404(request, campaign)
    people = sees_people(scope)
    result = selectors.comparison(found)
    if result is not None and people:
        audit_page_read(
            request,
            "monitoring.Campaign",
            found.pk,
            label=_("Comparison before/after of questionnaire campaign № %(id)s") % {"id": found.pk},
        )
    context = {"campaign": found, "comparison": result, "sees_people": people}
    return render(request, "monitoring/questionnaires/campaign_compare.html", context)

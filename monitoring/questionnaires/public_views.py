"""The public answer page of a personal link (``/q/<link>/``): no account, works once, expires.

A link of someone who has an account (a mentor, a teacher) asks them to sign in and answers only for them.
The page names people by surname and initials and shows only what the answer needs.

A plain Django form with a CSRF token; ``static/js/questionnaire.js`` adds a draft kept in the phone's
storage and sending with ``fetch``, so that no answer is lost when the network drops. Without JS the page
is an ordinary form. A second sending after success shows the same thank-you page and changes nothing.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from mentoring.access import Privacy, declare_privacy

from ..models import Audience, QuestionItem
from . import selectors, services
from .forms import AnswerForm
from .services import QuestionnaireError

DONE_HEADER = "X-Questionnaire"


def _page(
    request: HttpRequest, template: str, context: dict, status: int = 200, state: str = ""
) -> HttpResponse:
    response = render(request, f"monitoring/public/{template}", context, status=status)
    if state:
        response[DONE_HEADER] = state
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@declare_privacy(Privacy.PUBLIC)
@never_cache
def unknown(request: HttpRequest, rest: str = "") -> HttpResponse:
    """A mangled or unknown link (cut short, a typo, a character added by a messenger): a page for a
    pupil in plain words with a 404 status, never the staff sign-in."""
    return _page(request, "unknown.html", {}, status=404, state="unknown")


@declare_privacy(Privacy.PUBLIC)
@never_cache
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, link: str) -> HttpResponse:
    invitation = selectors.invitation_for_link(link)
    if invitation is None:
        return unknown(request)
    account = selectors.answerer_account_id(invitation)
    if account is not None:  # staff answer signed in, as themselves; a forwarded link shows nothing
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if request.user.pk != account:
            raise Http404
    campaign = invitation.campaign
    context = {"invitation": invitation, "campaign": campaign, "template": campaign.template, "link": link}
    if invitation.answered_at is not None:
        return _page(request, "done.html", context, state="done")
    if not selectors.link_usable(invitation):
        return _page(request, "expired.html", context, status=410, state="expired")
    items = list(campaign.template.items.all())
    needs_ranking = any(item.kind == QuestionItem.Kind.RANKING for item in items)
    ranking = selectors.ranking_options(campaign, invitation.respondent) if needs_ranking else []
    if request.method == "POST":
        form = AnswerForm(request.POST, items=items, ranking=ranking)
        if form.is_valid():
            try:
                services.response_submit(invitation=invitation, answers=form.answers())
            except QuestionnaireError:
                return _page(request, "expired.html", context, status=410, state="expired")
            return _page(request, "done.html", context, state="done")
        status = 400
    else:
        services.invitation_mark_opened(invitation=invitation, now=timezone.now())
        form = AnswerForm(items=items, ranking=ranking)
        status = 200
    context.update(
        {
            "form": form,
            "questions": form.questions(),
            "ranking": ranking,
            "respondent_is_parent": invitation.respondent == Audience.PARENT,
            "person": invitation.person,
        }
    )
    return _page(request, "answer.html", context, status=status, state="form")

"""A new staff member's way in: the e-mailed link or the sheet's login and code, then their own password.

The link's secret leaves the address bar at once (the page redirects to ``invitation/password/`` and the
session remembers which invitation was opened), as Django's password reset does with its token.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from .access import Privacy, declare_privacy
from .models import StaffInvitation
from .staff import (
    InvitationState,
    StaffError,
    invitation_accept,
    invitation_by_code,
    invitation_by_link,
    invitation_message,
    invitation_state,
)

SESSION_KEY = "staff_invitation"


class SheetCodeForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("Login"), max_length=150)
    code = forms.CharField(
        label=gettext_lazy("Code from the sheet"),
        max_length=40,
        help_text=gettext_lazy("Capital letters and digits; the dashes may be left out."),
    )


def _invalid(request: HttpRequest, state: InvitationState) -> HttpResponse:
    return render(request, "registration/invitation_invalid.html", {"message": invitation_message(state)})


def _open(request: HttpRequest, invitation: StaffInvitation) -> HttpResponse:
    request.session[SESSION_KEY] = invitation.pk
    return redirect("invitation_password")


@declare_privacy(Privacy.PUBLIC)
@never_cache
def invitation_link(request: HttpRequest, secret: str) -> HttpResponse:
    invitation = invitation_by_link(secret)
    state = invitation_state(invitation)
    if invitation is None or state != InvitationState.OPEN:
        return _invalid(request, state)
    return _open(request, invitation)


@declare_privacy(Privacy.PUBLIC)
@never_cache
@sensitive_post_parameters("code")
def invitation_code(request: HttpRequest) -> HttpResponse:
    form = SheetCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = invitation_by_code(form.cleaned_data["username"], form.cleaned_data["code"])
        state = invitation_state(invitation)
        if invitation is not None and state == InvitationState.OPEN:
            return _open(request, invitation)
        form.add_error(None, invitation_message(state))
    return render(request, "registration/invitation_code.html", {"form": form})


@declare_privacy(Privacy.PUBLIC)
@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
def invitation_password(request: HttpRequest) -> HttpResponse:
    invitation = (
        StaffInvitation.objects.select_related("user", "organization")
        .filter(pk=request.session.get(SESSION_KEY) or 0)
        .first()
    )
    state = invitation_state(invitation)
    if invitation is None or state != InvitationState.OPEN:
        request.session.pop(SESSION_KEY, None)
        return _invalid(request, state)
    form = SetPasswordForm(invitation.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitation_accept(invitation=invitation, password=form.cleaned_data["new_password1"])
        except StaffError as error:
            form.add_error(None, str(error))
        else:
            request.session.pop(SESSION_KEY, None)
            login(request, user, backend="mentoring.auth_backend.UserBackend")
            messages.success(request, _("The password is set. Welcome!"))
            return redirect("home")
    return render(
        request,
        "registration/invitation_password.html",
        {"form": form, "member": invitation.user, "organization": invitation.organization},
    )

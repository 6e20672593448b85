"""The members page's management: add a staff member, change their roles, re-send an invitation or print a
sign-in sheet, end and restore access. For the organisation's own curator and administrator only."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mentoring.access import Privacy, ScopedRequest, organization_view
from mentoring.models import AuditEvent, EndedAccess, Membership, Role, StaffInvitation, User
from mentoring.services import audit_record
from mentoring.staff import (
    IssuedInvitation,
    StaffError,
    ended_access_of,
    invitation_email_send,
    invitation_issue,
    is_administrator,
    roles_for,
    staff_access_end,
    staff_access_restore,
    staff_of,
    staff_roles_set,
)
from mentoring.typing_helpers import choice_field

from .models import Person
from .staff import NamesakeError, staff_add
from .staff_forms import StaffAddForm, StaffRolesForm

SHEET_SESSION_KEY = "staff_sheet"


def _members_url(request: ScopedRequest) -> str:
    return reverse("members", kwargs=request.scope.url_kwargs)


def _staff_or_404(request: ScopedRequest, user: int) -> User:
    found = staff_of(request.scope.organization, user)
    if found is None:
        raise Http404
    return found


def _staff_or_ended_or_404(request: ScopedRequest, user: int) -> tuple[User, EndedAccess | None]:
    """A member here, or a person whose access here was ended while they work elsewhere (their page opens
    from the record of that access, to restore it)."""
    found = staff_of(request.scope.organization, user)
    if found is not None:
        return found, None
    ended = ended_access_of(request.scope.organization, user)
    if ended is None:
        raise Http404
    return ended.user, ended


def _detail_url(request: ScopedRequest, member: User) -> str:
    return reverse("staff:detail", kwargs={**request.scope.url_kwargs, "user": member.pk})


def _hand_over(request: ScopedRequest, issued: IssuedInvitation) -> HttpResponse:
    """Send the letter and go back to the members page, or show the sheet — once, never stored."""
    user = issued.invitation.user
    if issued.invitation.channel == StaffInvitation.Channel.EMAIL:
        link = request.build_absolute_uri(reverse("invitation_link", kwargs={"secret": issued.secret}))
        invitation_email_send(issued=issued, link=link)
        messages.success(request, _("The invitation is sent to %(email)s.") % {"email": user.email})
        return redirect(_members_url(request))
    # POST/redirect/GET: the code waits in the session for one GET of the sheet, so a reload (F5, «resend
    # the form») neither adds a second account nor shows the code again
    request.session[SHEET_SESSION_KEY] = {
        "organization": request.scope.organization.pk,
        "user": user.pk,
        "code": issued.code,
        "expires_at": issued.invitation.expires_at.isoformat(),
    }
    return redirect(reverse("staff:sheet", kwargs=request.scope.url_kwargs))


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_GET
def staff_sheet(request: ScopedRequest) -> HttpResponse:
    """The printed sheet, shown once: the code leaves the session as it is shown."""
    scope = request.scope
    sheet = request.session.pop(SHEET_SESSION_KEY, None)
    member = None
    if isinstance(sheet, dict) and sheet.get("organization") == scope.organization.pk:
        member = staff_of(scope.organization, int(sheet["user"]))
    if member is None:
        response = render(request, "participants/staff/sheet_shown.html", {}, status=200)
    else:
        response = render(
            request,
            "participants/staff/sheet.html",
            {
                "member": member,
                "code": sheet["code"],
                "expires_at": datetime.fromisoformat(sheet["expires_at"]),
                "signin_url": request.build_absolute_uri(reverse("invitation_code")),
            },
        )
    response["Cache-Control"] = "no-store"
    return response


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def staff_create(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    form = StaffAddForm(request.POST or None, organization=scope.organization, actor=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user, _person = staff_add(
                actor=request.user,
                programme=scope.programme,
                last_name=data["last_name"],
                first_name=data["first_name"],
                patronymic=data["patronymic"],
                email=data["email"],
                username=data["username"],
                roles=data["roles"],
                person=data["person"],
                person_kind=data["person_kind"],
                position=data["position"],
                allow_namesake=data["namesake_confirmed"],
            )
            issued = invitation_issue(
                actor=request.user, organization=scope.organization, user=user, channel=data["invite_by"]
            )
        except NamesakeError as error:
            form.namesake_found()
            form.add_error("person", str(error))
        except StaffError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The staff member is added and linked to their card in the bases."))
            return _hand_over(request, issued)
    return render(request, "participants/staff/form.html", {"form": form})


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def staff_detail(request: ScopedRequest, user: int) -> HttpResponse:
    scope = request.scope
    member, ended = _staff_or_ended_or_404(request, user)
    if ended is not None:
        current = list(ended.roles)
    else:
        current = list(
            Membership.objects.filter(user=member, organization=scope.organization).values_list(
                "role", flat=True
            )
        )
    is_self = member.pk == request.user.pk
    is_admin_here = is_administrator(request.user, scope.organization)
    # a curator sees an administrator's roles but cannot change them; nobody changes their own; the roles
    # of an ended access come back only with «Восстановить доступ»
    may_manage = not is_self and (is_admin_here or Role.ADMINISTRATOR not in current)
    may_change_roles = may_manage and ended is None
    form = StaffRolesForm(
        request.POST or None, organization=scope.organization, actor=request.user, initial={"roles": current}
    )
    if not may_change_roles:
        choice_field(form, "roles").choices = roles_for(scope.organization)
        form.fields["roles"].disabled = True
    if request.method == "POST" and ended is not None:
        messages.error(request, _("This person's access here has been ended: restore it first."))
        return redirect(_detail_url(request, member))
    if request.method == "POST" and form.is_valid():
        try:
            changed = staff_roles_set(
                actor=request.user,
                organization=scope.organization,
                user=member,
                roles=form.cleaned_data["roles"],
            )
        except StaffError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The roles are saved.") if changed else _("Nothing has changed."))
            return redirect(_detail_url(request, member))
    invitation = StaffInvitation.objects.filter(user=member).order_by("-created_at").first()
    cards = list(Person.objects.filter(user=member, organization=scope.organization))
    audit_record(
        actor=request.user,
        organization=scope.organization,
        action=AuditEvent.Action.VIEW,
        target=member,
        people=[card.pk for card in cards],
    )
    return render(
        request,
        "participants/staff/detail.html",
        {
            "member": member,
            "ended": ended,
            "has_access": member.is_active and ended is None,
            "form": form,
            "invitation": invitation,
            "cards": cards,
            "is_self": is_self,
            "may_change_roles": may_change_roles,
            "may_end_access": may_manage,
        },
    )


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def staff_invite(request: ScopedRequest, user: int) -> HttpResponse:
    scope = request.scope
    member = _staff_or_404(request, user)
    channel = request.POST.get("channel", "")
    if channel not in StaffInvitation.Channel.values:
        raise Http404
    try:
        issued = invitation_issue(
            actor=request.user, organization=scope.organization, user=member, channel=channel
        )
    except StaffError as error:
        messages.error(request, str(error))
        return redirect(reverse("staff:detail", kwargs={**scope.url_kwargs, "user": member.pk}))
    return _hand_over(request, issued)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def staff_access(request: ScopedRequest, user: int) -> HttpResponse:
    scope = request.scope
    member, _ended = _staff_or_ended_or_404(request, user)
    action = request.POST.get("action")
    try:
        if action == "end":
            staff_access_end(actor=request.user, organization=scope.organization, user=member)
            messages.success(request, _("Access ended. The account and its records are kept."))
        elif action == "restore":
            staff_access_restore(actor=request.user, organization=scope.organization, user=member)
            messages.success(request, _("Access restored."))
        else:
            raise Http404
    except StaffError as error:
        messages.error(request, str(error))
    if (
        staff_of(scope.organization, member.pk) is None
        and ended_access_of(scope.organization, member.pk) is None
    ):
        return redirect(_members_url(request))
    return redirect(_detail_url(request, member))

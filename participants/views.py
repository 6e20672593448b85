"""Pages of the bases: lists of mentees and mentors, a person's card and forms, partners, consents."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from mentoring.access import Privacy, Scope, ScopedRequest, organization_view
from mentoring.erasure import erasure_summary
from mentoring.files import attachment_response
from mentoring.kept_pages import kept_page
from mentoring.models import AuditEvent, Role
from mentoring.prepared import BoundPages
from mentoring.services import AuditRead, audit_reads, audit_record
from mentoring.sorting import sorting
from mentoring.trash import undo_remember

from . import selectors, services
from .forms import (
    BulkConsentForm,
    ConsentForm,
    ConsentRuleForm,
    MenteeFilterForm,
    MenteeProfileForm,
    MentorFilterForm,
    MentorProfileForm,
    PartnerForm,
    PersonForm,
    VocabularyOverrideForm,
    VocabularyTermForm,
    WithdrawForm,
)
from .models import (
    SPECIAL_CATEGORIES,
    Consent,
    MenteeProfile,
    MentorProfile,
    PartnerOrganization,
    Person,
    ProfileStatus,
    VocabularyTerm,
)
from .services import ParticipantsError

# Who reads personal data in the bases: the people who run the programme, and the psychologist.
READERS = [Role.ADMINISTRATOR, Role.CURATOR, Role.PSYCHOLOGIST]
PAGE_SIZE = 50
# ?sort= keys of the lists of mentees and mentors: the columns a curator sorts by
PEOPLE_SORTS = {
    "name": ("person__last_name", "person__first_name", "person__patronymic"),
    "group": ("year_group", "person__last_name", "person__first_name"),
    "status": ("status", "person__last_name", "person__first_name"),
    "consent": ("has_consent", "person__last_name", "person__first_name"),
}

# what a list's row shows (``participants_tags.people_row``) and its labels need of a profile and its person
_PERSON_COLUMNS = (
    "person__id",
    "person__last_name",
    "person__first_name",
    "person__patronymic",
    "person__kind",
    "person__group_name",
)
ROW_COLUMNS = {
    "mentees": (
        "person",
        "programme",
        "status",
        "requests",
        *(field for field, _label in SPECIAL_CATEGORIES),
        *_PERSON_COLUMNS,
    ),
    "mentors": (
        "person",
        "programme",
        "status",
        "competencies",
        "training_done",
        "training_date",
        "capacity",
        *_PERSON_COLUMNS,
    ),
}


def _url(scope: Scope, name: str, **kwargs: Any) -> str:
    return reverse(f"participants:{name}", kwargs={**scope.url_kwargs, **kwargs})


def _person_or_404(scope: Scope, person: int) -> Person:
    return get_object_or_404(Person, organization=scope.organization, pk=person, anonymised_at__isnull=True)


def _audit_view(request: ScopedRequest, what: str) -> None:
    """Who looked at personal data: one row per list page or card opened. Written by ``audit_reads`` (the
    INSERT compiled once per process), the same row ``audit_record`` wrote: no fields, details nor people."""
    audit_reads(
        actor=request.user,
        organization=request.scope.organization,
        reads=[AuditRead(target_type="participants.Person", label=what, action=AuditEvent.Action.VIEW)],
    )


@organization_view(privacy=Privacy.AGGREGATE)
def index(request: ScopedRequest) -> HttpResponse:
    """The bases at a glance: counts for everyone who may see the organisation, links for the team."""
    scope = request.scope
    context = {
        "counts": selectors.base_counts(scope.programme),
        "may_read": scope.access.has_any(READERS) and not scope.access.read_only,
    }
    return render(request, "participants/index.html", context)


@dataclass(frozen=True)
class _PeopleRow:
    """A row of the people list: the year's profile (mentee or mentor) and its labels."""

    profile: MenteeProfile | MentorProfile
    kind_label: str
    status_label: str


def _people_list(request: ScopedRequest, kind: str) -> HttpResponseBase:
    # every read of the base is audited, a kept page's too (152-ФЗ)
    _audit_view(request, _("Mentee base") if kind == "mentees" else _("Mentor base"))
    return _people_page(request, kind)


@kept_page
def _people_page(request: ScopedRequest, kind: str) -> HttpResponse:
    scope = request.scope
    form_class = MenteeFilterForm if kind == "mentees" else MentorFilterForm
    form = form_class(request.GET or None, groups=selectors.groups(scope.programme))
    filters = form.filters()
    order = sorting(request.GET, PEOPLE_SORTS, "name")
    # the columns the rows show, no more: a profile's and a person's other fields (texts, JSON, contacts)
    # are neither sent by the database nor decoded for a list page; the whole base (no filter) through
    # queries compiled once per process
    rows_source: QuerySet[MenteeProfile] | QuerySet[MentorProfile] | BoundPages = (
        selectors.base_rows(kind, scope.programme, filters, order.order_by, ROW_COLUMNS[kind])
        if filters.active
        else selectors.whole_base(kind, scope.programme, order.order_by, ROW_COLUMNS[kind])
    )
    paginator: Paginator[MenteeProfile | MentorProfile] = Paginator(rows_source, PAGE_SIZE)  # type: ignore[arg-type]
    page = paginator.get_page(request.GET.get("page"))
    # the rows' labels from one dict each: ``get_kind_display`` rebuilds the choices per call (lazy texts)
    kind_labels = {value: str(label) for value, label in Person.Kind.choices}
    status_labels = {value: str(label) for value, label in ProfileStatus.choices}
    rows = [
        _PeopleRow(
            profile,
            kind_label=kind_labels.get(profile.person.kind, profile.person.kind),
            status_label=status_labels.get(profile.status, profile.status),
        )
        for profile in page
    ]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "kind": kind,
        "filter_form": form,
        "filters": filters,
        "page": page,
        "rows": rows,
        "query": query.urlencode(),
        "sorting": order,
        "status_choices": ProfileStatus.choices,
        "back": request.get_full_path(),
        # the list's Excel/CSV download is the registry's base report, given the same filters
        "export_report": "mentee_base" if kind == "mentees" else "mentor_base",
        "filters_for_export": [(name, value) for name, value in vars(filters).items() if value],
    }
    return render(request, "participants/people_list.html", context)


@organization_view(roles=READERS, privacy=Privacy.PERSONAL)
def mentees(request: ScopedRequest) -> HttpResponseBase:
    return _people_list(request, "mentees")


@organization_view(roles=READERS, privacy=Privacy.PERSONAL)
def mentors(request: ScopedRequest) -> HttpResponseBase:
    return _people_list(request, "mentors")


@organization_view(roles=READERS, privacy=Privacy.PERSONAL)
def person_detail(request: ScopedRequest, person: int) -> HttpResponse:
    scope = request.scope
    found = selectors.person_card(scope.organization, person)
    if found is None:
        raise Http404
    if found.is_anonymised:
        return render(
            request,
            "participants/person_anonymised.html",
            {"person": found, "erasure": erasure_summary(found.pk)},
        )
    audit_reads(
        actor=request.user,
        organization=scope.organization,
        reads=[AuditRead(target_type="participants.Person", target_id=found.pk, people=(found.pk,))],
    )
    year = scope.programme.academic_year_id
    context = {
        "person": found,
        "mentee_profile": next(
            (p for p in found.mentee_profiles.all() if p.programme.academic_year_id == year), None
        ),
        "mentor_profile": next(
            (p for p in found.mentor_profiles.all() if p.programme.academic_year_id == year), None
        ),
        "withdraw_form": WithdrawForm(),
        "activity": selectors.person_year_activity(found, scope.programme),
    }
    return render(request, "participants/person_detail.html", context)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def person_create(request: ScopedRequest) -> HttpResponse:
    """A new person, added to this year's base of mentees or of mentors in the same step."""
    scope = request.scope
    role = "mentor" if request.GET.get("as") == "mentor" else "mentee"
    form = PersonForm(request.POST or None, organization=scope.organization)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            person = services.person_create(
                actor=request.user, organization=scope.organization, **form.cleaned_data
            )
            save = services.mentor_profile_save if role == "mentor" else services.mentee_profile_save
            save(actor=request.user, person=person, programme=scope.programme)
        messages.success(request, _("The person is added. Now fill in the profile and record the consent."))
        return redirect(_url(scope, f"{role}_profile", person=person.pk))
    return render(request, "participants/person_form.html", {"form": form, "person": None, "role": role})


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def person_edit(request: ScopedRequest, person: int) -> HttpResponse:
    scope = request.scope
    found = _person_or_404(scope, person)
    form = PersonForm(
        request.POST or None, instance=Person.objects.get(pk=found.pk), organization=scope.organization
    )
    if request.method == "POST" and form.is_valid():
        services.person_update(
            actor=request.user, person=found, **{name: form.cleaned_data[name] for name in form.fields}
        )
        messages.success(request, _("Saved."))
        return redirect(_url(scope, "person", person=found.pk))
    return render(request, "participants/person_form.html", {"form": form, "person": found})


def _profile(request: ScopedRequest, person: int, model, form_class, save) -> HttpResponse:
    scope = request.scope
    found = _person_or_404(scope, person)
    profile = model.objects.filter(person=found, programme=scope.programme).first()
    kwargs = {"organization": scope.organization}
    # the form works on a copy, so that the service sees the old values and audits the change
    copy = model.objects.get(pk=profile.pk) if profile else model(person=found, programme=scope.programme)
    form = form_class(request.POST or None, instance=copy, **kwargs)
    if request.method == "POST" and form.is_valid():
        save(actor=request.user, person=found, programme=scope.programme, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect(_url(scope, "person", person=found.pk))
    context = {
        "form": form,
        "person": found,
        "is_mentor": model is MentorProfile,
        "exists": profile is not None,
    }
    return render(request, "participants/profile_form.html", context)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def mentee_profile(request: ScopedRequest, person: int) -> HttpResponse:
    return _profile(request, person, MenteeProfile, MenteeProfileForm, services.mentee_profile_save)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def mentor_profile(request: ScopedRequest, person: int) -> HttpResponse:
    return _profile(request, person, MentorProfile, MentorProfileForm, services.mentor_profile_save)


# --- Consents ---------------------------------------------------------------------------------------


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def consent_add(request: ScopedRequest, person: int) -> HttpResponse:
    scope = request.scope
    found = _person_or_404(scope, person)
    initial = {
        "given_on": timezone.localdate(),
        "given_by": Consent.GivenBy.REPRESENTATIVE,
        "representative_name": found.guardian_name,  # the parent already on the card
    }
    form = ConsentForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.consent_record(actor=request.user, person=found, **form.cleaned_data)
        except ParticipantsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The consent is recorded."))
            return redirect(_url(scope, "person", person=found.pk))
    status = 400 if request.method == "POST" else 200
    return render(request, "participants/consent_form.html", {"form": form, "person": found}, status=status)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def consent_withdraw(request: ScopedRequest, consent: int) -> HttpResponse:
    scope = request.scope
    found = get_object_or_404(
        Consent.objects.select_related("person"), person__organization=scope.organization, pk=consent
    )
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the date the consent was withdrawn."))
        return redirect(_url(scope, "person", person=found.person_id))
    try:
        services.consent_withdraw(
            actor=request.user, consent=found, withdrawn_on=form.cleaned_data["withdrawn_on"]
        )
    except ParticipantsError as error:
        messages.error(request, str(error))
        return redirect(_url(scope, "person", person=found.person_id))
    found.person.refresh_from_db()
    if found.person.is_anonymised:
        messages.success(
            request, _("The consent is withdrawn: the person's data is removed, only counts remain.")
        )
        return redirect(_url(scope, "person", person=found.person_id))
    messages.success(request, _("The consent is withdrawn."))
    return redirect(_url(scope, "person", person=found.person_id))


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def consent_scan(request: ScopedRequest, consent: int) -> HttpResponseBase:
    scope = request.scope
    found = get_object_or_404(Consent, person__organization=scope.organization, pk=consent)
    if not found.scan:
        raise Http404
    audit_record(
        actor=request.user,
        organization=scope.organization,
        action=AuditEvent.Action.DOWNLOAD,
        target=found,
    )
    return attachment_response(found.scan)


@organization_view(roles=READERS, privacy=Privacy.PERSONAL)
def consents(request: ScopedRequest) -> HttpResponse:
    """Who still needs a consent signed; the rule for pupils aged 14–17."""
    scope = request.scope
    rule = services.consent_rule(scope.organization)
    rule_form = ConsentRuleForm(request.POST or None, instance=rule) if scope.access.can_manage else None
    if request.method == "POST":
        if rule_form is None:
            raise PermissionDenied
        if rule_form.is_valid():
            services.consent_rule_set(
                actor=request.user,
                organization=scope.organization,
                teenagers=rule_form.cleaned_data["teenagers"],
            )
            messages.success(request, _("Saved."))
            return redirect(_url(scope, "consents"))
    missing = selectors.missing_consents(scope.programme)
    _audit_view(request, _("People without a consent"))
    context = {"counts": selectors.base_counts(scope.programme), "missing": missing, "rule_form": rule_form}
    return render(request, "participants/consents.html", context)


# --- Partners ---------------------------------------------------------------------------------------


@organization_view(roles=READERS, privacy=Privacy.PERSONAL)
def partners(request: ScopedRequest) -> HttpResponse:
    return render(
        request, "participants/partners.html", {"partners": selectors.partners(request.scope.organization)}
    )


@organization_view(roles=READERS, privacy=Privacy.PERSONAL)
def partner_detail(request: ScopedRequest, partner: int) -> HttpResponse:
    found = selectors.partner_card(request.scope.organization, partner)
    if found is None:
        raise Http404
    return render(request, "participants/partner_detail.html", {"partner": found})


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def partner_create(request: ScopedRequest) -> HttpResponse:
    return _partner_form(request, None)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def partner_edit(request: ScopedRequest, partner: int) -> HttpResponse:
    return _partner_form(
        request, get_object_or_404(PartnerOrganization, organization=request.scope.organization, pk=partner)
    )


def _partner_form(request: ScopedRequest, partner: PartnerOrganization | None) -> HttpResponse:
    scope = request.scope
    copy = PartnerOrganization.objects.get(pk=partner.pk) if partner else None
    form = PartnerForm(request.POST or None, request.FILES or None, instance=copy)
    if request.method == "POST" and form.is_valid():
        saved = services.partner_save(
            actor=request.user, organization=scope.organization, partner=partner, **form.cleaned_data
        )
        messages.success(request, _("Saved."))
        return redirect(_url(scope, "partner", partner=saved.pk))
    return render(request, "participants/partner_form.html", {"form": form, "partner": partner})


@organization_view(roles=READERS, privacy=Privacy.PERSONAL)
def partner_agreement(request: ScopedRequest, partner: int) -> HttpResponseBase:
    found = get_object_or_404(PartnerOrganization, organization=request.scope.organization, pk=partner)
    if not found.agreement_file.name:
        raise Http404
    name = found.agreement_file.name.rsplit("/", 1)[-1]
    return attachment_response(found.agreement_file, name)


# --- The vocabulary of requests and competencies ---------------------------------------------------


def _may_edit_vocabulary(scope: Scope) -> bool:
    return not scope.access.read_only and services.vocabulary_may_edit(
        organization=scope.organization, roles=scope.access.roles
    )


@organization_view(privacy=Privacy.PERSONAL)  # the school's own working list: not shown above it
def vocabulary(request: ScopedRequest) -> HttpResponse:
    """The terms the organisation works with (shared, its authority's, its own), filtered by kind or
    words; and what the matching understands in a text typed here."""
    from pairing.semantics import Concept, Vocabulary, plain_words

    scope = request.scope
    kind = request.GET.get("kind", "")
    query = " ".join(request.GET.get("q", "").split())[:100]
    text = request.GET.get("text", "")[:500]
    effective = selectors.vocabulary_effective(scope.organization)
    terms = [item.term for item in effective]
    by_pk = {term.pk: term for term in terms}
    understood = []
    if text.strip():
        found = Vocabulary(
            Concept(str(item.term.pk), item.term.name, item.synonyms, tuple(str(u.pk) for u in item.broader))
            for item in effective
            if not item.hidden
        )
        for keys, words in found.find(text):
            understood.append(
                {
                    "words": plain_words(words),
                    "typo": plain_words(words) != words,  # read as a misspelt word of a term
                    "terms": [by_pk[int(key)] for key in keys],
                }
            )
    shown = [
        item
        for item in effective
        if (not kind or item.term.kind == kind)
        and (
            not query
            or query.casefold() in item.term.name.casefold()
            or any(query.casefold() in str(word).casefold() for word in item.synonyms)
        )
    ]
    context = {
        "terms": shown,
        "total": len(terms),
        "kinds": VocabularyTerm.Kind.choices,
        "kind": kind,
        "q": query,
        "text": text,
        "understood": understood,
        "may_edit": _may_edit_vocabulary(scope),
    }
    return render(request, "participants/vocabulary.html", context)


def _vocabulary_form(request: ScopedRequest, term: VocabularyTerm | None) -> HttpResponse:
    scope = request.scope
    if not _may_edit_vocabulary(scope):
        raise PermissionDenied
    form = VocabularyTermForm(request.POST or None, organization=scope.organization, term=term)
    if request.method == "POST" and form.is_valid():
        try:
            services.vocabulary_term_save(
                actor=request.user,
                organization=scope.organization,
                term=term,
                kind=form.cleaned_data["kind"],
                name=form.cleaned_data["name"],
                synonyms=form.cleaned_data["synonyms"],
                broader=list(form.cleaned_data["broader"]),
            )
        except ParticipantsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect(_url(scope, "vocabulary"))
    status = 400 if request.method == "POST" else 200
    return render(request, "participants/vocabulary_form.html", {"form": form, "term": term}, status=status)


def _own_term_or_404(scope: Scope, term: int) -> VocabularyTerm:
    return get_object_or_404(VocabularyTerm, pk=term, organization=scope.organization)


@organization_view(privacy=Privacy.PERSONAL)  # the school's own working list: not shown above it
def vocabulary_term_override(request: ScopedRequest, term: int) -> HttpResponse:
    """A term the organisation sees but does not own, changed for it and those below it."""
    scope = request.scope
    if not _may_edit_vocabulary(scope):
        raise PermissionDenied
    effective = {item.term.pk: item for item in selectors.vocabulary_effective(scope.organization)}
    item = effective.get(term)
    if item is None or item.term.organization_id == scope.organization.pk:
        raise Http404
    form = VocabularyOverrideForm(
        request.POST if request.method == "POST" else None,  # all empty: the override is taken back
        organization=scope.organization,
        term=item.term,
        override=item.override,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.vocabulary_override_save(
                actor=request.user,
                organization=scope.organization,
                term=item.term,
                synonyms=form.cleaned_data["synonyms"],
                broader=list(form.cleaned_data["broader"]),
                hidden=form.cleaned_data["hidden"],
            )
        except ParticipantsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect(_url(scope, "vocabulary"))
    status = 400 if request.method == "POST" else 200
    return render(
        request, "participants/vocabulary_override.html", {"form": form, "item": item}, status=status
    )


@organization_view(privacy=Privacy.PERSONAL)  # the school's own working list: not shown above it
def vocabulary_term_create(request: ScopedRequest) -> HttpResponse:
    return _vocabulary_form(request, None)


@organization_view(privacy=Privacy.PERSONAL)  # the school's own working list: not shown above it
def vocabulary_term_edit(request: ScopedRequest, term: int) -> HttpResponse:
    return _vocabulary_form(request, _own_term_or_404(request.scope, term))


@organization_view(privacy=Privacy.PERSONAL)  # the school's own working list: not shown above it
def vocabulary_term_delete(request: ScopedRequest, term: int) -> HttpResponse:
    scope = request.scope
    if not _may_edit_vocabulary(scope):
        raise PermissionDenied
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    found = _own_term_or_404(scope, term)
    services.vocabulary_term_delete(actor=request.user, organization=scope.organization, term=found)
    messages.success(request, _("The term is deleted."))
    return redirect(_url(scope, "vocabulary"))


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def consents_bulk(request: ScopedRequest) -> HttpResponse:
    """Tick the people whose paper consents were collected: one date, one scan, the parent pre-filled."""
    scope = request.scope
    missing = selectors.missing_consents(scope.programme)
    groups = sorted({person.group_name for person in missing if person.group_name})
    group = request.GET.get("group", "")
    shown = [person for person in missing if not group or person.group_name == group]
    form = BulkConsentForm(request.POST or None, request.FILES or None)
    chosen: set[int] = set()
    names: dict[int, str] = {}
    if request.method == "POST":
        by_id = {person.pk: person for person in missing}
        try:
            chosen = {int(value) for value in request.POST.getlist("person")}
        except ValueError:
            chosen = set()
        if not chosen <= set(by_id):
            raise Http404  # someone not in this organisation's list of people without a consent
        names = {pk: request.POST.get(f"representative-{pk}", "").strip()[:300] for pk in by_id}
        if form.is_valid():
            try:
                recorded = services.consents_record_bulk(
                    actor=request.user,
                    people=[by_id[pk] for pk in sorted(chosen)],
                    given_on=form.cleaned_data["given_on"],
                    given_by=form.cleaned_data["given_by"],
                    representatives={pk: names.get(pk, "") for pk in chosen},
                    representative_relation=form.cleaned_data["representative_relation"],
                    scan=form.cleaned_data["scan"],
                )
            except ParticipantsError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Consents recorded: %(count)s.") % {"count": len(recorded)})
                return redirect(_url(scope, "consents"))
    else:
        # ticked on a list of the bases («Записать согласие» of the action bar)
        chosen = {int(value) for value in request.GET.getlist("person") if value.isdigit()}
        _audit_view(request, _("People without a consent"))
    rows = [
        {
            "person": person,
            "checked": person.pk in chosen,
            "representative": names.get(person.pk, person.guardian_name),
        }
        for person in shown
    ]
    context = {"form": form, "rows": rows, "groups": groups, "group": group}
    status = 400 if request.method == "POST" else 200
    return render(request, "participants/consents_bulk.html", context, status=status)


# --- Bulk work on the lists of mentees and mentors --------------------------------------------------


def _ticked_people(request: ScopedRequest, values: list[str]) -> list[Person]:
    """The ticked people of this organisation; anyone else (or a made-up id) is not found: 404."""
    try:
        ids = {int(value) for value in values}
    except ValueError as error:
        raise Http404 from error
    found = list(
        Person.objects.filter(
            organization=request.scope.organization, pk__in=ids, anonymised_at__isnull=True
        ).order_by("last_name", "first_name", "patronymic", "pk")
    )
    if len(found) != len(ids):
        raise Http404
    return found


def _safe_back(request: ScopedRequest, value: str, kind: str) -> str:
    if value.startswith("/") and not value.startswith("//"):
        return value
    return _url(request.scope, "mentors" if kind == "mentors" else "mentees")


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def people_bulk(request: ScopedRequest) -> HttpResponse:
    """The action bar of a list: consent (the consents page with them ticked), status, delete (confirm)."""
    scope = request.scope
    kind = "mentors" if request.POST.get("kind") == "mentors" else "mentees"
    back = _safe_back(request, request.POST.get("back", ""), kind)
    people = _ticked_people(request, request.POST.getlist("person"))
    action = request.POST.get("action", "")
    if not people:
        messages.error(request, _("Tick at least one person in the list."))
        return redirect(back)
    ids = "&".join(f"person={person.pk}" for person in people)
    if action == "consent":
        return redirect(f"{_url(scope, 'consents_bulk')}?{ids}")
    if action == "delete":
        return redirect(f"{_url(scope, 'people_delete')}?kind={kind}&{ids}")
    if action == "status":
        try:
            changed = services.profiles_set_status(
                actor=request.user,
                programme=scope.programme,
                kind=kind,
                people=people,
                status=request.POST.get("status", ""),
            )
        except ParticipantsError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "The status is set for %(count)d person.",
                    "The status is set for %(count)d people.",
                    changed,
                )
                % {"count": changed},
            )
        return redirect(back)
    messages.error(request, _("Choose what to do with the ticked people."))
    return redirect(back)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def people_delete(request: ScopedRequest) -> HttpResponse:
    """Confirm the deletion of people added by mistake: who goes, and what goes with them, into the trash."""
    scope = request.scope
    source = request.POST if request.method == "POST" else request.GET
    kind = "mentors" if source.get("kind") == "mentors" else "mentees"
    people = _ticked_people(request, source.getlist("person"))
    error = ""
    if request.method == "POST":
        try:
            items = services.people_trash(
                actor=request.user, organization=scope.organization, programme=scope.programme, people=people
            )
        except ParticipantsError as refused:
            error = str(refused)
        else:
            undo_remember(
                request,
                url=reverse("trash_undo", kwargs=scope.url_kwargs),
                label=_("deletion"),
                data={"items": items, "back": _url(scope, kind)},
            )
            messages.success(
                request,
                ngettext(
                    "%(count)d person is deleted into the trash.",
                    "%(count)d people are deleted into the trash.",
                    len(items),
                )
                % {"count": len(items)},
                extra_tags="undo",
            )
            return redirect(_url(scope, kind))
    rows = selectors.people_deletion_preview(people)
    _audit_view(request, _("Deletion of people"))
    context = {"rows": rows, "kind": kind, "error": error}
    return render(request, "participants/people_delete.html", context, status=400 if error else 200)

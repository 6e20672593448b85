"""A row of the mentee and mentor bases written in Python (``people_row``) gives the markup the page's
template gave: the former row, kept here verbatim, and the tag are rendered for mentees and mentors with and
without consent, in every status, with a name that tries to inject a script — for a curator (the bulk
ticks) and for read-only access. The one deliberate difference: the tag cuts a long list of requests before
escaping it (the former row cut the escaped text and could halve an entity such as ``&amp;``)."""

from __future__ import annotations

import re
from datetime import date
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.urls import reverse

from mentoring.models import Role
from participants.models import Consent, Person, ProfileStatus
from participants.selectors import mentees, mentors
from participants.services import mentee_profile_save, mentor_profile_save, person_create
from participants.views import _PeopleRow
from tests.factories import MembershipFactory, UserFactory

FORMER_ROW = """{% for row in rows %}{% with profile=row.profile person=row.profile.person %}
    <tr>
      {% if scope.access.can_manage %}<td><label class="tick-area"><input class="form-check-input" type="checkbox" name="person" value="{{ person.pk }}" id="tick-{{ person.pk }}" aria-labelledby="name-{{ person.pk }}"></label></td>{% endif %}
      <td><a href="{{ person_url|with_pk:person.pk }}" id="name-{{ person.pk }}">{{ person.full_name }}</a>
        <div class="small text-body-secondary">{{ row.kind_label }}{% if profile.status != "active" %} · {{ row.status_label }}{% endif %}</div></td>
      <td>{{ profile.year_group|default:person.group_name|default:"—" }}</td>
      {% if kind == "mentees" %}
      <td class="small d-none d-md-table-cell">{{ profile.requests|join:"; "|truncatechars:120 }}</td>
      <td class="small d-none d-lg-table-cell">{{ profile.categories|join:", " }}</td>
      {% else %}
      <td class="small d-none d-md-table-cell">{{ profile.competencies|join:"; "|truncatechars:120 }}</td>
      <td class="small d-none d-lg-table-cell">{% if profile.training_done %}{{ t_completed }}{% if profile.training_date %} {{ profile.training_date|date:"d.m.Y" }}{% endif %}{% else %}<span class="text-body-secondary">{{ t_not_yet }}</span>{% endif %}</td>
      <td class="small d-none d-lg-table-cell text-end">{{ profile.capacity }}</td>
      {% endif %}
      <td>{% if profile.has_consent %}<span class="badge text-bg-success" title="{{ t_consent_title }}"><i class="bi bi-shield-check" aria-hidden="true"></i> {{ t_consent }}</span>{% else %}<span class="badge text-bg-warning" title="{{ t_no_consent_title }}"><i class="bi bi-shield-exclamation" aria-hidden="true"></i> {{ t_no_consent }}</span>{% endif %}</td>
    </tr>
  {% endwith %}{% endfor %}"""

# the labels as ``participants/people_list.html`` sets them before its loop
PAGE_PARTS = (
    "{% load i18n ui participants_tags %}"
    '{% translate "completed" as t_completed %}{% translate "not yet" as t_not_yet %}'
    '{% translate "Consent to personal data processing is on record" as t_consent_title %}'
    '{% translate "consent" as t_consent %}'
    '{% translate "No consent: cannot be paired, left out of exports" as t_no_consent_title %}'
    '{% translate "no consent" as t_no_consent %}'
)
TAG_ROWS = "{% for row in rows %}{% people_row row %}{% endfor %}"
SCRIPT = "<script>alert('x')</script>"
# requests or competencies: escaped text, and a list over 120 characters (without characters to escape:
# there the former row's cut fell elsewhere, see the test below)
LISTS = ([SCRIPT], ["Олимпиады по физике", "Физика & химия"], ["Подготовка к ОГЭ " * 8, "Олимпиады"])


def _whitespace(markup: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", markup)).strip()


def _people(programme, *, mentor: bool) -> None:
    specs = [
        {"last_name": SCRIPT, "group_name": "7Б & 7В", "status": ProfileStatus.ACTIVE, "consent": True},
        {"last_name": "О'Нил", "group_name": "", "status": ProfileStatus.CANDIDATE, "consent": False},
        {"last_name": "Петров", "group_name": "5А", "status": ProfileStatus.LEFT, "consent": True},
    ]
    for index, spec in enumerate(specs):
        person = person_create(
            actor=None,
            organization=programme.organization,
            last_name=spec["last_name"],
            first_name="Пётр",
            patronymic="",
            birth_date=date(1990 if mentor else 2012, 1, 1 + index),
            kind="teacher" if mentor else "pupil",
            group_name=spec["group_name"],
        )
        if mentor:
            mentor_profile_save(
                actor=None,
                person=person,
                programme=programme,
                status=spec["status"],
                competencies=LISTS[index],
                training_done=index > 0,
                training_date=date(2025, 10, 3) if index == 2 else None,
                capacity=index + 1,
            )
        else:
            mentee_profile_save(
                actor=None,
                person=person,
                programme=programme,
                status=spec["status"],
                requests=LISTS[index],
                gifted=index % 2 == 0,
                orphan=index == 2,
            )
        if spec["consent"]:
            Consent.objects.create(
                person=person,
                scope="personal_data",
                given_by="representative",
                representative_name="Петрова Анна",
                given_on=date(2025, 9, 1),
            )


@pytest.mark.parametrize("kind", ["mentees", "mentors"])
@pytest.mark.parametrize("manage", [True, False])
def test_the_row_tag_writes_what_the_row_template_wrote(programme, kind, manage):
    _people(programme, mentor=kind == "mentors")
    profiles = list(mentees(programme) if kind == "mentees" else mentors(programme))
    assert len(profiles) == 3
    kinds = dict(Person.Kind.choices)
    statuses = dict(ProfileStatus.choices)
    rows = [
        _PeopleRow(p, kind_label=str(kinds[p.person.kind]), status_label=str(statuses[p.status]))
        for p in profiles
    ]
    context = {
        "scope": SimpleNamespace(access=SimpleNamespace(can_manage=manage)),
        "kind": kind,
        "person_url": "/o/s/2025/participants/people/0/",
        "rows": rows,
    }
    former = _whitespace(Template(PAGE_PARTS + FORMER_ROW).render(Context(context)))
    tag = _whitespace(Template(PAGE_PARTS + TAG_ROWS).render(Context(context)))
    assert tag == former
    assert "<script>" not in tag and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in tag
    assert "О&#x27;Нил" in tag and "7Б &amp; 7В" in tag
    assert ("tick-area" in tag) is manage
    assert (tag.count('aria-labelledby="name-') == 3) is manage and tag.count('id="name-') == 3
    assert tag.count('class="badge text-bg-success"') == 2 and tag.count('class="badge text-bg-warning"') == 1
    assert "…" in tag  # the long list was cut


def test_a_long_list_is_cut_before_it_is_escaped(programme):
    """120 characters of text, then «…»: never half an entity."""
    person = person_create(
        actor=None,
        organization=programme.organization,
        last_name="Сидоров",
        first_name="Иван",
        birth_date=date(2012, 1, 1),
        kind="pupil",
    )
    mentee_profile_save(actor=None, person=person, programme=programme, requests=["Физика & химия " * 12])
    row = _PeopleRow(mentees(programme).get(), kind_label="", status_label="")
    markup = Template(PAGE_PARTS + TAG_ROWS).render(
        Context({"scope": None, "kind": "mentees", "person_url": "/p/0/", "rows": [row]})
    )
    cell = re.search(r'd-md-table-cell">([^<]*)</td>', markup)
    assert cell is not None
    text = cell.group(1)
    assert text.endswith("…") and not re.search(r"&[a-z#0-9]*…$", text)
    assert len(text.replace("&amp;", "&")) == 120


def test_the_page_shows_the_rows(client, programme):
    """The mentee base through the whole view: the escaped name, its link and the tick's label."""
    _people(programme, mentor=False)
    user = UserFactory()
    MembershipFactory(user=user, organization=programme.organization, role=Role.CURATOR)
    client.force_login(user)
    page = client.get(
        reverse(
            "participants:mentees",
            kwargs={"org": programme.organization.slug, "year": programme.academic_year.start_year},
        )
    ).content.decode()
    person = Person.objects.get(last_name=SCRIPT)
    assert SCRIPT not in page
    assert f'<a href="/o/{programme.organization.slug}/{programme.academic_year.start_year}/' in page
    assert f'id="name-{person.pk}">&lt;script&gt;' in page and f'aria-labelledby="name-{person.pk}"' in page

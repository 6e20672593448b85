"""``|as_field`` and ``|as_fields`` (mentoring/templatetags/fields.py) write what crispy writes.

The pages' filter bars and small forms use the fast filters instead of ``|as_crispy_field`` and ``|crispy``;
the markup must stay the same (same classes, ids, labels, errors and help texts), so each field kind is
rendered by both, unbound and with errors, and compared as HTML.
"""

from __future__ import annotations

import pytest
from django import forms
from django.template import Context, Template
from django.test.html import parse_html

from mentoring.templatetags.fields import _python_widget, as_control, as_field, as_fields


class Everything(forms.Form):
    required_css_class = "is-required"
    error_css_class = "has-error"

    name = forms.CharField(label="ФИО", max_length=50)
    note = forms.CharField(label="Заметка", required=False, help_text="Видна <b>только</b> куратору")
    count = forms.IntegerField(label="Сколько", required=False, min_value=1)
    day = forms.DateField(label="День", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    status = forms.ChoiceField(label="Статус", choices=[("", "— все —"), ("a", "Активна"), ("b", "Закрыта")])
    several = forms.MultipleChoiceField(
        label="Несколько", choices=[("x", "Икс"), ("y", "Игрек")], required=False
    )
    text = forms.CharField(label="Текст", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    yes = forms.BooleanField(label="Только просроченные", required=False)
    must = forms.BooleanField(label="Согласен", help_text="Обязательно")
    maybe = forms.NullBooleanField(label="Может быть", required=False)
    styled = forms.CharField(
        label="С классом", required=False, widget=forms.TextInput(attrs={"class": "form-control-sm"})
    )
    unlabelled = forms.CharField(label="", required=False)
    format = forms.ChoiceField(
        label="Формат", choices=[("xlsx", "Excel"), ("pdf", "PDF")], initial="xlsx", widget=forms.RadioSelect
    )
    columns = forms.MultipleChoiceField(
        label="Столбцы",
        choices=[("Люди", [("a", "ФИО"), ("b", "Класс")]), ("c", "Телефон <родителя>")],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Какие столбцы выгрузить",
    )
    numbers = forms.TypedMultipleChoiceField(
        label="Числа", choices=[(1, "один"), (2, "два")], coerce=int, widget=forms.CheckboxSelectMultiple
    )
    secret = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        raise forms.ValidationError("Общая ошибка формы")


def _crispy_field(form: forms.Form, name: str) -> str:
    template = Template("{% load crispy_forms_tags %}{{ field|as_crispy_field }}")
    return template.render(Context({"field": form[name]}))


def _crispy_form(form: forms.Form) -> str:
    return Template("{% load crispy_forms_tags %}{{ form|crispy }}").render(Context({"form": form}))


BOUND = {
    "name": "x" * 60,
    "count": "0",
    "day": "не дата",
    "status": "zzz",
    "several": ["q"],
    "maybe": "2",
    "format": "doc",
    "columns": ["a", "zz"],
    "numbers": ["2"],
}


@pytest.mark.parametrize("data", [None, BOUND], ids=["unbound", "errors"])
@pytest.mark.parametrize("name", list(Everything.base_fields))
def test_each_field_is_written_as_crispy_writes_it(name, data):
    ours = str(as_field(Everything(data)[name]))  # before crispy: crispy changes the widget's attrs
    theirs = _crispy_field(Everything(data), name)
    assert parse_html(ours) == parse_html(theirs), f"{name}:\n{ours}\n---\n{theirs}"


@pytest.mark.parametrize("data", [None, BOUND], ids=["unbound", "errors"])
def test_a_whole_form_is_written_as_crispy_writes_it(data):
    ours = str(as_fields(Everything(data)))
    theirs = _crispy_form(Everything(data))
    assert parse_html(ours) == parse_html(theirs)
    if data:
        assert "Общая ошибка формы" in ours and "invalid-feedback" in ours


@pytest.mark.parametrize("data", [None, BOUND, {"name": '"><b>', "count": "5", "yes": "on", "status": "b"}])
@pytest.mark.parametrize("name", list(Everything.base_fields))
def test_a_widget_alone_is_written_as_django_writes_it(name, data):
    """``|as_control`` (the inputs and selects written in Python) gives Django's own ``as_widget``, character
    for character except the blank lines Django's option template leaves between the options."""
    form = Everything(data)
    ours, theirs = str(as_control(form[name])), str(Everything(data)[name].as_widget())
    assert ours.replace("\n", "") == theirs.replace("\n", ""), f"{name}:\n{ours}\n---\n{theirs}"
    assert parse_html(ours) == parse_html(theirs)


def test_inputs_and_selects_are_written_in_python():
    """The plain widgets do not go through the template engine (that is the point); the others do."""
    form = Everything()
    written = {name for name in Everything.base_fields if _python_widget(form[name])}
    assert written == {
        "name",
        "note",
        "count",
        "day",
        "status",
        "several",
        "yes",
        "must",
        "maybe",
        "styled",
        "unlabelled",
        "secret",
    }


def test_values_and_labels_are_escaped():
    form = Everything({"name": '"><script>alert(1)</script>'})
    html = str(as_field(form["name"]))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html or "&quot;&gt;&lt;script" in html


def test_the_pages_filter_forms(db):
    """The filter bars of the lists, as the pages build them, bound to a query that fails validation."""
    from mentoring.journal import JournalFilterForm
    from monitoring.kpis.forms import ActivityFilterForm
    from pairing.forms import GroupFilterForm
    from participants.forms import MenteeFilterForm, MentorFilterForm
    from roadmap.forms import FilterForm as RoadmapFilterForm

    from ..factories import OrganizationFactory, ProgrammeFactory

    programme = ProgrammeFactory(organization=OrganizationFactory())
    builders = [
        lambda data: MenteeFilterForm(data, groups=[]),
        lambda data: MentorFilterForm(data, groups=[]),
        lambda data: RoadmapFilterForm(data, responsible_choices=[(1, "Иванова А. А.")]),
        lambda data: GroupFilterForm(data, programme=programme),
        lambda data: ActivityFilterForm(data),
        lambda data: JournalFilterForm(data, organization=programme.organization),
    ]
    for build in builders:
        for data in (
            None,
            {"status": "nonsense", "month": "13", "kind": "?", "date_from": "x", "mentor": "y"},
        ):
            for name in build(data).fields:
                ours = str(as_field(build(data)[name]))
                theirs = _crispy_field(build(data), name)
                assert parse_html(ours) == parse_html(theirs), f"{name}:\n{ours}\n---\n{theirs}"


def test_every_report_form_of_the_reports_page(db):
    """The options of every report (radio buttons, checkbox lists, dates, selects) as the page shows them."""
    from mentoring.access import Scope, access_for
    from mentoring.models import Role
    from reports.forms import options_form_for
    from reports.registry import registry

    from ..factories import MembershipFactory, OrganizationFactory, ProgrammeFactory

    programme = ProgrammeFactory(organization=OrganizationFactory())
    user = MembershipFactory(organization=programme.organization, role=Role.CURATOR).user

    scope = Scope(
        organization=programme.organization,
        programme=programme,
        access=access_for(user, programme.organization),
    )
    reports = list(registry.available(scope))
    assert len(reports) > 10
    for report in reports:
        for data in (None, {"nonsense": "1"}):
            ours = str(as_fields(options_form_for(report, scope, data=data)))
            theirs = _crispy_form(options_form_for(report, scope, data=data))
            assert parse_html(ours) == parse_html(theirs), f"{report.identifier}:\n{ours}\n---\n{theirs}"


class Selects(forms.Form):
    plain = forms.ChoiceField(
        choices=[("", "— все —"), ("a", "Активна"), ("b", "Закрыта <b>")], required=False
    )
    grouped = forms.ChoiceField(
        choices=[
            ("", "—"),
            ("Люди", [("a", "ФИО"), ("b", "Класс & группа")]),
            ("c", "Телефон"),
            (None, "Пусто"),
        ],
        required=False,
    )
    twice = forms.ChoiceField(choices=[("a", "Первый"), ("a", "Второй"), ("b", "Третий")], required=False)
    numbers = forms.TypedChoiceField(
        choices=[("", "Любой"), (1, "один"), (20, "двадцать")], coerce=int, required=False
    )
    several = forms.MultipleChoiceField(
        choices=[("x", "Икс"), ("y", "Игрек"), ("z", "Зет")],
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 3}),
    )
    styled = forms.ChoiceField(
        choices=[("a", "А"), ("b", "Б")],
        required=False,
        widget=forms.Select(attrs={"class": "form-select-sm"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.utils.translation import gettext_lazy

        self.fields["lazy"] = forms.ChoiceField(
            choices=[("", gettext_lazy("Any")), ("x", gettext_lazy("Status"))], required=False
        )


@pytest.mark.parametrize(
    "data",
    [
        None,
        {
            "plain": "b",
            "grouped": "b",
            "twice": "a",
            "numbers": "20",
            "several": ["x", "z"],
            "styled": "b",
            "lazy": "x",
        },
        {"plain": "zzz", "grouped": "", "numbers": "bad"},
    ],
)
def test_plain_selects_are_written_byte_for_byte_as_from_the_widgets_options(data, monkeypatch):
    """A plain ``Select``'s options written from its choices (``_plain_options``) are the very markup written
    from the widget's own ``optgroups`` (Django's context), and the same HTML as Django's templates."""
    from mentoring.templatetags import fields

    form = Selects(data)
    fast = {}
    for bound in form:
        assert _python_widget(bound) and fields._plain_select(bound.field.widget)
        fast[bound.name] = str(as_control(bound)), str(as_field(bound))
    monkeypatch.setattr(fields, "_plain_select", lambda widget: False)
    for bound in Selects(data):
        assert fast[bound.name] == (str(as_control(bound)), str(as_field(bound))), bound.name
        assert parse_html(fast[bound.name][0]) == parse_html(str(bound.as_widget())), bound.name

"""``{{ form.field|as_field }}`` and ``{{ form|as_fields }}``: Bootstrap 5 form fields without crispy's cascade.

crispy-forms renders one field through a dozen nested templates (``field.html`` includes the help text and
error templates, each with its own context) — about a millisecond a field, ten on a filter bar. These filters
write the same markup as ``|as_crispy_field`` (crispy-bootstrap5's ``field.html`` with its defaults: labels
and errors shown, errors as a block under the field) directly in Python, and leave the widget itself to
Django. ``tests/mentoring/test_fields_markup.py`` compares the two on every kind of field the pages use.

Only the plain cases are written here — text-like inputs, textareas, selects, single checkboxes, radio
buttons and checkbox lists, with or without errors and help text. Anything else (files, multi-widgets, a
form with a crispy ``helper``) goes to crispy unchanged, so the markup is always crispy's.
"""

from __future__ import annotations

import html

from django import forms, template
from django.conf import settings
from django.forms.boundfield import BoundField
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_CRISPY_ONLY = (forms.FileInput, forms.MultiWidget)


def _widget_class(widget: forms.Widget, extra: str) -> str:
    """crispy's class attribute: the widget's own classes, its class name in lower case, then ``extra``."""
    converters = getattr(settings, "CRISPY_CLASS_CONVERTERS", {})
    class_name = widget.__class__.__name__.lower()
    class_name = converters.get(class_name, class_name)
    css = widget.attrs.get("class", "")
    if css:
        if css.find(class_name) == -1:
            css += f" {class_name}"
    else:
        css = class_name
    present = css.split()
    for name in extra.split():
        if name not in present:
            css += f" {name}"
            present.append(name)
    return css


def _crispy(field: BoundField) -> SafeString:
    from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field

    return as_crispy_field(field)


def _errors(field: BoundField) -> str:
    if not field.errors:
        return ""
    auto_id = field.auto_id
    items = "".join(
        format_html('<p id="error_{}_{}"><strong>{}</strong></p>', number, auto_id, error)
        for number, error in enumerate(field.errors, start=1)
    )
    field_id = getattr(field.errors, "field_id", None)  # set by BoundField.errors
    return format_html('<div id="{}_error" class="invalid-feedback">', field_id) + items + "</div>"


def _help(field: BoundField) -> str:
    if not field.help_text:
        return ""
    # crispy marks the help text safe (``|safe``): it is written by us, never by a user
    help_text = mark_safe(field.help_text)  # noqa: S308  help texts come from our code, never from a user
    if field.auto_id:
        return format_html('<div id="{}_helptext" class="form-text">{}</div>', field.auto_id, help_text)
    return format_html('<div class="form-text">{}</div>', help_text)


_ASTERISK = format_html('<span class="asteriskField">{}</span>', "*")
_NOTHING = SafeString("")


def _required(field: BoundField) -> tuple[str, SafeString]:
    if field.field.required:
        return " requiredField", _ASTERISK
    return "", _NOTHING


def _option_attrs(attrs: dict) -> str:
    """crispy's ``layout/attrs.html``: ``name="value"``, a bare name for True, nothing for False."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(format_html(" {}", name))
        else:
            parts.append(format_html(' {}="{}"', name, str(value)))
    return "".join(parts)


_SELECT = "django/forms/widgets/select.html"
_SELECTS = frozenset({_SELECT})
_OPTION = "django/forms/widgets/select_option.html"


def _widget_context(field: BoundField, css: str | None) -> dict:
    """The widget's context as ``BoundField.as_widget(attrs={"class": css})`` would render it with."""
    widget = field.field.widget
    attrs = field.build_widget_attrs({"class": css} if css is not None else {}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    return widget.get_context(field.html_name, field.value(), attrs)["widget"]


# Django's input widgets whose template is ``input.html`` alone (``text.html`` and the others include it)
_INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in (
        "input",
        "text",
        "number",
        "email",
        "url",
        "password",
        "search",
        "tel",
        "date",
        "datetime",
        "time",
        "checkbox",
        "hidden",
    )
)


def _input(field: BoundField, css: str | None) -> str:
    """An input as Django's ``input.html`` writes it (with ``attrs.html``), in Python: two template includes
    per field otherwise, on every filter bar."""
    context = _widget_context(field, css)
    value = context["value"]
    value_attr = format_html(' value="{}"', str(value)) if value is not None else ""
    return format_html('<input type="{}" name="{}"', context["type"], context["name"]) + (
        value_attr + _option_attrs(context["attrs"]) + ">"
    )


def _python_widget(field: BoundField) -> bool:
    """Whether ``_control`` writes the widget in Python with exactly the markup of Django's templates."""
    widget = field.field.widget
    if field.field.localize or type(widget).render is not forms.Widget.render:
        return False
    if isinstance(widget, forms.Select):
        return widget.template_name in _SELECTS and widget.option_template_name == _OPTION
    return isinstance(widget, forms.widgets.Input) and widget.template_name in _INPUT_TEMPLATES


def _control(field: BoundField, css: str | None = None) -> str:
    """``field.as_widget(attrs={"class": css})`` (no attrs when ``css`` is None), in Python where
    ``_python_widget`` allows."""
    if not _python_widget(field):
        return field.as_widget(attrs={"class": css} if css is not None else None)
    if isinstance(field.field.widget, forms.Select):
        return _select(field, css)
    return _input(field, css)


@register.filter
def as_control(field: BoundField) -> SafeString:
    """``{{ field.as_widget }}``: the widget alone, written in Python for Django's plain inputs and selects."""
    return mark_safe(_control(field))  # noqa: S308 (every part is escaped in _select and _input)


def _select(field: BoundField, css: str | None) -> str:
    """A select as Django's ``select.html`` and ``select_option.html`` write it, in Python: those templates
    cost an include per option (a filter of forty mentors, a base's classes). The attributes, the options
    and the selected ones come from the widget's own ``get_context``, as ``BoundField.as_widget`` passes
    them."""
    context = _widget_context(field, css)
    parts = [format_html('<select name="{}"', context["name"]), _option_attrs(context["attrs"]), ">"]
    for group_name, group_choices, _index in context["optgroups"]:
        if group_name:
            parts.append(format_html('\n  <optgroup label="{}">', group_name))
        for option in group_choices:  # format_html's markup, without its cost per call: a thousand people
            attrs = option["attrs"]
            parts.append(
                f'\n  <option value="{html.escape(str(option["value"]))}"{_option_attrs(attrs) if attrs else ""}>'
                f"{conditional_escape(option['label'])}</option>"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _choices(field: BoundField) -> str:
    """crispy's ``layout/radio_checkbox_select.html`` for radio buttons and checkbox lists (not inline)."""
    from crispy_forms.templatetags.crispy_forms_filters import optgroups

    invalid = " is-invalid" if field.errors else ""
    groups = list(optgroups(field))
    parts = ["<div>"]
    for number, (group, options, _index) in enumerate(groups, start=1):
        if group:
            parts.append(format_html("<strong>{}</strong>", group))
        for position, option in enumerate(options, start=1):
            parts.append('<div class="form-check">')
            parts.append(
                format_html(
                    '<input type="{}" class="form-check-input{}" name="{}" value="{}"',
                    option["type"],
                    invalid,
                    field.html_name,
                    str(option["value"]),
                )
            )
            parts.append(_option_attrs(option["attrs"]) + ">")
            parts.append(
                format_html(
                    '<label for="{}" class="form-check-label">{}</label>',
                    option["attrs"].get("id", ""),
                    str(option["label"]),
                )
            )
            if field.errors and position == len(options) and number == len(groups):
                parts.append(_errors(field))
            parts.append("</div>")
    parts.append("</div>")
    return "".join(parts) + _help(field)


@register.filter
def as_field(field: BoundField) -> SafeString:
    """One field as ``|as_crispy_field`` writes it with the bootstrap5 pack."""
    if not isinstance(field, BoundField):
        return _crispy(field)
    widget = field.field.widget
    if isinstance(widget, _CRISPY_ONLY) or getattr(field.form, "helper", None) is not None:
        return _crispy(field)
    if field.is_hidden:
        return mark_safe(str(field))  # noqa: S308 (Django's widget output)
    required_class, asterisk = _required(field)
    invalid = " is-invalid" if field.errors else ""
    extra_classes = f" {field.css_classes()}" if field.css_classes() else ""
    if isinstance(widget, forms.CheckboxInput):
        check = _control(field, _widget_class(widget, "form-check-input" + invalid))
        check_label = format_html(
            '<label for="{}" class="form-check-label{}">{}{}</label>',
            field.id_for_label,
            required_class,
            field.label,
            asterisk,
        )
        check_body = check + check_label + _errors(field) + _help(field)
        return mark_safe(  # noqa: S308 (every part is escaped above)
            f'<div class="mb-3"><div id="div_{conditional_escape(field.auto_id)}" '
            f'class="form-check{conditional_escape(extra_classes)}">{check_body}</div></div>'
        )
    control: str
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        control = _choices(field)
    else:
        base = "form-select" if isinstance(widget, forms.Select) else "form-control"
        control = _control(field, _widget_class(widget, base + invalid))
    label: str = ""
    if field.label:
        for_attr = format_html(' for="{}"', field.id_for_label) if field.id_for_label else _NOTHING
        tag = "legend" if field.use_fieldset else "label"
        fieldset_class = " fs-6" if field.use_fieldset else ""
        label = format_html(
            '<{}{} class="form-label{}{}">{}{}</{}>',
            tag,
            for_attr,
            required_class,
            fieldset_class,
            field.label,
            asterisk,
            tag,
        )
        if field.use_fieldset:
            described = (
                format_html(' aria-describedby="{}"', field.aria_describedby)
                if field.aria_describedby
                else ""
            )
            label = format_html("<fieldset{}>", described) + label
    if not isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        control += _errors(field) + _help(field)
    body = label + control
    if field.label and field.use_fieldset:
        body += "</fieldset>"
    return mark_safe(  # noqa: S308 (every part is escaped above)
        f'<div id="div_{conditional_escape(field.auto_id)}" class="mb-3{conditional_escape(extra_classes)}">'
        f"{body}</div>"
    )


@register.filter
def as_fields(form: forms.BaseForm) -> SafeString:
    """A whole form's fields as ``{{ form|crispy }}`` writes them for a form without a helper (the form tag
    and the submit button stay in the template): non-field errors first, then every field."""
    if getattr(form, "helper", None) is not None:
        from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form

        return as_crispy_form(form)
    parts = []
    errors = form.non_field_errors()
    if errors:
        items = "".join(format_html("<li>{}</li>", error) for error in errors)
        parts.append(f'<div class="alert alert-block alert-danger"><ul class="m-0">{items}</ul></div>')
    parts.extend(str(as_field(field)) for field in form)
    return mark_safe("".join(parts))  # noqa: S308 (every part is escaped above)

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
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _esc(value: object) -> str:
    """``conditional_escape`` without its lazy-string wrappers: safe markup as it is, anything else — a
    lazy translation too — as text through the standard library's escape, as Django's ``escape`` does."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _format_html(template_string: str, *args: object) -> SafeString:
    """``format_html`` with positional arguments, the same markup: each argument through ``_esc`` instead
    of ``conditional_escape`` (whose lazy-string wrappers cost more than the escaping; a filter bar
    formats some forty pieces)."""
    return SafeString(template_string.format(*[_esc(arg) for arg in args]))


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
        _format_html('<p id="error_{}_{}"><strong>{}</strong></p>', number, auto_id, error)
        for number, error in enumerate(field.errors, start=1)
    )
    field_id = getattr(field.errors, "field_id", None)  # set by BoundField.errors
    return _format_html('<div id="{}_error" class="invalid-feedback">', field_id) + items + "</div>"


def _help(field: BoundField) -> str:
    if not field.help_text:
        return ""
    # crispy marks the help text safe (``|safe``): it is written by us, never by a user
    help_text = mark_safe(field.help_text)  # noqa: S308  help texts come from our code, never from a user
    if field.auto_id:
        return _format_html('<div id="{}_helptext" class="form-text">{}</div>', field.auto_id, help_text)
    return _format_html('<div class="form-text">{}</div>', help_text)


_ASTERISK = _format_html('<span class="asteriskField">{}</span>', "*")
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
            parts.append(_format_html(" {}", name))
        else:
            parts.append(_format_html(' {}="{}"', name, str(value)))
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
    value_attr = _format_html(' value="{}"', str(value)) if value is not None else ""
    return _format_html('<input type="{}" name="{}"', context["type"], context["name"]) + (
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


def _plain_select(widget: forms.Widget) -> bool:
    """Whether the widget's context and options are Django's own ``Select``'s (``_plain_options`` writes
    them without building them): no subclass changed how they are made."""
    if not isinstance(widget, forms.Select):
        return False
    kind = type(widget)
    return (
        kind.get_context is forms.Select.get_context
        and kind.format_value is forms.Select.format_value
        and kind.optgroups is forms.Select.optgroups
        and kind.create_option is forms.Select.create_option
        and kind.build_attrs is forms.Widget.build_attrs
        and not widget.option_inherits_attrs
        and widget.checked_attribute == {"selected": True}
    )


def _plain_options(widget: forms.Select, value: list[str]) -> list[str]:
    """The options ``select.html`` writes from ``optgroups(name, value)``, written from the choices directly:
    Django builds a dict of eleven keys per option first (``create_option``), which cost more than the
    markup on a filter of forty mentors. The same groups, the same selected option (the first matching
    one, unless the select takes several), the same escaping."""
    parts: list[str] = []
    has_selected = False
    multiple = widget.allow_multiple_selected
    for option_value, option_label in widget.choices:
        if option_value is None:
            option_value = ""
        if isinstance(option_label, list | tuple):
            group_name, choices = option_value, option_label
        else:
            group_name, choices = None, [(option_value, option_label)]
        if group_name:
            parts.append(_format_html('\n  <optgroup label="{}">', group_name))
        for subvalue, sublabel in choices:
            selected = (not has_selected or multiple) and str(subvalue) in value
            has_selected |= selected
            parts.append(
                f'\n  <option value="{html.escape(str(subvalue))}"{" selected" if selected else ""}>'
                f"{_esc(sublabel)}</option>"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    return parts


def _select(field: BoundField, css: str | None) -> str:
    """A select as Django's ``select.html`` and ``select_option.html`` write it, in Python: those templates
    cost an include per option (a filter of forty mentors, a base's classes). The attributes, the options
    and the selected ones are the widget's own ``get_context``'s, as ``BoundField.as_widget`` passes
    them (for Django's plain ``Select``, its options are written from the choices: ``_plain_options``)."""
    widget = field.field.widget
    if _plain_select(widget):
        attrs = field.build_widget_attrs({"class": css} if css is not None else {}, widget)
        if field.auto_id and "id" not in widget.attrs:
            attrs.setdefault("id", field.auto_id)
        attrs = widget.build_attrs(widget.attrs, attrs)
        if widget.allow_multiple_selected:
            attrs["multiple"] = True
        value = widget.format_value(field.value())
        parts: list[str] = [_format_html('<select name="{}"', field.html_name), _option_attrs(attrs), ">"]
        parts += _plain_options(widget, value)
        parts.append("\n</select>")
        return "".join(parts)
    context = _widget_context(field, css)
    parts = [_format_html('<select name="{}"', context["name"]), _option_attrs(context["attrs"]), ">"]
    for group_name, group_choices, _index in context["optgroups"]:
        if group_name:
            parts.append(_format_html('\n  <optgroup label="{}">', group_name))
        for option in group_choices:  # format_html's markup, without its cost per call: a thousand people
            attrs = option["attrs"]
            parts.append(
                f'\n  <option value="{html.escape(str(option["value"]))}"{_option_attrs(attrs) if attrs else ""}>'
                f"{_esc(option['label'])}</option>"
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
            parts.append(_format_html("<strong>{}</strong>", group))
        for position, option in enumerate(options, start=1):
            parts.append('<div class="form-check">')
            parts.append(
                _format_html(
                    '<input type="{}" class="form-check-input{}" name="{}" value="{}"',
                    option["type"],
                    invalid,
                    field.html_name,
                    str(option["value"]),
                )
            )
            parts.append(_option_attrs(option["attrs"]) + ">")
            parts.append(
                _format_html(
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
        check_label = _format_html(
            '<label for="{}" class="form-check-label{}">{}{}</label>',
            field.id_for_label,
            required_class,
            field.label,
            asterisk,
        )
        check_body = check + check_label + _errors(field) + _help(field)
        return mark_safe(  # noqa: S308 (every part is escaped above)
            f'<div class="mb-3"><div id="div_{_esc(field.auto_id)}" '
            f'class="form-check{_esc(extra_classes)}">{check_body}</div></div>'
        )
    control: str
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        control = _choices(field)
    else:
        base = "form-select" if isinstance(widget, forms.Select) else "form-control"
        control = _control(field, _widget_class(widget, base + invalid))
    label: str = ""
    if field.label:
        for_attr = _format_html(' for="{}"', field.id_for_label) if field.id_for_label else _NOTHING
        tag = "legend" if field.use_fieldset else "label"
        fieldset_class = " fs-6" if field.use_fieldset else ""
        label = _format_html(
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
                _format_html(' aria-describedby="{}"', field.aria_describedby)
                if field.aria_describedby
                else ""
            )
            label = _format_html("<fieldset{}>", described) + label
    if not isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        control += _errors(field) + _help(field)
    body = label + control
    if field.label and field.use_fieldset:
        body += "</fieldset>"
    return mark_safe(  # noqa: S308 (every part is escaped above)
        f'<div id="div_{_esc(field.auto_id)}" class="mb-3{_esc(extra_classes)}">{body}</div>'
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
        items = "".join(_format_html("<li>{}</li>", error) for error in errors)
        parts.append(f'<div class="alert alert-block alert-danger"><ul class="m-0">{items}</ul></div>')
    parts.extend(str(as_field(field)) for field in form)
    return mark_safe("".join(parts))  # noqa: S308 (every part is escaped above)

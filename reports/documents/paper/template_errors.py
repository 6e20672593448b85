"""Jinja's technical English about a broken template, told to a school in plain words.

``syntax_problem`` names the tag or field that is written wrong (found by parsing each tag of the
template alone) and what is wrong with it; ``undefined_problem`` names the field the document does not have.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
UNCLOSED_FIELD = re.compile(r"\{\{(?:(?!\}\}|\{\{|\{%).)*?(?=\{\{|\{%|$)", re.S)
BLOCK = re.compile(r"\{%-?\s*(\w*)(.*?)-?%\}", re.S)
ENDS = {"if": "endif", "for": "endfor", "with": "endwith", "macro": "endmacro", "block": "endblock"}
CLOSERS = {"endif", "endfor", "else", "elif", "endwith", "endmacro", "endblock", "endset", "endfilter"}
UNDEFINED = re.compile(r"^'([^']+)' is undefined")
NO_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'")
UNKNOWN_TAG = re.compile(r"Encountered unknown tag '([^']+)'")
INNERMOST = re.compile(r"innermost block that needs to be closed is '([^']+)'")
UNEXPECTED = re.compile(r"unexpected (?:char )?'([^']+)'")
GOT = re.compile(r"expected token '[^']+', got '([^']+)'")


def _fails(environment, source: str) -> bool:
    from jinja2 import TemplateSyntaxError

    try:
        environment.parse(source)
    except TemplateSyntaxError:
        return True
    return False


def _unclosed(text: str) -> str:
    """The first block tag of ``text`` that is never closed."""
    stack: list[tuple[str, str]] = []
    for match in TAG.finditer(text):
        block = BLOCK.fullmatch(match.group(0))
        if block is None:
            continue
        name = block.group(1)
        if name in ENDS:
            stack.append((name, " ".join(match.group(0).split())))
        elif name.startswith("end") and stack and stack[-1][0] == name[3:]:
            stack.pop()
    return stack[0][1] if stack else ""


def culprit(environment, text: str, message: str = "") -> str:
    """The first tag or field of ``text`` (the template's plain text) that does not parse alone."""
    if "Unexpected end of template" in message and (tag := _unclosed(text)):
        return tag
    for match in TAG.finditer(text):
        tag = match.group(0)
        if "{{" in tag[2:] or "{%" in tag[2:]:  # an unclosed field swallowed the next one
            return tag[: 2 + min(i for i in (tag.find("{{", 2), tag.find("{%", 2)) if i > 0)].strip()
        block = BLOCK.fullmatch(tag)
        if block is None:
            probe = tag
        else:
            name, rest = block.group(1), block.group(2)
            if name in CLOSERS:
                continue
            probe = f"{{% {name}{rest} %}}{{% {ENDS[name]} %}}" if name in ENDS else tag
        if _fails(environment, probe):
            return " ".join(tag.split())
    unclosed = UNCLOSED_FIELD.search(TAG.sub("", text))
    return " ".join(unclosed.group(0).split()) if unclosed else ""


def explain_syntax(message: str) -> str:
    """What Jinja's syntax message means, in plain Russian."""
    if found := UNKNOWN_TAG.search(message):
        name = found.group(1)
        if name in CLOSERS and (inner := INNERMOST.search(message)):
            return _("«%(tag)s» closes a block that is not open here: the open block is «%(block)s».") % {
                "tag": name,
                "block": inner.group(1),
            }
        if name in CLOSERS:
            return _("«%(tag)s» closes a block that was never opened.") % {"tag": name}
        return _("there is no tag «%(tag)s» in document templates.") % {"tag": name}
    if "Unexpected end of template" in message and (inner := INNERMOST.search(message)):
        block = inner.group(1)
        return _("the block «%(block)s» is not closed: add «{%% %(end)s %%}» after it.") % {
            "block": block,
            "end": ENDS.get(block, "end" + block),
        }
    if "expected 'end of print statement'" in message:
        return _("the field is not closed: add «}}» after its name.")
    if message.startswith("Expected an expression"):
        return _("the tag has no field or condition after its name.")
    if found := GOT.search(message):
        return _("there is something extra or missing near «%(word)s».") % {"word": found.group(1)}
    if found := UNEXPECTED.search(message):
        return _("the sign «%(sign)s» is out of place.") % {"sign": found.group(1)}
    return _("the tag or the field is written wrong.")


def syntax_problem(environment, text: str, message: str) -> str:
    """«В шаблоне ошибка в поле или теге «{% if %}»: после названия тега не указано поле или условие.»"""
    tag = culprit(environment, text, message)
    if tag.startswith("{{") and not tag.endswith("}}"):
        return _("The template has a mistake in the field or tag «%(tag)s»: %(explanation)s") % {
            "tag": tag,
            "explanation": _("the field is not closed: add «}}» after its name."),
        }
    if tag:
        return _("The template has a mistake in the field or tag «%(tag)s»: %(explanation)s") % {
            "tag": tag,
            "explanation": explain_syntax(message),
        }
    return _("The template has a mistake in a field or a tag: %(explanation)s") % {
        "explanation": explain_syntax(message)
    }


def undefined_problem(message: str) -> str:
    """«Шаблон использует поле, которого нет в документе: «no_such_thing». …»"""
    if (found := UNDEFINED.search(message)) or (found := NO_ATTRIBUTE.search(message)):
        name = found.group(1)
    else:
        name = ""
    if name:
        return _(
            "The template uses a field the document does not have: «%(field)s». Check the spelling against "
            "the list of fields."
        ) % {"field": name}
    return _(
        "The template uses a field the document does not have. Check the spelling against the list of fields."
    )

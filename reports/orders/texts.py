"""The team's default wording of each order (приказ), by kind.

These are data in Russian, as a school writes an order (like the seeded questionnaires), not interface
strings: the draft becomes the order's own text, which the curator edits before or after saving. The
conventions are those of ГОСТ Р 7.0.97-2016 as schools use them: a preamble citing the grounds,
«ПРИКАЗЫВАЮ:», numbered points, the last one «Контроль за исполнением приказа оставляю за собой.».
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ..declension import ACCUSATIVE, DATIVE, decline_full_name, decline_phrase

R145 = (
    "распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145 «Об утверждении "
    "методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих "
    "образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам "
    "среднего профессионального образования, в том числе с применением лучших практик обмена опытом между "
    "обучающимися»"
)
LAW_273 = "Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»"
CONTROL = "Контроль за исполнением приказа оставляю за собой."
BLANK_NUMBER = "____"
BLANK_DATE = "__.__.20__"

TITLES = {
    "model": "О внедрении целевой модели наставничества",
    "regulation": "Об утверждении Положения о наставничестве",
    "curator": "О назначении куратора и создании рабочей группы по реализации программы наставничества",
    "roadmap": "Об утверждении дорожной карты (плана мероприятий) по реализации программы наставничества",
    "pairing": "О закреплении наставнических пар (групп)",
    "plans": "Об утверждении индивидуальных планов развития под руководством наставника",
    "reward": "О поощрении участников программы наставничества",
}

APPENDIX_HEADINGS = {
    "model": "Дорожная карта (план мероприятий) по реализации целевой модели наставничества",
    "roadmap": "Дорожная карта (план мероприятий) по реализации программы наставничества",
    "curator": "Состав рабочей группы по реализации программы наставничества",
    "pairing": "Список наставнических пар (групп)",
    "plans": "Индивидуальные планы развития под руководством наставника",
    "reward": "Список участников программы наставничества, которым объявляется благодарность",
}


@dataclass
class DraftFacts:
    """What the default wording needs to know."""

    organization_short: str
    year: str  # «2025/2026»
    day: date
    forms: list[str] = field(default_factory=list)
    regulation_number: str = ""
    regulation_date: date | None = None
    curator_name: str = ""
    curator_position: str = ""
    curator_sex: str = ""
    start: date | None = None
    # an order declaring another invalid: that order's requisites and title, and why
    cancelled_number: str = ""
    cancelled_day: date | None = None
    cancelled_title: str = ""
    reason: str = ""


@dataclass
class Draft:
    title: str
    preamble: str
    points: list[str]


def _date(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else BLANK_DATE


def regulation_cite(facts: DraftFacts) -> str:
    """«Положением о наставничестве в МБОУ «СОШ № 1», утверждённым приказом от 01.09.2025 № 12-ОД»."""
    return (
        f"Положением о наставничестве в {facts.organization_short}, утверждённым приказом "
        f"от {_date(facts.regulation_date)} № {facts.regulation_number or BLANK_NUMBER}"
    )


def _curator(facts: DraftFacts, case: str, *, inside: bool = False) -> str:
    """«Смирнову Елену Викторовну, заместителя директора по УВР» in ``case`` (the position agrees);
    ``inside`` a sentence the position, an apposition, is closed by a comma too («…, заместителю
    директора по УВР, ознакомить…»)."""
    if not facts.curator_name:
        return ""
    name = decline_full_name(facts.curator_name, case, facts.curator_sex)
    position = decline_phrase(lower_first(facts.curator_position), case) if facts.curator_position else ""
    if not position:
        return name
    return f"{name}, {position}," if inside else f"{name}, {position}"


def lower_first(text: str) -> str:
    """«Заместитель директора» → «заместитель директора» inside a sentence; «МБОУ» stays."""
    text = text.strip()
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


@dataclass
class _Words:
    """What the wording of every kind shares: names, the year, the grounds, the curator in two cases."""

    facts: DraftFacts
    org: str
    year: str
    common: str  # «В соответствии с распоряжением … Р-145 …, Положением о наставничестве …»
    curator_acc: str
    curator_dat: str

    def within(self, days: int) -> str:
        return _date(self.facts.day + timedelta(days=days))


def _model(w: _Words) -> tuple[str, str, list[str]]:
    facts, org = w.facts, w.org
    preamble = (
        f"В соответствии с {LAW_273}, {R145}, в целях развития наставничества и создания условий "
        f"для раскрытия потенциала обучающихся и педагогических работников {org}"
    )
    forms = ", ".join(f"«{name}»" for name in facts.forms) or "«ученик – ученик», «учитель – учитель»"
    points = [
        f"Внедрить в {org} с {_date(facts.start or facts.day)} целевую модель наставничества в формах {forms}.",
        f"Утвердить дорожную карту (план мероприятий) по реализации целевой модели наставничества на {w.year} "
        "учебный год (приложение).",
    ]
    if w.curator_acc:
        points.append(f"Назначить куратором внедрения целевой модели наставничества {w.curator_acc}.")
        points.append(
            f"Куратору {w.curator_dat} в срок до {w.within(30)} подготовить проекты Положения о наставничестве "
            "и программы наставничества, сформировать базы наставников и наставляемых."
        )
    return TITLES["model"], preamble, points


def _regulation(w: _Words) -> tuple[str, str, list[str]]:
    points = [
        f"Утвердить Положение о наставничестве в {w.org} (приложение).",
        f"Ознакомить педагогических работников с Положением о наставничестве в срок до {w.within(14)}.",
        f"Разместить Положение о наставничестве на официальном сайте {w.org} в срок до {w.within(10)}.",
    ]
    if w.curator_acc:
        points[1] = (
            f"Куратору {w.curator_dat} ознакомить педагогических работников с Положением о наставничестве "
            f"в срок до {w.within(14)}."
        )
    return TITLES["regulation"], f"В соответствии с {LAW_273}, {R145}", points


def _curator_and_group(w: _Words) -> tuple[str, str, list[str]]:
    points = []
    if w.curator_acc:
        points.append(
            f"Назначить куратором реализации программы наставничества на {w.year} учебный год {w.curator_acc}."
        )
    points += [
        "Создать рабочую группу по реализации программы наставничества в составе согласно приложению.",
        "Куратору обеспечить формирование баз наставников и наставляемых, организацию обучения наставников, "
        "формирование наставнических пар (групп), мониторинг и оценку результатов программы наставничества, "
        "подготовку отчётов.",
        "Рабочей группе проводить заседания не реже одного раза в четверть, решения оформлять протоколом.",
    ]
    preamble = f"{w.common}, в целях организации работы по реализации программы наставничества"
    return TITLES["curator"], preamble, points


def _roadmap(w: _Words) -> tuple[str, str, list[str]]:
    points = [
        f"Утвердить дорожную карту (план мероприятий) по реализации программы наставничества на {w.year} "
        "учебный год (приложение).",
    ]
    if w.curator_acc:
        points.append(
            f"Возложить ответственность за выполнение мероприятий дорожной карты в установленные сроки на "
            f"куратора {w.curator_acc}."
        )
    return TITLES["roadmap"], f"{w.common}, в целях планирования работы по наставничеству", points


def _pairing(w: _Words) -> tuple[str, str, list[str]]:
    points = [
        f"Закрепить наставнические пары (группы) на {w.year} учебный год согласно приложению.",
        f"Наставникам совместно с наставляемыми в срок до {w.within(30)} разработать индивидуальные планы "
        "развития под руководством наставника и представить их куратору.",
    ]
    if w.curator_acc:
        points.append(
            f"Возложить ответственность за организацию работы наставнических пар (групп) и мониторинг её "
            f"результатов на куратора {w.curator_acc}."
        )
    return TITLES["pairing"], f"{w.common}, по результатам формирования наставнических пар (групп)", points


def _plans(w: _Words) -> tuple[str, str, list[str]]:
    points = [
        "Утвердить индивидуальные планы развития под руководством наставника наставнических пар (групп) "
        "согласно приложению.",
        "Наставникам организовать работу наставнических пар (групп) в соответствии с утверждёнными планами.",
    ]
    if w.curator_acc:
        points.append(f"Возложить контроль за выполнением индивидуальных планов на куратора {w.curator_acc}.")
    return TITLES["plans"], f"{w.common}, в целях организации работы наставнических пар (групп)", points


def _reward(w: _Words) -> tuple[str, str, list[str]]:
    points = [
        f"Объявить благодарность за активное участие в реализации программы наставничества в {w.year} учебном "
        "году участникам согласно приложению.",
        "Наградить участников, указанных в приложении, грамотами (благодарственными письмами).",
    ]
    if w.curator_acc:
        points.append(
            f"Возложить подготовку грамот и благодарственных писем в срок до {w.within(7)} на куратора "
            f"{w.curator_acc}."
        )
    preamble = f"{w.common}, по итогам реализации программы наставничества в {w.year} учебном году"
    return TITLES["reward"], preamble, points


def _cancel(w: _Words) -> tuple[str, str, list[str]]:
    """«О признании утратившим силу приказа от … № …»: the grounds, the order named with its title, who
    tells the people acquainted with it."""
    facts = w.facts
    cited = f"от {_date(facts.cancelled_day)} № {facts.cancelled_number or BLANK_NUMBER}"
    reason = facts.reason.strip().rstrip(".,;")
    if not reason:
        reason = "в целях приведения распорядительных документов в соответствие с фактическим положением дел"
    elif reason.lower().startswith("в "):
        reason = lower_first(reason)
    else:
        reason = f"в связи с {lower_first(reason)}"
    named = f" «{facts.cancelled_title}»" if facts.cancelled_title else ""
    who = f"Куратору {w.curator_dat} довести" if w.curator_dat else "Довести"
    points = [
        f"Признать утратившим силу приказ {w.org} {cited}{named}.",
        f"{who} настоящий приказ до сведения работников, ознакомленных с приказом {cited}, "
        f"в срок до {w.within(3)}.",
    ]
    return f"О признании утратившим силу приказа {cited}", f"{w.common}, {reason}", points


_WORDING = {
    "model": _model,
    "regulation": _regulation,
    "curator": _curator_and_group,
    "roadmap": _roadmap,
    "pairing": _pairing,
    "plans": _plans,
    "reward": _reward,
    "cancel": _cancel,
}


def draft(kind: str, facts: DraftFacts) -> Draft:
    """The default title, preamble and points of an order of ``kind``."""
    wording = _WORDING.get(kind)
    if wording is None:
        raise ValueError(f"Unknown kind of order: {kind}")
    words = _Words(
        facts=facts,
        org=facts.organization_short,
        year=facts.year,
        common=f"В соответствии с {R145}, {regulation_cite(facts)}",
        curator_acc=_curator(facts, ACCUSATIVE),
        curator_dat=_curator(facts, DATIVE, inside=True),
    )
    title, preamble, points = wording(words)
    return Draft(title=title, preamble=preamble + ",", points=[*points, CONTROL])

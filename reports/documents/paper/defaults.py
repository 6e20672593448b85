"""The team's default templates: the wording of every document, in Russian, as a school writes it.

These are data (like the seeded questionnaires), not interface strings. Each template is built by
``TemplateBuilder`` into an ordinary Word file with docxtpl fields; a school downloads it, changes the
wording in Word and uploads it back (``engine.check_upload``). The fields each document offers are
listed with it and shown on the templates page.
"""

from __future__ import annotations

from collections.abc import Sequence

from .builder import PLAIN, TITLE, TemplateBuilder
from .defaults_documents import DOCUMENTS
from .engine import TemplateSpec, register

ORG_FIELDS = [
    ("org.name", "полное наименование организации"),
    ("org.short_name", "краткое наименование"),
    ("org.region", "регион, муниципалитет — без того, чем уже заканчивается полное наименование"),
    ("org.region_full", "регион, муниципалитет — как в карточке организации"),
    ("org.place", "место издания (город, посёлок)"),
    ("org.head_position", "должность руководителя"),
    ("org.head_name", "руководитель: И.О. Фамилия"),
    ("org.head_full_name", "руководитель: Фамилия Имя Отчество"),
    ("year", "учебный год, «2025/2026»"),
    ("today", "сегодняшняя дата, «01.09.2025»"),
    ("regulation.number, regulation.day", "номер и дата приказа об утверждении Положения о наставничестве"),
    ("forms", "формы наставничества: список, у каждой name и roles (ролевые модели)"),
    ("curator.name, curator.name_dat, curator.name_acc, curator.short, curator.position", "куратор"),
]
ORDER_FIELDS = [
    ("order.number, order.day, order.day_text", "номер и дата приказа («01.09.2025», «01 сентября 2025 г.»)"),
    ("order.title", "заголовок «О …»"),
    ("order.place", "место издания"),
    ("order.preamble", "абзацы преамбулы (список)"),
    ("order.points", "пункты приказа (список)"),
    ("order.signatory_position, order.signatory_name", "подписывающий: должность и И.О. Фамилия"),
    ("appendix.heading, appendix.rows", "приложение: заголовок и строки таблицы"),
    ("acquainted", "с приказом ознакомлены: список, у каждого name и position"),
    ("cancelled.number, cancelled.day, cancelled.title", "приказ, который признаётся утратившим силу"),
]

FILTER_FIELDS = [
    ('|case("дательный", person.sex)', "ФИО или должность в падеже"),
    ('|by_sex("ознакомлен", "ознакомлена")', "слово в роде человека"),
]


def _header(b: TemplateBuilder) -> None:
    b.title("{{ org.name }}", after=2)
    b.plain("{{ org.region }}", align="center", size=10)
    b.blank()
    b.title("ПРИКАЗ", size=14, before=6, after=6)
    b.columns(["{{ order.day }}", "№ {{ order.number }}"], align=["left", "right"])
    b.plain("{{ order.place }}", align="center")
    b.blank()


def _signature(b: TemplateBuilder, position: str, name: str) -> None:
    b.blank(2, keep_next=True)  # the signature never stands alone on a page: it keeps with the last point
    b.columns([position, "_______________", name], widths=[80, 45, 50], align=["left", "center", "right"])


def _order_template(appendix: tuple[list[str], list[str], Sequence[float]] | None):
    def build() -> bytes:
        b = TemplateBuilder()
        _header(b)
        # the title to the text (ГОСТ Р 7.0.97-2016, 5.19): on the left, in the heading style, not hyphenated
        b.p("{{ order.title }}", style=TITLE, align="left", after=6)
        b.tag("{%p for paragraph in order.preamble %}")
        b.p("{{ paragraph }}")
        b.tag("{%p endfor %}")
        b.plain("**ПРИКАЗЫВАЮ:**", before=6, after=6)
        b.tag("{%p for point in order.points %}")
        b.tag("{%p if loop.last %}")
        b.p("{{ loop.index }}. {{ point }}", keep_next=True)  # the last point keeps with the signature
        b.tag("{%p else %}")
        b.p("{{ loop.index }}. {{ point }}")
        b.tag("{%p endif %}")
        b.tag("{%p endfor %}")
        _signature(b, "{{ order.signatory_position }}", "{{ order.signatory_name }}")
        b.tag("{%p if acquainted %}")
        b.blank()
        b.plain("С приказом ознакомлены:", keep_next=True, after=4)
        b.table(
            ["Фамилия, имя, отчество", "Должность (роль)", "Подпись", "Дата"],
            ["{{ person.name }}", "{{ person.position|upper_first }}", "", ""],
            widths=[70, 50, 30, 25],
            loop="person in acquainted",
        )
        b.tag("{%p endif %}")
        if appendix is not None:
            headers, cells, widths = appendix
            b.tag("{%p if appendix.rows %}")
            b.page_break()
            b.columns(
                ["", ["Приложение", "к приказу от {{ order.day }} № {{ order.number }}"]],
                widths=[80, 95],
                align=["left", "left"],
            )
            b.blank()
            b.title("{{ appendix.heading }}", after=6)
            b.table(headers, cells, widths=list(widths), loop="row in appendix.rows")
            b.tag("{%p endif %}")
        return b.bytes()

    return build


ROADMAP_APPENDIX = (
    ["№", "Мероприятие", "Сроки", "Ответственные", "Ожидаемый результат"],
    ["{{ row.number }}", "{{ row.title }}", "{{ row.period }}", "{{ row.responsible }}", "{{ row.result }}"],
    [11, 66, 28, 38, 35],
)
PAIRS_APPENDIX = (
    ["№ п/п", "Наставник", "Наставляемый (наставляемые)", "Форма наставничества", "Срок"],
    ["{{ row.n }}", "{{ row.mentors }}", "{{ row.mentees }}", "{{ row.form }}", "{{ row.period }}"],
    [14, 44, 48, 44, 30],
)
PLANS_APPENDIX = (
    ["№ п/п", "Наставник", "Наставляемый (наставляемые)", "Форма наставничества", "Цели плана"],
    ["{{ row.n }}", "{{ row.mentors }}", "{{ row.mentees }}", "{{ row.form }}", "{{ row.goals }}"],
    [14, 37, 40, 38, 49],
)
REWARD_APPENDIX = (
    ["№ п/п", "Фамилия, имя, отчество", "Класс, должность", "Роль в программе", "Формулировка"],
    ["{{ row.n }}", "{{ row.name }}", "{{ row.position|upper_first }}", "{{ row.role }}", "{{ row.note }}"],
    [14, 48, 30, 36, 47],
)
WORKING_GROUP_APPENDIX = (
    ["№ п/п", "Фамилия, имя, отчество", "Должность", "Обязанности в рабочей группе"],
    ["{{ row.n }}", "{{ row.name }}", "{{ row.position|upper_first }}", "{{ row.note }}"],
    [14, 55, 50, 59],
)

ORDER_TEMPLATES = {
    "model": ("Приказ о внедрении целевой модели наставничества", ROADMAP_APPENDIX),
    "regulation": ("Приказ об утверждении Положения о наставничестве", None),
    "curator": ("Приказ о назначении куратора и рабочей группы", WORKING_GROUP_APPENDIX),
    "roadmap": ("Приказ об утверждении дорожной карты", ROADMAP_APPENDIX),
    "pairing": ("Приказ о закреплении наставнических пар (групп)", PAIRS_APPENDIX),
    "plans": ("Приказ об утверждении индивидуальных планов", PLANS_APPENDIX),
    "reward": ("Приказ о поощрении участников", REWARD_APPENDIX),
    "cancel": ("Приказ о признании утратившим силу приказа", None),
}

for _kind, (_name, _appendix) in ORDER_TEMPLATES.items():
    register(
        TemplateSpec(
            key=f"order_{_kind}",
            name=_name,
            build=_order_template(_appendix),
            group="orders",
            fields=ORG_FIELDS + ORDER_FIELDS + FILTER_FIELDS,
        )
    )


DOCUMENT_FIELDS = {
    "regulation_document": [("approval.number, approval.day", "приказ, которым утверждено Положение")],
    "mentoring_programme": [
        ("approval.number, approval.day", "приказ, которым утверждена программа"),
        ("stats.mentors, stats.mentees, stats.groups", "число наставников, наставляемых, пар (групп)"),
        ("stages", "этапы: name, content, period"),
        ("roadmap", "дорожная карта: number, title, period, responsible, result"),
    ],
    "partner_agreement": [
        (
            "partner.name, partner.kind, partner.contact_name, partner.contact_phone, partner.contact_email",
            "партнёр",
        ),
        ("agreement.number, agreement.day, agreement.day_text", "номер и дата соглашения"),
        ("org.head.name_gen, org.head.position_gen", "руководитель в родительном падеже («в лице …»)"),
    ],
    "teacher_consent": [
        (
            "people",
            "педагоги: name, name_gen, short, position, position_gen, mentees, mentees_gen (в родительном падеже), form, sex",
        ),
        ("org.head.position_dat, org.head.short_dat", "кому: «Директору … О.И. Петровой»"),
    ],
    "supplementary_agreement": [
        ("people", "педагоги: name, short, position, mentees, mentees_gen (в родительном падеже), sex"),
        ("agreement.day_text, agreement.start, agreement.end, agreement.payment", "дата, срок и доплата"),
    ],
    "protocol": [
        ("meeting.number, meeting.day, meeting.body_gen", "номер, дата, чьё заседание"),
        ("meeting.chair, meeting.secretary, meeting.present", "председатель, секретарь, присутствовали"),
        ("meeting.agenda, meeting.decisions", "повестка и решения (списки)"),
    ],
    "questionnaire_form": [
        ("questionnaire.title, questionnaire.description, questionnaire.questions", "анкета")
    ],
    "partners_list": [("partners", "партнёры: n, name, kind, agreement, contact, mentors")],
}

for _key, (_name, _build) in DOCUMENTS.items():
    register(
        TemplateSpec(
            key=_key,
            name=_name,
            build=_build,
            group="documents",
            fields=ORG_FIELDS + DOCUMENT_FIELDS.get(_key, []) + FILTER_FIELDS,
        )
    )

__all__ = ["PLAIN", "ORDER_TEMPLATES", "DOCUMENTS"]

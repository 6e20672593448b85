"""The team's questionnaire templates, seeded by migration 0002 (historical models via ``apps``).

These are data, not interface strings: the questions are written in Russian as respondents read them.
Keys of items link the same question across campaigns (before/after) and into the KPIs: the satisfaction
templates carry ``overall`` (1–10) and ``continue`` (yes/no), which the KPI of satisfaction reads.
A ranking item lists the other side's people of the campaign; ``scale_max`` holds how many may be chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.apps.registry import Apps

SCALE = "scale"
YES_NO = "yes_no"
SINGLE = "single"
MULTIPLE = "multiple"
TEXT = "text"
RANKING = "ranking"

REQUEST_OPTIONS = [
    "Улучшить успеваемость по предметам",
    "Подготовиться к олимпиаде или конкурсу",
    "Подготовиться к экзаменам (ОГЭ, ЕГЭ)",
    "Выбрать профессию, профиль обучения",
    "Освоиться в новом классе, коллективе",
    "Научиться планировать время и учёбу",
    "Реализовать проект или исследование",
    "Развить лидерские качества, уверенность в себе",
    "Найти занятие по интересам",
]
INTEREST_OPTIONS = [
    "Математика и информатика",
    "Естественные науки",
    "Гуманитарные науки, языки",
    "Технологии, робототехника",
    "Искусство, музыка, театр",
    "Спорт",
    "Волонтёрство и общественная работа",
    "Медиа, блогинг",
    "Предпринимательство",
]

SATISFACTION_OVERALL = "Общая удовлетворённость участием в программе"

TEMPLATES: list[dict] = [
    {
        "key": "intake-mentee",
        "title": "Анкета наставляемого: запросы и интересы",
        "purpose": "intake",
        "audience": "mentee",
        "description": (
            "Анкета помогает подобрать вам наставника. Отвечайте честно: правильных и неправильных ответов "
            "нет. Заполнение займёт около пяти минут."
        ),
        "items": [
            (
                "requests",
                MULTIPLE,
                "С чем вам хотелось бы получить помощь наставника?",
                True,
                REQUEST_OPTIONS,
            ),
            ("request_text", TEXT, "Опишите своими словами, чего вы ждёте от работы с наставником", False, []),
            ("interests", MULTIPLE, "Что вам интересно?", True, INTEREST_OPTIONS),
            (
                "mentor_kind",
                SINGLE,
                "Кого вы хотели бы видеть своим наставником?",
                False,
                [
                    "Старшеклассника",
                    "Учителя",
                    "Студента колледжа или вуза",
                    "Специалиста с предприятия",
                    "Не важно",
                ],
            ),
            (
                "meeting_format",
                SINGLE,
                "Как вам удобнее встречаться?",
                True,
                ["Очно в школе", "Онлайн", "И очно, и онлайн"],
            ),
            ("had_mentor", YES_NO, "Был ли у вас раньше наставник?", True, []),
        ],
    },
    {
        "key": "intake-mentor",
        "title": "Анкета наставника: компетенции и интересы",
        "purpose": "intake",
        "audience": "mentor",
        "description": (
            "Анкета нужна, чтобы подобрать вам наставляемых по запросам и интересам. Заполнение займёт "
            "около пяти минут."
        ),
        "items": [
            (
                "competencies",
                MULTIPLE,
                "В чём вы готовы помогать наставляемому?",
                True,
                REQUEST_OPTIONS,
            ),
            ("achievements", TEXT, "Ваши достижения, важные для работы наставником", False, []),
            ("interests", MULTIPLE, "Ваши интересы и увлечения", True, INTEREST_OPTIONS),
            (
                "preferred_age",
                SINGLE,
                "С наставляемыми какого возраста вам интереснее работать?",
                False,
                [
                    "1–4 классы",
                    "5–7 классы",
                    "8–9 классы",
                    "10–11 классы",
                    "Студенты",
                    "Молодые педагоги",
                    "Не важно",
                ],
            ),
            (
                "capacity",
                SINGLE,
                "Скольких наставляемых вы готовы вести одновременно?",
                True,
                ["Одного", "Двух", "Трёх", "Четырёх и более"],
            ),
            ("experience", YES_NO, "Есть ли у вас опыт наставничества?", True, []),
            ("availability", TEXT, "Когда вам удобно встречаться (дни, время)?", False, []),
        ],
    },
    {
        "key": "networking-mentee",
        "title": "Нетворкинг: выбор наставника",
        "purpose": "networking",
        "audience": "mentee",
        "description": (
            "После встречи-нетворкинга выберите наставников, с которыми вам хотелось бы работать, по порядку: "
            "первым — того, кто подходит больше всего."
        ),
        "items": [
            ("preferred_mentors", RANKING, "С кем из наставников вы хотели бы работать?", True, [], 3),
            ("why", TEXT, "Почему вы сделали такой выбор?", False, []),
        ],
    },
    {
        "key": "networking-mentor",
        "title": "Нетворкинг: выбор наставляемых",
        "purpose": "networking",
        "audience": "mentor",
        "description": (
            "После встречи-нетворкинга отметьте наставляемых, с которыми вам хотелось бы работать, в порядке "
            "предпочтения."
        ),
        "items": [
            ("preferred_mentees", RANKING, "С кем из наставляемых вы хотели бы работать?", True, [], 3),
            ("why", TEXT, "Что повлияло на ваш выбор?", False, []),
        ],
    },
    {
        "key": "satisfaction-mentee",
        "title": "Удовлетворённость наставляемого участием в программе",
        "purpose": "satisfaction",
        "audience": "mentee",
        "description": (
            "Оцени, пожалуйста, работу с наставником по шкале от 1 до 10, где 1 — совсем не согласен, "
            "10 — полностью согласен. Анкета анонимна для наставника."
        ),
        "items": [
            ("overall", SCALE, SATISFACTION_OVERALL, True, []),
            ("mentor_attention", SCALE, "Наставник внимателен ко мне и моим вопросам", True, []),
            ("usefulness", SCALE, "Встречи с наставником были полезными", True, []),
            ("goals_reached", SCALE, "Мне удалось достичь целей, которые мы ставили", True, []),
            ("organisation", SCALE, "Встречи были хорошо организованы (время, место, формат)", True, []),
            ("new_skills", SCALE, "Я узнал(а) и научился(лась) новому", True, []),
            ("continue", YES_NO, "Хотели бы вы продолжить работу с наставником?", True, []),
            ("liked", TEXT, "Что понравилось больше всего?", False, []),
            ("improve", TEXT, "Что можно улучшить в программе?", False, []),
        ],
    },
    {
        "key": "satisfaction-mentor",
        "title": "Удовлетворённость наставника участием в программе",
        "purpose": "satisfaction",
        "audience": "mentor",
        "description": "Оцените, пожалуйста, участие в программе по шкале от 1 до 10.",
        "items": [
            ("overall", SCALE, SATISFACTION_OVERALL, True, []),
            (
                "mentee_engagement",
                SCALE,
                "Наставляемый вовлечён в работу и выполняет договорённости",
                True,
                [],
            ),
            ("support", SCALE, "Куратор и администрация поддерживали мою работу", True, []),
            ("materials", SCALE, "Мне хватало методических материалов", True, []),
            ("training", SCALE, "Обучение наставников было полезным", True, []),
            ("own_growth", SCALE, "Участие в программе помогло моему профессиональному росту", True, []),
            ("continue", YES_NO, "Хотели бы вы продолжить участие в программе наставником?", True, []),
            ("difficulties", TEXT, "С какими трудностями вы столкнулись?", False, []),
            ("improve", TEXT, "Ваши предложения по улучшению программы", False, []),
        ],
    },
    {
        "key": "satisfaction-parent",
        "title": "Мнение родителей о программе наставничества",
        "purpose": "satisfaction",
        "audience": "parent",
        "description": "Уважаемые родители! Оцените, пожалуйста, участие вашего ребёнка в программе.",
        "items": [
            ("overall", SCALE, SATISFACTION_OVERALL, True, []),
            ("child_changes", SCALE, "Я вижу положительные изменения у ребёнка", True, []),
            ("informed", SCALE, "Меня достаточно информировали о программе", True, []),
            ("continue", YES_NO, "Хотели бы вы, чтобы ребёнок продолжил участие в программе?", True, []),
            ("comment", TEXT, "Ваши пожелания", False, []),
        ],
    },
    {
        "key": "curator",
        "title": "Анкета куратора программы наставничества",
        "purpose": "curator",
        "audience": "curator",
        "description": "Оценка качества реализации программы наставничества за учебный год (1–10).",
        "items": [
            ("roadmap_done", SCALE, "Мероприятия дорожной карты выполнены в срок", True, []),
            ("bases_quality", SCALE, "Базы наставников и наставляемых сформированы полно", True, []),
            ("pairs_quality", SCALE, "Наставнические пары сформированы удачно", True, []),
            ("mentors_training", SCALE, "Наставники подготовлены к работе", True, []),
            ("admin_support", SCALE, "Администрация поддерживает программу", True, []),
            ("partners", YES_NO, "Привлекались ли к программе организации-партнёры?", True, []),
            ("main_results", TEXT, "Главные результаты года", True, []),
            ("problems", TEXT, "Основные трудности и риски", False, []),
            ("next_year", TEXT, "Что нужно изменить в следующем году?", False, []),
        ],
    },
    {
        "key": "diagnostics-mentee",
        "title": "Диагностика наставляемого (входная и итоговая)",
        "purpose": "diagnostics",
        "audience": "mentee",
        "description": (
            "Оцените себя по шкале от 1 до 10. Эту же анкету вы заполните в начале и в конце программы, "
            "чтобы увидеть, что изменилось."
        ),
        "items": [
            (
                "subject_knowledge",
                SCALE,
                "Я уверенно владею материалом по предметам, которые мне важны",
                True,
                [],
            ),
            ("confidence", SCALE, "Я уверен(а) в себе и своих силах", True, []),
            ("motivation", SCALE, "Мне интересно учиться, я хочу добиваться большего", True, []),
            ("goal_setting", SCALE, "Я умею ставить цели и достигать их", True, []),
            ("self_organisation", SCALE, "Я умею планировать своё время", True, []),
            ("communication", SCALE, "Мне легко общаться со сверстниками и взрослыми", True, []),
            ("career", SCALE, "Я понимаю, кем хочу стать и что для этого нужно", True, []),
            ("comment", TEXT, "Что вы хотели бы изменить в себе?", False, []),
        ],
    },
    {
        "key": "diagnostics-mentor",
        "title": "Диагностика наставника: профессиональные компетенции",
        "purpose": "diagnostics",
        "audience": "mentor",
        "description": "Оцените свои компетенции наставника по шкале от 1 до 10 в начале и в конце года.",
        "items": [
            ("mentoring_methods", SCALE, "Я владею методами и формами наставнической работы", True, []),
            ("planning", SCALE, "Я умею составлять индивидуальный план с наставляемым", True, []),
            ("feedback", SCALE, "Я умею давать конструктивную обратную связь", True, []),
            ("motivating", SCALE, "Я умею мотивировать наставляемого", True, []),
            ("confidence", SCALE, "Я уверен(а) в своей роли наставника", True, []),
            ("comment", TEXT, "Чему вы хотели бы научиться?", False, []),
        ],
    },
]


def seed(apps: Apps) -> None:
    """Create or update the shared templates and their items. Idempotent."""
    Template = apps.get_model("monitoring", "QuestionnaireTemplate")
    Item = apps.get_model("monitoring", "QuestionItem")
    for position, spec in enumerate(TEMPLATES, start=1):
        template, _created = Template.objects.update_or_create(
            organization=None,
            key=spec["key"],
            defaults={
                "title": spec["title"],
                "description": spec["description"],
                "purpose": spec["purpose"],
                "audience": spec["audience"],
                "position": position,
                "is_active": True,
            },
        )
        for item_position, item in enumerate(spec["items"], start=1):
            key, kind, text, required, choices, *rest = item
            Item.objects.update_or_create(
                template=template,
                key=key,
                defaults={
                    "kind": kind,
                    "text": text,
                    "required": required,
                    "choices": list(choices),
                    "scale_min": 1,
                    "scale_max": rest[0] if rest else 10,
                    "position": item_position,
                },
            )

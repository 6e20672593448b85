"""The pupils' shared questionnaires address them as «вы», as every other questionnaire does (one form of
address; «ты» was used in the mentee templates only). Only the shared templates' texts still as seeded are
changed; a school's own copy is left as the school wrote it."""

from django.db import migrations

DESCRIPTIONS = {
    "Анкета помогает подобрать тебе наставника. Ответь честно: правильных и неправильных ответов нет. "
    "Заполнение займёт около пяти минут.": "Анкета помогает подобрать вам наставника. Отвечайте честно: "
    "правильных и неправильных ответов нет. Заполнение займёт около пяти минут.",
    "После встречи-нетворкинга выбери наставников, с которыми тебе хотелось бы работать, по порядку: "
    "первым — того, кто подходит больше всего.": "После встречи-нетворкинга выберите наставников, с которыми "
    "вам хотелось бы работать, по порядку: первым — того, кто подходит больше всего.",
    "Оцени себя по шкале от 1 до 10. Эту же анкету ты заполнишь в начале и в конце программы, чтобы увидеть, "
    "что изменилось.": "Оцените себя по шкале от 1 до 10. Эту же анкету вы заполните в начале и в конце "
    "программы, чтобы увидеть, что изменилось.",
}
QUESTIONS = {
    "С чем тебе хотелось бы получить помощь наставника?": "С чем вам хотелось бы получить помощь наставника?",
    "Опиши своими словами, чего ты ждёшь от работы с наставником": (
        "Опишите своими словами, чего вы ждёте от работы с наставником"
    ),
    "Что тебе интересно?": "Что вам интересно?",
    "Кого ты хотел(а) бы видеть своим наставником?": "Кого вы хотели бы видеть своим наставником?",
    "Как тебе удобнее встречаться?": "Как вам удобнее встречаться?",
    "Был ли у тебя раньше наставник?": "Был ли у вас раньше наставник?",
    "С кем из наставников ты хотел(а) бы работать?": "С кем из наставников вы хотели бы работать?",
    "Почему ты сделал(а) такой выбор?": "Почему вы сделали такой выбор?",
    "Что ты хотел(а) бы изменить в себе?": "Что вы хотели бы изменить в себе?",
}


def _apply(apps, descriptions: dict[str, str], questions: dict[str, str]) -> None:
    Template = apps.get_model("monitoring", "QuestionnaireTemplate")
    Item = apps.get_model("monitoring", "QuestionItem")
    for old, new in descriptions.items():
        Template.objects.filter(organization=None, description=old).update(description=new)
    for old, new in questions.items():
        Item.objects.filter(template__organization=None, text=old).update(text=new)


def forwards(apps, schema_editor):
    _apply(apps, DESCRIPTIONS, QUESTIONS)


def backwards(apps, schema_editor):
    _apply(
        apps, {new: old for old, new in DESCRIPTIONS.items()}, {new: old for old, new in QUESTIONS.items()}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0008_indicator_name_follows_band"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

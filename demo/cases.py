"""Demo data of the monitoring section: cases (best practices) with photos.

Each school gets two cases in each demo year, written about its first pairs. One photo shows nobody
(printed in the compendium); one shows the pair's mentee, who has no publication consent in the demo,
so the pages show how a photo is left out and why.
"""

from __future__ import annotations

import io
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from monitoring.cases.services import case_create, case_photo_add
from pairing.models import GroupMember

from .organisations import demo_school_programmes

STORIES = [
    (
        "Путь к олимпиаде",
        "В начале года наставляемая не решалась участвовать в олимпиадах. С наставником они составили "
        "индивидуальный план: разбор задач прошлых лет раз в неделю, пробные туры и разбор ошибок.\n\n"
        "К весне наставляемая вышла в муниципальный этап и стала призёром. Главное — появилась "
        "уверенность в своих силах.",
    ),
    (
        "Проект «Школьный музей»",
        "Пара выбрала проектную форму работы: собрать историю школы по воспоминаниям выпускников. "
        "Наставник помог спланировать интервью, наставляемый вёл записи и оформлял стенды.\n\n"
        "Проект представлен на школьной конференции, а материалы вошли в экспозицию музея.",
    ),
]


def _picture(color: tuple[int, int, int]) -> SimpleUploadedFile:
    """A simple landscape-like picture (sky, hills) so that the demo needs no image files."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (800, 533), (200, 225, 245))
    draw = ImageDraw.Draw(image)
    draw.ellipse((560, 60, 680, 180), fill=(250, 210, 90))
    draw.polygon([(0, 533), (0, 330), (260, 240), (520, 350), (800, 260), (800, 533)], fill=color)
    draw.rectangle((0, 450, 800, 533), fill=(90, 120, 80))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return SimpleUploadedFile("demo.jpg", buffer.getvalue(), content_type="image/jpeg")


def seed_demo(*, today: date) -> None:
    """Idempotent: a programme that has cases is left as it is."""
    for programme in demo_school_programmes(today):
        if programme.cases.exists():
            continue
        groups = list(programme.mentoring_groups.order_by("created_at", "pk")[: len(STORIES)])
        for (title, story), group in zip(STORIES, groups, strict=False):
            case = case_create(actor=None, programme=programme, title=title, story=story, group=group)
            case_photo_add(
                actor=None, case=case, image=_picture((110, 160, 90)), caption="Итоговая встреча"
            )
            mentees = [
                member.person
                for member in group.members.select_related("person")
                if member.role == GroupMember.Role.MENTEE
            ]
            if mentees:
                case_photo_add(
                    actor=None,
                    case=case,
                    image=_picture((150, 120, 170)),
                    caption="Работа над проектом",
                    people=mentees[:1],
                )

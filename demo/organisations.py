"""Demo data: a region with two municipalities — the whole chain a newcomer should see.

The regional mentoring centre (РНЦ) above the Берёзовский municipality (its education authority, two
schools and a college) and the small Озёрский municipality (its authority and two schools).

Idempotent: objects are looked up by their natural keys (slug, username, year) and created only
when missing, so a second run changes nothing. The rest of the demo (people, pairs, plans, …) is in the
modules next to this one; ``demo/seed.py`` runs them after this one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mentoring.academic_years import academic_year_start_for
from mentoring.models import Membership, Organization, Programme, Role
from mentoring.services import academic_year_get_or_create, membership_add

DEMO_PASSWORD = "demo-password"  # noqa: S105 - documented demo accounts of a local installation
REGION = "Тверская область"


@dataclass(frozen=True)
class DemoOrganization:
    slug: str
    kind: str
    short_name: str
    name: str
    head_name: str
    head_position: str
    contingent: tuple[int, int, int, int]  # pupils, with disabilities, teachers, teachers under 35


REGION_BODY = DemoOrganization(
    slug="rnc-tver",
    kind=Organization.Kind.REGION,
    short_name="РНЦ Тверской области",
    name="Региональный наставнический центр Тверской области "
    "(ГАУ ДПО «Тверской областной институт усовершенствования учителей»)",
    head_name="Данилова Марина Сергеевна",
    head_position="Руководитель регионального наставнического центра",
    contingent=(0, 0, 0, 0),
)

AUTHORITY = DemoOrganization(
    slug="uo-berezovsky",
    kind=Organization.Kind.MUNICIPAL_AUTHORITY,
    short_name="Управление образования Берёзовского МО",
    name="Управление образования администрации Берёзовского муниципального округа",
    head_name="Колесникова Ирина Викторовна",
    head_position="Начальник управления образования",
    contingent=(0, 0, 0, 0),
)

CHILDREN = [
    DemoOrganization(
        slug="school-1",
        kind=Organization.Kind.SCHOOL,
        short_name="МБОУ «СОШ № 1»",
        name="Муниципальное бюджетное общеобразовательное учреждение "
        "«Средняя общеобразовательная школа № 1» Берёзовского муниципального округа",
        head_name="Захаров Андрей Николаевич",
        head_position="Директор",
        contingent=(812, 34, 58, 14),
    ),
    DemoOrganization(
        slug="gymnasium-3",
        kind=Organization.Kind.SCHOOL,
        short_name="МБОУ «Гимназия № 3»",
        name="Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 3» "
        "Берёзовского муниципального округа",
        head_name="Белова Татьяна Сергеевна",
        head_position="Директор",
        contingent=(645, 12, 47, 9),
    ),
    DemoOrganization(
        slug="polytech-college",
        kind=Organization.Kind.COLLEGE,
        short_name="ГБПОУ «Берёзовский политехнический колледж»",
        name="Государственное бюджетное профессиональное образовательное учреждение "
        "«Берёзовский политехнический колледж»",
        head_name="Орлов Сергей Петрович",
        head_position="Директор",
        contingent=(1130, 21, 64, 17),
    ),
]

SECOND_AUTHORITY = DemoOrganization(
    slug="uo-ozersky",
    kind=Organization.Kind.MUNICIPAL_AUTHORITY,
    short_name="Отдел образования Озёрского района",
    name="Отдел образования администрации Озёрского муниципального района",
    head_name="Голубева Светлана Петровна",
    head_position="Заведующий отделом образования",
    contingent=(0, 0, 0, 0),
)

SECOND_CHILDREN = [
    DemoOrganization(
        slug="ozersk-school-1",
        kind=Organization.Kind.SCHOOL,
        short_name="МБОУ «Озёрская СОШ № 1»",
        name="Муниципальное бюджетное общеобразовательное учреждение "
        "«Озёрская средняя общеобразовательная школа № 1»",
        head_name="Карпов Виктор Иванович",
        head_position="Директор",
        contingent=(418, 11, 31, 6),
    ),
    DemoOrganization(
        slug="ozersk-village-school",
        kind=Organization.Kind.SCHOOL,
        short_name="МБОУ «Сосновская ООШ»",
        name="Муниципальное бюджетное общеобразовательное учреждение «Сосновская основная "
        "общеобразовательная школа» Озёрского муниципального района",
        head_name="Жукова Галина Фёдоровна",
        head_position="Директор",
        contingent=(96, 4, 12, 2),
    ),
]

# username, last name, first name, patronymic, e-mail, [(organisation slug, role), ...]
PEOPLE = [
    (
        "region",
        "Данилова",
        "Марина",
        "Сергеевна",
        "danilova@rnc-tver.example",
        # the administrator of the centre too: she sets the region's yearly targets
        [("rnc-tver", Role.REGIONAL_COORDINATOR), ("rnc-tver", Role.ADMINISTRATOR)],
    ),
    (
        "coordinator2",
        "Голубева",
        "Светлана",
        "Петровна",
        "golubeva@uo-ozersky.example",
        [("uo-ozersky", Role.MUNICIPAL_COORDINATOR)],
    ),
    (
        "curator4",
        "Карпова",
        "Надежда",
        "Ильинична",
        "karpova@ozersk-school1.example",
        [("ozersk-school-1", Role.CURATOR)],
    ),
    (
        "curator5",
        "Жукова",
        "Галина",
        "Фёдоровна",
        "zhukova@sosnovka.example",
        [("ozersk-village-school", Role.ADMINISTRATOR), ("ozersk-village-school", Role.CURATOR)],
    ),
    (
        "coordinator",
        "Фролова",
        "Наталья",
        "Андреевна",
        "frolova@uo-berezovsky.example",
        [("uo-berezovsky", Role.MUNICIPAL_COORDINATOR)],
    ),
    (
        "director1",
        "Захаров",
        "Андрей",
        "Николаевич",
        "zakharov@school1.example",
        [("school-1", Role.ADMINISTRATOR)],
    ),
    ("curator1", "Смирнова", "Елена", "Викторовна", "smirnova@school1.example", [("school-1", Role.CURATOR)]),
    ("mentor1", "Кузнецова", "Ольга", "Петровна", "kuznetsova@school1.example", [("school-1", Role.MENTOR)]),
    ("mentor2", "Соколов", "Дмитрий", "Алексеевич", "sokolov@school1.example", [("school-1", Role.MENTOR)]),
    ("mentor3", "Лебедева", "Анна", "Игоревна", "lebedeva@school1.example", [("school-1", Role.MENTOR)]),
    (
        "psychologist1",
        "Морозова",
        "Светлана",
        "Юрьевна",
        "morozova@school1.example",
        [("school-1", Role.PSYCHOLOGIST), ("gymnasium-3", Role.PSYCHOLOGIST)],
    ),
    (
        "director2",
        "Белова",
        "Татьяна",
        "Сергеевна",
        "belova@gym3.example",
        [("gymnasium-3", Role.ADMINISTRATOR)],
    ),
    (
        "curator2",
        "Волкова",
        "Марина",
        "Александровна",
        "volkova@gym3.example",
        [("gymnasium-3", Role.CURATOR), ("gymnasium-3", Role.MENTOR)],
    ),
    ("mentor4", "Николаев", "Игорь", "Васильевич", "nikolaev@gym3.example", [("gymnasium-3", Role.MENTOR)]),
    ("mentor5", "Павлова", "Ксения", "Олеговна", "pavlova@gym3.example", [("gymnasium-3", Role.MENTOR)]),
    (
        "director3",
        "Орлов",
        "Сергей",
        "Петрович",
        "orlov@polytech.example",
        [("polytech-college", Role.ADMINISTRATOR)],
    ),
    (
        "curator3",
        "Егорова",
        "Людмила",
        "Геннадьевна",
        "egorova@polytech.example",
        [("polytech-college", Role.CURATOR)],
    ),
    (
        "mentor6",
        "Григорьев",
        "Алексей",
        "Михайлович",
        "grigoriev@polytech.example",
        [("polytech-college", Role.MENTOR)],
    ),
    (
        "mentor7",
        "Степанова",
        "Юлия",
        "Романовна",
        "stepanova@polytech.example",
        [("polytech-college", Role.MENTOR)],
    ),
    (
        "psychologist3",
        "Тихонова",
        "Вера",
        "Дмитриевна",
        "tikhonova@polytech.example",
        [("polytech-college", Role.PSYCHOLOGIST)],
    ),
]


def _organization(spec: DemoOrganization, parent: Organization | None) -> Organization:
    organization, _ = Organization.objects.get_or_create(
        slug=spec.slug,
        defaults={
            "kind": spec.kind,
            "short_name": spec.short_name,
            "name": spec.name,
            "parent": parent,
            "region": REGION,
            "head_name": spec.head_name,
            "head_position": spec.head_position,
        },
    )
    return organization


def _programmes(organization: Organization, contingent: tuple[int, int, int, int], years: list[int]) -> None:
    pupils, disabled, teachers, young = contingent
    for offset, start_year in enumerate(years):
        # the year before had slightly fewer pupils: schools grow
        shrink = 0.96 if offset else 1.0
        Programme.objects.get_or_create(
            organization=organization,
            academic_year=academic_year_get_or_create(start_year=start_year),
            defaults={
                "pupils_total": round(pupils * shrink),
                "pupils_with_disabilities": round(disabled * shrink),
                "teachers_total": teachers,
                "young_teachers_total": young,
            },
        )


@transaction.atomic
def demo_years(today) -> list[int]:
    current = academic_year_start_for(today)
    return [current, current - 1]


def demo_specs() -> list[DemoOrganization]:
    return [REGION_BODY, AUTHORITY, *CHILDREN, SECOND_AUTHORITY, *SECOND_CHILDREN]


def demo_organizations() -> list[Organization]:
    return list(Organization.objects.filter(slug__in=[spec.slug for spec in demo_specs()]))


def demo_school_programmes(today: date, years: Iterable[int] | None = None) -> Iterator[Programme]:
    """The demo schools' programmes (no authority's, no region's), school by school, for each of ``years``
    (by default the demo years, the current one first) that the school has."""
    for organization in demo_organizations():
        if organization.is_oversight_body:
            continue
        for year in demo_years(today) if years is None else years:
            programme = (
                Programme.objects.filter(organization=organization, academic_year__start_year=year)
                .select_related("academic_year", "organization")
                .first()
            )
            if programme is not None:
                yield programme


def seed_demo(*, today=None) -> list[tuple[str, str, str]]:
    """Create the demo region; returns (login, name, roles) for the printed list."""
    today = today or timezone.localdate()
    years = demo_years(today)

    region = _organization(REGION_BODY, None)
    _programmes(region, REGION_BODY.contingent, years)
    organizations = {region.slug: region}
    for authority_spec, children in ((AUTHORITY, CHILDREN), (SECOND_AUTHORITY, SECOND_CHILDREN)):
        authority = _organization(authority_spec, region)
        if authority.parent_id is None:  # a demo made before the region existed joins it
            authority.parent = region
            authority.save(update_fields=["parent"])
        _programmes(authority, authority_spec.contingent, years)
        organizations[authority.slug] = authority
        for spec in children:
            organization = _organization(spec, authority)
            _programmes(organization, spec.contingent, years)
            organizations[spec.slug] = organization

    User = get_user_model()
    logins = []
    for username, last, first, patronymic, email, roles in PEOPLE:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"last_name": last, "first_name": first, "patronymic": patronymic, "email": email},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        for slug, role in roles:
            if not Membership.objects.filter(user=user, organization=organizations[slug], role=role).exists():
                membership_add(actor=None, user=user, organization=organizations[slug], role=role)
        described = "; ".join(
            f"{Role(role).label} — {organizations[slug].short_name}" for slug, role in roles
        )
        logins.append((username, f"{last} {first} {patronymic}", described))

    admin, created = User.objects.get_or_create(
        username="admin",
        defaults={"is_staff": True, "is_superuser": True, "email": "admin@mentoring.example"},
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save(update_fields=["password"])
    logins.append(("admin", "—", _("reference data (Django admin)")))
    return logins

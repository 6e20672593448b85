"""factory_boy factories with Russian names."""

import factory
from factory.django import DjangoModelFactory

from mentoring.models import AcademicYear, Membership, Organization, Programme, Role, User

PASSWORD = "test-password-123"

# Staff names (surname, first name, patronymic): fixed, rare and found in no test's text, taken in turn.
# Random Faker names once named the signed-in curator «Сидоров …» and failed a test that asserted a
# pupil «Сидоров» absent from the page; names no test writes cannot be mistaken for the ones it checks.
STAFF_NAMES = (
    ("Аверкиев", "Аркадий", "Семёнович"),
    ("Белозёрова", "Виринея", "Поликарповна"),
    ("Веденеев", "Гордей", "Гаврилович"),
    ("Голованова", "Доминика", "Тимофеевна"),
    ("Дорофеев", "Елисей", "Маркович"),
    ("Евстигнеева", "Жозефина", "Львовна"),
    ("Жеребцов", "Зосима", "Ефимович"),
    ("Загоскина", "Инна", "Родионовна"),
    ("Иноземцев", "Касьян", "Федосеевич"),
    ("Кожемякина", "Леокадия", "Прохоровна"),
    ("Мещеряков", "Мирон", "Савельевич"),
    ("Нарышкина", "Нонна", "Викентьевна"),
    ("Овчинников", "Остап", "Гурьевич"),
    ("Перелыгина", "Пелагея", "Елисеевна"),
    ("Рогожин", "Ростислав", "Фролович"),
    ("Скороходова", "Серафима", "Савватиевна"),
    ("Тихомиров", "Тарас", "Андронович"),
    ("Фомичёва", "Фаина", "Климовна"),
    ("Хлебников", "Харитон", "Зиновьевич"),
    ("Цыганкова", "Цецилия", "Игнатьевна"),
    ("Чеботарёв", "Чеслав", "Демьянович"),
    ("Шереметева", "Шарлотта", "Остаповна"),
    ("Юшков", "Юлиан", "Никанорович"),
    ("Ястребова", "Ядвига", "Ермолаевна"),
    ("Бахметьев", "Богдан", "Лукьянович"),
    ("Вяземская", "Венера", "Аристарховна"),
    ("Добролюбов", "Добрыня", "Потапович"),
    ("Завьялова", "Зинаида", "Кирилловна"),
    ("Колокольцев", "Корней", "Фомич"),
    ("Небольсина", "Нелли", "Тарасовна"),
)


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    last_name = factory.Sequence(lambda n: STAFF_NAMES[n % len(STAFF_NAMES)][0])
    first_name = factory.Sequence(lambda n: STAFF_NAMES[n % len(STAFF_NAMES)][1])
    patronymic = factory.Sequence(lambda n: STAFF_NAMES[n % len(STAFF_NAMES)][2])
    email = factory.LazyAttribute(lambda user: f"{user.username}@school.example")
    password = factory.django.Password(PASSWORD)


class OrganizationFactory(DjangoModelFactory[Organization]):
    class Meta:
        model = Organization

    kind = Organization.Kind.SCHOOL
    short_name = factory.Sequence(lambda n: f"МБОУ «СОШ № {n + 10}»")
    name = factory.LazyAttribute(
        lambda o: f"Муниципальное бюджетное общеобразовательное учреждение {o.short_name}"
    )
    slug = factory.Sequence(lambda n: f"school-{n + 10}")
    region = "Тверская область"


class AcademicYearFactory(DjangoModelFactory[AcademicYear]):
    class Meta:
        model = AcademicYear
        django_get_or_create = ["start_year"]

    start_year = 2025


class ProgrammeFactory(DjangoModelFactory[Programme]):
    class Meta:
        model = Programme

    organization = factory.SubFactory(OrganizationFactory)
    academic_year = factory.SubFactory(AcademicYearFactory)
    pupils_total = 500
    pupils_with_disabilities = 20
    teachers_total = 40
    young_teachers_total = 8


class MembershipFactory(DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Role.CURATOR

"""factory_boy factories with Russian fake names."""

import factory
from factory.django import DjangoModelFactory

from mentoring.models import AcademicYear, Membership, Organization, Programme, Role, User

PASSWORD = "test-password-123"


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    last_name = factory.Faker("last_name", locale="ru_RU")
    first_name = factory.Faker("first_name", locale="ru_RU")
    patronymic = factory.Faker("middle_name", locale="ru_RU")
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

import pytest
from django.core.exceptions import ValidationError

from mentoring.access import access_for
from mentoring.models import AuditEvent, Programme, Role
from mentoring.services import membership_add, programme_open_next_year, programme_update_contingent
from tests.factories import OrganizationFactory, UserFactory

from ..conftest import YEAR


@pytest.mark.django_db
def test_open_next_year_carries_the_contingent_and_is_idempotent(programme, curator):
    programme_update_contingent(actor=curator, programme=programme, pupils_total=900, young_teachers_total=5)
    new = programme_open_next_year(actor=curator, programme=programme)
    assert new.academic_year.start_year == YEAR + 1
    assert (new.pupils_total, new.young_teachers_total, new.teachers_total) == (
        900,
        5,
        programme.teachers_total,
    )
    again = programme_open_next_year(actor=curator, programme=programme)
    assert again.pk == new.pk
    assert Programme.objects.filter(organization=programme.organization).count() == 3
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, target_id=str(new.pk)).count() == 1


@pytest.mark.django_db
def test_contingent_update_writes_one_audit_row_with_the_change(programme, curator):
    old = programme.pupils_total
    programme_update_contingent(actor=curator, programme=programme, pupils_total=old + 10)
    programme_update_contingent(actor=curator, programme=programme, pupils_total=old + 10)  # no change
    events = AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE, target_id=str(programme.pk))
    # the field's name, never its values
    assert [(event.fields, event.details) for event in events] == [(["pupils_total"], {})]
    assert events[0].actor_name == (curator.get_full_name() or curator.username)
    assert events[0].actor == curator


@pytest.mark.django_db
def test_contingent_cannot_hold_more_disabled_pupils_than_pupils(programme, curator):
    with pytest.raises(ValidationError):
        programme_update_contingent(
            actor=curator, programme=programme, pupils_total=10, pupils_with_disabilities=11
        )
    programme.refresh_from_db()
    assert programme.pupils_total == 500


@pytest.mark.django_db
def test_municipal_coordinator_must_belong_to_an_authority(school):
    with pytest.raises(ValidationError):
        membership_add(actor=None, user=UserFactory(), organization=school, role=Role.MUNICIPAL_COORDINATOR)


@pytest.mark.django_db
def test_coordinator_reads_children_only(school, other_school, coordinator, curator):
    access = access_for(coordinator, school)
    assert access is not None and access.read_only and not access.can_manage
    foreign_school = OrganizationFactory(parent=OrganizationFactory(kind="municipal_authority"))
    assert access_for(coordinator, foreign_school) is None
    assert access_for(curator, other_school) is None
    assert access_for(curator, school).can_manage

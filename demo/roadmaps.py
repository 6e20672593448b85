"""Demo roadmaps: each demo organisation's year from the team's templates; what is past is done."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from mentoring.models import Membership, Programme, Role
from roadmap.models import RoadmapEvent
from roadmap.services import event_mark_done, roadmap_from_template

from .organisations import demo_organizations, demo_years


@transaction.atomic
def seed_demo(*, today: date) -> None:
    for organization in demo_organizations():
        template = "municipal" if organization.is_oversight_body else "students"
        lead = (
            Membership.objects.filter(
                organization=organization, role__in=[Role.CURATOR, Role.MUNICIPAL_COORDINATOR, Role.REGIONAL_COORDINATOR]
            )
            .select_related("user")
            .first()
        )
        mentors = [m.user for m in Membership.objects.filter(organization=organization, role=Role.MENTOR)]
        for start_year in demo_years(today):
            programme = Programme.objects.filter(
                organization=organization, academic_year__start_year=start_year
            ).first()
            if programme is None or programme.roadmap_events.exists():
                continue
            roadmap_from_template(actor=None, programme=programme, template_key=template)
            _progress(programme, lead.user if lead else None, mentors, today)


def _progress(programme: Programme, lead, mentors: list, today: date) -> None:
    """The past is mostly done with an order as evidence; one event in five is left overdue, as in life."""
    for index, event in enumerate(programme.roadmap_events.order_by("deadline", "pk")):
        people = [lead] if lead else []
        if mentors and index % 3 == 0:
            people.append(mentors[index % len(mentors)])
        event.responsible_users.set(people)
        if event.deadline and event.deadline < today and index % 5 != 4 and lead:
            event_mark_done(
                actor=lead,
                event=event,
                completed_on=event.deadline,
                reference=f"Приказ № {100 + index}-ОД от {event.deadline:%d.%m.%Y}",
            )
        elif event.starts_on and event.starts_on <= today:
            RoadmapEvent.objects.filter(pk=event.pk).update(status=RoadmapEvent.Status.IN_PROGRESS)

"""Demo pairs: the matching engine's best proposals in both years; last year's are completed."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from mentoring.models import Programme
from pairing.matching_runs import compute
from pairing.models import MentoringForm, MentoringGroup
from pairing.services import PairingError, group_close, group_create, groups_record_order
from participants.models import Person

from .organisations import demo_school_programmes, demo_years


@transaction.atomic
def seed_demo(*, today: date) -> None:
    forms = {form.key: form for form in MentoringForm.objects.filter(organization=None)}
    current, previous = demo_years(today)
    for programme in demo_school_programmes(today, years=[previous, current]):
        if programme.mentoring_groups.exists():
            continue
        year = programme.academic_year.start_year
        _pairs(programme, forms, year, today, finished=year == previous)


# the forms the demo pairs are made in, and how many pairs of each: the rest of the pupils wait for
# the curator to run the matching herself
PLAN = {
    False: (("teacher_pupil", 14), ("pupil_pupil", 3), ("employer_pupil", 2)),
    True: (("pedagogue_student", 14), ("student_student", 3), ("employer_student", 2)),
}


def _pairs(programme: Programme, forms: dict, year: int, today: date, *, finished: bool) -> None:
    """The engine's best proposals become the demo's pairs, so the demo shows meaningful matches."""
    college = programme.organization.kind == "college"
    people: dict[int, Person] = {}
    made = []
    paired: set[int] = set()
    for key, limit in PLAN[college]:
        form = forms[key]
        result = compute(programme, form, {})
        proposals = sorted(result["pairs"], key=lambda p: (-p["score"], p["mentee"]))
        ids = {p["mentee"] for p in proposals} | {p["mentor"] for p in proposals}
        people.update(Person.objects.in_bulk(ids - people.keys()))
        taken = 0
        for proposal in proposals:
            if taken >= limit:
                break
            if proposal["mentee"] in paired:
                continue
            try:
                group = group_create(
                    actor=None,
                    programme=programme,
                    form=form,
                    role_model=form.role_models.first(),
                    mentors=[people[proposal["mentor"]]],
                    mentees=[people[proposal["mentee"]]],
                    start_date=date(year, 10, 15),
                    planned_end_date=date(year + 1, 5, 25),
                )
            except PairingError:
                continue  # e.g. the mentor is full meanwhile: the demo, like life, skips them
            paired.add(proposal["mentee"])
            taken += 1
            made.append(group)
    if made:
        # the first pairs are fixed by an order; the rest wait for the next one
        groups_record_order(
            actor=None,
            groups=made[: len(made) // 2 + 1],
            number=f"{150 + year % 100}-ОД",
            day=date(year, 10, 20),
        )
    if finished:
        for group in made:
            group_close(
                actor=None,
                group=MentoringGroup.objects.get(pk=group.pk),
                status=MentoringGroup.Status.COMPLETED,
                closed_on=date(year + 1, 5, 25),
                results="Индивидуальный план выполнен, наставляемый улучшил результаты.",
            )

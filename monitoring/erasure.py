"""The monitoring part of the erasure after a consent is withdrawn (see ``mentoring.erasure``)."""

from __future__ import annotations

from mentoring.erasure import Erasure, erasure_step, file_names_person, replace_in_rows
from pairing.models import MentoringGroup

from .models import Answer, Case, CasePhoto, IndividualPlan, Invitation, Meeting, PlanChange, PlanTask


@erasure_step
def detach_answers(erasure: Erasure) -> None:
    """Their questionnaire answers: texts cleared; scores stay for the averages, no longer theirs."""
    invitations = Invitation.objects.filter(person=erasure.person)
    answers = Answer.objects.filter(response__invitation__in=invitations)
    answers.exclude(text="").update(text="")
    erasure.counts["answers"] += answers.count()
    # an unused link goes (nobody may answer in their name); an answered one is kept, detached
    invitations.filter(response__isnull=True).delete()
    invitations.update(person=None, group=None)


@erasure_step
def delete_case_photos(erasure: Erasure) -> None:
    """A case photo showing them goes, file and record."""
    for photo in CasePhoto.objects.filter(people=erasure.person):
        erasure.delete_file(photo.image, "photos")
        photo.delete()


@erasure_step
def clear_own_pairs_texts(erasure: Erasure) -> None:
    """In the records of the person's own pairs even the given name alone («Маша пришла…») goes."""
    groups = MentoringGroup.objects.filter(members__person=erasure.person).values("pk")
    matcher = erasure.loose_matcher
    replace_in_rows(
        erasure, MentoringGroup.objects.filter(pk__in=groups), ["closure_reason", "results"], matcher
    )
    replace_in_rows(
        erasure, Meeting.objects.filter(group__in=groups),
        ["topic", "what_was_done", "agreements", "psychologist_reason"],
        matcher,
    )
    replace_in_rows(erasure, IndividualPlan.objects.filter(group__in=groups), ["goals"], matcher)
    replace_in_rows(
        erasure,
        PlanTask.objects.filter(plan__group__in=groups),
        ["activity", "expected_result", "evidence"],
        matcher,
    )
    replace_in_rows(
        erasure, PlanChange.objects.filter(plan__group__in=groups), ["description", "details"], matcher
    )
    replace_in_rows(erasure, Case.objects.filter(group__in=groups), ["title", "story"], matcher)
    replace_in_rows(erasure, CasePhoto.objects.filter(case__group__in=groups), ["caption"], matcher)


@erasure_step
def delete_own_pairs_files(erasure: Erasure) -> None:
    """Evidence files of the person's own pairs' plans that mention them (even by the given name) go."""
    matcher = erasure.loose_matcher
    if matcher is None:
        return
    tasks = PlanTask.objects.filter(plan__group__members__person=erasure.person).exclude(evidence_file="")
    for task in tasks.distinct():
        if file_names_person(task.evidence_file, matcher, full=False):
            erasure.delete_file(task.evidence_file)
            PlanTask.objects.filter(pk=task.pk).update(evidence_file="")

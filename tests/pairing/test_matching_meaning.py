"""The matching reads the bases with their meaning: the vocabulary, statuses, categories, options."""

import json

import pytest
from django.core.management import CommandError, call_command

from mentoring.models import Organization
from pairing.matching_runs import engine_input, vocabulary_for
from pairing.models import MentoringForm
from participants.models import MenteeProfile, MentorProfile, VocabularyTerm
from tests.factories import OrganizationFactory

from ..conftest import YEAR
from .test_groups import pupil, teacher
from .test_runs import start, url

pytestmark = pytest.mark.django_db


def test_the_shared_vocabulary_is_seeded():
    shared = VocabularyTerm.objects.filter(organization=None)
    assert shared.count() >= 80
    russian = shared.get(name="Русский язык")
    assert "орфография" in russian.synonyms
    assert "Филология" in russian.broader.values_list("name", flat=True)


def test_an_authority_shares_its_terms_with_its_schools_only(school, other_school, authority):
    elsewhere = OrganizationFactory(kind=Organization.Kind.MUNICIPAL_AUTHORITY, slug="uo-other")
    VocabularyTerm.objects.create(organization=authority, kind="interest", name="Кванториум")
    VocabularyTerm.objects.create(organization=elsewhere, kind="interest", name="Технопарк «Альтаир»")
    VocabularyTerm.objects.create(organization=other_school, kind="interest", name="Школьный музей")
    names = {c.name for c in vocabulary_for(school).concepts.values()}
    assert "Кванториум" in names and "Русский язык" in names
    assert "Технопарк «Альтаир»" not in names and "Школьный музей" not in names


def _run_input(programme):
    return engine_input(programme, MentoringForm.objects.get(key="teacher_pupil"), {})


def test_a_term_the_school_adds_makes_free_text_meet(programme):
    kid = pupil(programme, "Кубиков")
    MenteeProfile.objects.filter(person=kid).update(requests=["Хочет ходить в Кванториум"])
    coach = teacher(programme, "Наставникова")
    MentorProfile.objects.filter(person=coach).update(competencies=["Детский технопарк"])
    (mentee,), (mentor,) = _run_input(programme)
    assert not mentee.requests & mentor.competencies
    term = VocabularyTerm.objects.create(
        organization=programme.organization, kind="interest", name="Кванториум", synonyms=["технопарк"]
    )
    (mentee,), (mentor,) = _run_input(programme)
    assert f"c:{term.pk}" in mentee.requests & mentor.competencies


def test_statuses_are_respected(programme):
    done, waiting = pupil(programme, "Закончил"), pupil(programme, "Ждёт")
    MenteeProfile.objects.filter(person=done).update(status="completed")
    gone, here = teacher(programme, "Ушла"), teacher(programme, "Осталась")
    MentorProfile.objects.filter(person=gone).update(status="left")
    mentees, mentors = _run_input(programme)
    assert [m.id for m in mentees] == [waiting.pk]
    assert [m.id for m in mentors] == [here.pk]


def test_profiles_become_the_engine_input(programme):
    kid = pupil(programme, "Петров", grade="6Б")
    MenteeProfile.objects.filter(person=kid).update(
        requests=["Повышение успеваемости по русскому языку"],
        subject_areas=["Литература"],
        deviant_behaviour=True,
        availability="вторник, онлайн",
    )
    coach = teacher(programme, "Словесникова")
    coach.subject = "Русский язык и литература"
    coach.save()
    MentorProfile.objects.filter(person=coach).update(
        competencies=["Орфография"],
        preferred_grades="5–7 классы",
        at_risk_experience=True,
        availability="вт, чт после уроков",
    )
    (mentee,), (mentor,) = _run_input(programme)
    assert mentee.at_risk and mentor.at_risk_experience
    assert mentee.availability == {"tue", "online"} and mentor.availability == {"tue", "thu"}
    assert mentor.preferred_grades == (5, 7) and mentor.preferred_ages is None
    russian = f"c:{VocabularyTerm.objects.get(organization=None, name='Русский язык').pk}"
    assert russian in mentee.requests & mentor.competencies
    assert mentor.subject_tags  # «Русский язык», «Литература» without their broader terms


def test_the_run_form_takes_required_criteria(curator_client, programme, django_capture_on_commit_callbacks):
    kid = pupil(programme, "Особый")
    MenteeProfile.objects.filter(person=kid).update(has_ovz=True, requests=["Математика"])
    teacher(programme, "Необученная")
    run = start(curator_client, django_capture_on_commit_callbacks, required_special_needs="on")
    assert run.settings["required"] == ["special_needs"]
    assert run.result["pairs"] == []
    (left,) = [item for item in run.result["unmatched"] if item["person"] == kid.pk]
    assert "обязательн" in left["reason"].lower()
    page = curator_client.get(url("runs")).content.decode()
    assert "обязательно" in page.lower()


def test_the_command_takes_the_options_and_checks_them(programme, capsys):
    kid = pupil(programme, "Особый")
    MenteeProfile.objects.filter(person=kid).update(has_ovz=True, requests=["Математика"])
    teacher(programme, "Необученная")
    base = ["match", "--org", "school-a", "--year", str(YEAR), "--json"]
    call_command(*base, "--weight", "requests=7")
    data = json.loads(capsys.readouterr().out)
    assert len(data["pairs"]) == 1 and data["form"] == "teacher_pupil", data
    call_command(*base, "--require", "special_needs")
    data = json.loads(capsys.readouterr().out)
    assert data["pairs"] == [] and "обязательн" in data["unmatched"][0]["reason"].lower()
    for bad in (
        ["--weight", "requests=11"],
        ["--weight", "beauty=3"],
        ["--require", "load"],
        ["--min-score", "300"],
    ):
        with pytest.raises(CommandError):
            call_command(*base, *bad)


def test_the_command_defaults_to_the_form_the_school_uses_most(programme, capsys):
    from pairing.services import group_create

    seniors = [pupil(programme, f"Старший{i}", grade="10А") for i in range(2)]
    for i, senior in enumerate(seniors):
        MentorProfile.objects.create(person=senior, programme=programme, capacity=1)
        group_create(
            actor=None,
            programme=programme,
            form=MentoringForm.objects.get(key="pupil_pupil"),
            mentors=[senior],
            mentees=[pupil(programme, f"Младший{i}")],
            start_date=None,
            planned_end_date=None,
        )
    call_command("match", "--org", "school-a", "--year", str(YEAR), "--json")
    assert json.loads(capsys.readouterr().out)["form"] == "pupil_pupil"

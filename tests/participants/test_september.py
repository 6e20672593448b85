"""Next September: a school re-imports its list and every child stays one person.

Last year's base (2024/2025) is imported from a file in the template's layout; this year's list
(2025/2026) comes in the secretary's layout — a title row, «№ п/п», the full name in one «ФИО» column
written in capitals or with «Е» for «Ё», dates as Excel dates and as text — and is built to break the
matching: namesakes in other classes, twins with the same birth date, a corrected birth date, a
patronymic filled in.
"""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from mentoring.models import AuditEvent, Programme
from pairing.models import GroupMember, MentoringForm, MentoringGroup
from participants import importing
from participants.models import ImportBatch, MenteeProfile, Person, PersonClass, ProfileStatus
from participants.services import person_update

from ..conftest import YEAR, client_for

pytestmark = [pytest.mark.django_db]

KW = {"org": "school-a", "year": YEAR}
LAST_YEAR = YEAR - 1


def url(name: str, **kwargs) -> str:
    return reverse(f"participants:{name}", kwargs={**KW, **kwargs})


def template_file(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "Наставляемые"
    sheet.append(["Фамилия", "Имя", "Отчество", "Дата рождения", "Класс/группа", "Телефон родителя", "ОВЗ"])
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


LAST_YEAR_ROWS = [
    ["Белкин", "Артём", "Сергеевич", "01.02.2013", "7Б", "+7 900 111-22-33", "нет"],
    ["Иванов", "Иван", "Иванович", "05.05.2013", "7А", "", "нет"],
    ["Иванов", "Иван", "Иванович", "10.10.2011", "9В", "", "да"],
    ["Петрова", "Анна", "Олеговна", "03.03.2014", "6А", "", "нет"],
    ["Петрова", "Мария", "Олеговна", "03.03.2014", "6А", "", "нет"],
    ["Семёнов", "Пётр", "Ильич", "07.07.2012", "8А", "", "нет"],
    ["Котова", "Вера", "Павловна", "11.11.2012", "8Б", "", "нет"],
    ["Лебедев", "Глеб", "", "", "7В", "", "нет"],
    ["Котов", "Илья", "Петрович", "02.02.2011", "9Г", "", "нет"],
    ["Морозова", "Дарья", "Андреевна", "09.09.2007", "11А", "", "нет"],
]


def secretary_file() -> bytes:
    """This year's list as the school secretary keeps it."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "Список"
    sheet.append(["Список обучающихся МБОУ «СОШ № 1» на 2025/2026 учебный год"])
    sheet.append([])
    sheet.append(["№ п/п", "ФИО", "Дата рождения", "Класс", "Телефон родителя"])
    rows = [
        ["БЕЛКИН  артём   сергеевич", datetime(2013, 2, 1), "8Б", ""],  # the phone cell left empty
        ["Иванов Иван Иванович", "05.05.2013", "8А", ""],
        ["Иванов Иван Иванович", datetime(2011, 10, 10), "10В", ""],
        ["Петрова Анна Олеговна", "03.03.2014", "7А", ""],
        ["Петрова Мария Олеговна", "03.03.2014", "7А", ""],
        ["Семенов Петр Ильич", "07.07.2012", "9А", ""],
        ["Котова Вера Павловна", "12.11.2012", "9Б", ""],  # the birth date corrected
        ["Лебедев Глеб Андреевич", "04.04.2013", "8В", ""],  # patronymic and birth date filled in
        ["Котов Илья Петрович", "01.01.2016", "4А", ""],  # a namesake, not last year's Котов
        ["Новикова Ева Андреевна", "15.03.2019", "1А", "+7 901 000-00-01"],  # a new pupil
    ]
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *row])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


@pytest.fixture
def last_year(school, curator):
    programme = school.programmes.get(academic_year__start_year=LAST_YEAR)
    _parsed, result = importing.import_file(
        actor=curator, programme=programme, kind="mentees", data=template_file(LAST_YEAR_ROWS)
    )
    assert result.new == len(LAST_YEAR_ROWS)
    belkin = Person.objects.get(last_name="Белкин")
    person_update(actor=curator, person=belkin, phone="+7 999 000-00-00")  # typed in by the curator
    return programme


def people(last: str, first: str) -> list[Person]:
    return list(Person.objects.filter(last_name=last, first_name=first).order_by("birth_date"))


def upload(client, data: bytes):
    response = client.post(
        url("import_upload", kind="mentees"), {"file": SimpleUploadedFile("список.xlsx", data)}
    )
    assert response.status_code == 302, response.content.decode()[:3000]


def test_next_septembers_list_keeps_one_person_per_child(curator_client, school, programme, last_year):
    before = Person.objects.count()
    upload(curator_client, secretary_file())
    response = curator_client.get(url("import_preview") + "?show=all")
    html = response.content.decode()
    plan = response.context["plan"]
    counts = response.context["counts"]
    assert counts["error"] == 0, plan.errors
    # every row is new to this year's base; two people are new to the school
    assert counts["new"] == 10

    # the corrected birth date and the filled-in patronymic are offered, with the evidence
    possible = {row.name: row for row in plan.rows_with(importing.POSSIBLE)}
    assert set(possible) == {"Котова Вера Павловна", "Лебедев Глеб Андреевич"}
    assert "возможно, это тот же человек: Котова Вера Павловна, 8Б, 11.11.2012" in html
    assert "возможно, это тот же человек: Лебедев Глеб, 7В" in html
    assert all(row.suggestions[0].recommended for row in possible.values())
    # old → new for every change
    assert "8Б</span> → <span>9Б" in html
    assert "11.11.2012</span> → <span>12.11.2012" in html
    assert "7Б</span> → <span>8Б" in html
    # the graduate is offered as a leaver
    assert [leaver.label for leaver in plan.leavers] == ["Морозова Дарья Андреевна, 11А, 09.09.2007"]

    response = curator_client.post(
        url("import_preview"),
        {
            "action": "confirm",
            "mark_left": "1",
            "left": [plan.leavers[0].profile_id],
            "left_on": "2025-06-30",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]

    assert Person.objects.count() == before + 2  # Новикова and the younger Котов, nobody else
    belkin = Person.objects.get(last_name="Белкин")
    assert belkin.group_name == "8Б"
    assert belkin.phone == "+7 999 000-00-00"  # the empty cell kept what the curator typed
    assert belkin.guardian_phone == "+7 900 111-22-33"
    assert dict(belkin.year_classes.values_list("academic_year__start_year", "group_name")) == {
        LAST_YEAR: "7Б",
        YEAR: "8Б",
    }
    older, younger = people("Иванов", "Иван")  # by birth date
    assert (younger.group_name, older.group_name) == ("8А", "10В")
    assert older.mentee_profiles.get(programme__academic_year__start_year=LAST_YEAR).has_ovz
    assert [p.group_name for p in people("Петрова", "Анна") + people("Петрова", "Мария")] == ["7А", "7А"]
    (semyonov,) = people("Семёнов", "Пётр")
    assert semyonov.group_name == "9А"
    (kotova,) = people("Котова", "Вера")
    assert kotova.birth_date == date(2012, 11, 12)
    (lebedev,) = people("Лебедев", "Глеб")
    assert (lebedev.patronymic, lebedev.birth_date, lebedev.group_name) == (
        "Андреевич",
        date(2013, 4, 4),
        "8В",
    )
    assert [p.group_name for p in people("Котов", "Илья")] == ["9Г", "4А"]
    assert MenteeProfile.objects.filter(programme=programme).count() == 10

    # the graduate left on the given day: counted in last year's base up to it, absent from this year's
    (morozova,) = people("Морозова", "Дарья")
    profile = morozova.mentee_profiles.get()
    assert (profile.status, profile.exit_date) == (ProfileStatus.LEFT, date(2025, 6, 30))
    assert profile.programme == last_year
    in_june = MenteeProfile.objects.filter(person=morozova).taking_part([last_year], today=date(2025, 6, 1))
    assert in_june.exists()
    event = AuditEvent.objects.filter(target_type=importing.AUDIT_TARGET).latest("at")
    assert event.details["people_created"] == 2 and event.details["marked_left"] == 1


def test_the_curator_may_add_a_possible_match_as_a_new_person(curator_client, school, programme, last_year):
    upload(curator_client, secretary_file())
    plan = curator_client.get(url("import_preview")).context["plan"]
    kotova_row = next(row for row in plan.rows_with(importing.POSSIBLE) if row.name.startswith("Котова"))
    # «apply» recounts the preview with the choice; nothing is saved yet
    response = curator_client.post(
        url("import_preview"), {"action": "apply", f"match-{kotova_row.row}": importing.ADD_NEW}
    )
    assert response.status_code == 302
    assert len(people("Котова", "Вера")) == 1
    html = curator_client.get(url("import_preview") + "?show=possible").content.decode()
    assert "будет добавлен как новый человек" in html
    curator_client.post(
        url("import_preview"), {"action": "confirm", f"match-{kotova_row.row}": importing.ADD_NEW}
    )
    old, new = people("Котова", "Вера")
    assert (old.birth_date, new.birth_date) == (date(2012, 11, 11), date(2012, 11, 12))
    assert not old.mentee_profiles.filter(programme=programme).exists()


def test_empty_cells_erase_only_when_asked(curator_client, school, programme, last_year):
    upload(curator_client, secretary_file())
    response = curator_client.post(url("import_preview"), {"action": "apply", "clear_empty": "1"})
    assert response.status_code == 302
    html = curator_client.get(url("import_preview") + "?show=all").content.decode()
    assert "+7 900 111-22-33</span> → <span>—" in html  # the parent's phone of Белкин, erased
    curator_client.post(url("import_preview"), {"action": "confirm", "clear_empty": "1"})
    belkin = Person.objects.get(last_name="Белкин")
    assert belkin.guardian_phone == ""
    assert belkin.phone == "+7 999 000-00-00"  # not a column of the file: never touched


def test_the_class_of_last_years_base_stays_when_this_years_list_is_imported(school, programme, last_year):
    importing.import_file(actor=None, programme=programme, kind="mentees", data=secretary_file())
    # last year's list imported again later changes nothing of this year's class
    _parsed, again = importing.import_file(
        actor=None, programme=last_year, kind="mentees", data=template_file(LAST_YEAR_ROWS)
    )
    belkin = Person.objects.get(last_name="Белкин")
    assert belkin.group_name == "8Б"
    assert PersonClass.objects.get(person=belkin, academic_year__start_year=LAST_YEAR).group_name == "7Б"


def test_the_same_list_twice_changes_nothing(school, programme, last_year):
    importing.import_file(actor=None, programme=programme, kind="mentees", data=secretary_file())
    count = Person.objects.count()
    _parsed, again = importing.import_file(
        actor=None, programme=programme, kind="mentees", data=secretary_file()
    )
    assert (again.new, again.updated, again.unchanged, again.people_created) == (0, 0, 10, 0)
    assert Person.objects.count() == count


# --- Undo --------------------------------------------------------------------------------------------


def snapshot() -> dict:
    return {
        "people": sorted(
            Person.objects.values_list(
                "pk", "last_name", "patronymic", "birth_date", "group_name", "phone", "guardian_phone"
            )
        ),
        "profiles": sorted(MenteeProfile.objects.values_list("pk", "status", "exit_date", "has_ovz")),
        "classes": sorted(PersonClass.objects.values_list("person_id", "academic_year_id", "group_name")),
    }


def test_a_saved_import_is_undone_in_one_step(curator_client, school, programme, last_year):
    before = snapshot()
    upload(curator_client, secretary_file())
    plan = curator_client.get(url("import_preview")).context["plan"]
    curator_client.post(
        url("import_preview"),
        {
            "action": "confirm",
            "mark_left": "1",
            "left": [plan.leavers[0].profile_id],
            "left_on": "2025-06-30",
        },
    )
    assert snapshot() != before
    (batch,) = ImportBatch.objects.filter(programme=programme)
    page = curator_client.get(url("import_upload", kind="mentees")).content.decode()
    assert url("import_undo", base_import=batch.pk) in page
    response = curator_client.post(url("import_undo", base_import=batch.pk), follow=True)
    assert "Импорт отменён" in response.content.decode()
    assert snapshot() == before
    batch.refresh_from_db()
    assert batch.undone_at is not None and batch.undo == {}
    event = AuditEvent.objects.filter(
        target_type=importing.AUDIT_TARGET, action=AuditEvent.Action.DELETE
    ).get()
    assert event.details["people_removed"] == 2 and event.details["leavers_restored"] == 1
    # undone once: not again
    response = curator_client.post(url("import_undo", base_import=batch.pk), follow=True)
    assert "уже отменён" in response.content.decode()


def test_undo_is_refused_after_a_day(school, programme, last_year):
    _parsed, result = importing.import_file(
        actor=None, programme=programme, kind="mentees", data=secretary_file()
    )
    ImportBatch.objects.filter(pk=result.batch_id).update(created_at=timezone.now() - timedelta(hours=25))
    count = Person.objects.count()
    with pytest.raises(importing.UndoRefused, match="в течение 24 часов"):
        importing.import_undo(actor=None, programme=programme, batch_id=result.batch_id)
    assert Person.objects.count() == count
    # and what undoing needed (personal data) is forgotten by the purge
    assert importing.import_batches_purge() == 1
    assert ImportBatch.objects.get(pk=result.batch_id).undo == {}


def test_undo_is_refused_once_someone_was_paired(curator_client, school, programme, last_year):
    _parsed, result = importing.import_file(
        actor=None, programme=programme, kind="mentees", data=secretary_file()
    )
    novikova = Person.objects.get(last_name="Новикова")
    teacher = Person.objects.create(
        organization=school, last_name="Учитель", first_name="Анна", kind="teacher"
    )
    group = MentoringGroup.objects.create(
        programme=programme, form=MentoringForm.objects.get(key="teacher_pupil")
    )
    GroupMember.objects.create(group=group, person=teacher, role="mentor")
    GroupMember.objects.create(group=group, person=novikova, role="mentee")
    before = snapshot()
    response = curator_client.post(url("import_undo", base_import=result.batch_id), follow=True)
    html = response.content.decode()
    assert "Новикова Е.А." in html and "включён(а) в наставническую пару" in html
    assert snapshot() == before


def test_undo_is_refused_when_a_card_was_changed_since(school, programme, last_year, curator):
    _parsed, result = importing.import_file(
        actor=None, programme=programme, kind="mentees", data=secretary_file()
    )
    kotova = Person.objects.get(last_name="Котова")
    Person.objects.filter(pk=kotova.pk).update(updated_at=timezone.now() + timedelta(seconds=5))
    with pytest.raises(importing.UndoRefused, match="Котова В.П."):
        importing.import_undo(actor=curator, programme=programme, batch_id=result.batch_id)


def test_only_the_latest_import_is_undone(school, programme, last_year):
    _parsed, first = importing.import_file(
        actor=None, programme=programme, kind="mentees", data=secretary_file()
    )
    _parsed, second = importing.import_file(
        actor=None,
        programme=programme,
        kind="mentees",
        data=template_file([["Новый", "Ученик", "", "", "2А", "", ""]]),
    )
    with pytest.raises(importing.UndoRefused, match="сначала"):
        importing.import_undo(actor=None, programme=programme, batch_id=first.batch_id)
    importing.import_undo(actor=None, programme=programme, batch_id=second.batch_id)
    importing.import_undo(actor=None, programme=programme, batch_id=first.batch_id)
    assert Person.objects.count() == len(LAST_YEAR_ROWS)


def test_anonymising_someone_forgets_the_undo(school, programme, last_year, curator):
    from participants.services import person_anonymise

    _parsed, result = importing.import_file(
        actor=None, programme=programme, kind="mentees", data=secretary_file()
    )
    person_anonymise(actor=curator, person=Person.objects.get(last_name="Котова"))
    assert ImportBatch.objects.get(pk=result.batch_id).undo == {}
    with pytest.raises(importing.UndoRefused):
        importing.import_undo(actor=None, programme=programme, batch_id=result.batch_id)


def test_a_stranger_cannot_undo(school, other_school, programme, last_year, stranger):
    stranger_client = client_for(stranger)
    _parsed, result = importing.import_file(
        actor=None, programme=programme, kind="mentees", data=secretary_file()
    )
    other = {"org": "school-b", "year": YEAR}
    assert stranger_client.post(url("import_undo", base_import=result.batch_id)).status_code == 404
    path = reverse("participants:import_undo", kwargs={**other, "base_import": result.batch_id})
    assert stranger_client.post(path).status_code == 404
    assert ImportBatch.objects.get(pk=result.batch_id).undone_at is None


# --- The command -------------------------------------------------------------------------------------


def run(tmp_path, data: bytes, *args: str) -> dict:
    import json

    path = tmp_path / "список.xlsx"
    path.write_bytes(data)
    out = io.StringIO()
    call_command(
        "import_participants",
        str(path),
        "--org",
        "school-a",
        "--year",
        str(YEAR),
        "--kind",
        "mentees",
        "--json",
        *args,
        stdout=out,
        stderr=io.StringIO(),
    )
    return json.loads(out.getvalue())


def test_command_follows_the_recommendation_and_marks_leavers(tmp_path, school, programme, last_year):
    dry = run(tmp_path, secretary_file(), "--dry-run")
    assert (dry["possible_matches"], dry["leavers"], dry["marked_left"]) == (2, 1, 0)
    result = run(tmp_path, secretary_file(), "--mark-left", "30.06.2025")
    assert result["marked_left"] == 1 and result["errors"] == []
    assert Person.objects.count() == len(LAST_YEAR_ROWS) + 2
    assert people("Морозова", "Дарья")[0].mentee_profiles.get().exit_date == date(2025, 6, 30)


def test_command_may_add_every_possible_match(tmp_path, school, programme, last_year):
    run(tmp_path, secretary_file(), "--possible-matches", "add")
    assert Person.objects.count() == len(LAST_YEAR_ROWS) + 4
    assert (
        not Programme.objects.get(pk=last_year.pk).mentee_profiles.filter(status=ProfileStatus.LEFT).exists()
    )


def test_command_rejects_a_bad_leaving_date(tmp_path, school, programme, last_year):
    with pytest.raises(CommandError):
        run(tmp_path, secretary_file(), "--mark-left", "31.02.2025")
    assert Person.objects.count() == len(LAST_YEAR_ROWS)


def pair(programme, school, pupil: Person) -> MentoringGroup:
    teacher = Person.objects.create(
        organization=school, last_name="Учитель", first_name="Анна", kind="teacher"
    )
    group = MentoringGroup.objects.create(
        programme=programme, form=MentoringForm.objects.get(key="teacher_pupil")
    )
    GroupMember.objects.create(group=group, person=teacher, role="mentor")
    GroupMember.objects.create(group=group, person=pupil, role="mentee")
    return group


def test_last_years_pairs_do_not_block_the_undo_but_a_new_pair_does(school, programme, last_year):
    belkin = Person.objects.get(last_name="Белкин")
    pair(last_year, school, belkin)  # last year's pair
    _parsed, result = importing.import_file(
        actor=None, programme=programme, kind="mentees", data=secretary_file()
    )
    importing.import_undo(actor=None, programme=programme, batch_id=result.batch_id)
    assert Person.objects.get(pk=belkin.pk).group_name == "7Б"

    _parsed, result = importing.import_file(
        actor=None, programme=programme, kind="mentees", data=secretary_file()
    )
    pair(programme, school, belkin)  # this year's pair, made after the import
    with pytest.raises(importing.UndoRefused, match="Белкин А.С."):
        importing.import_undo(actor=None, programme=programme, batch_id=result.batch_id)


def test_last_years_pages_show_last_years_class(curator_client, school, programme, last_year):
    from participants import selectors
    from participants.selectors import PeopleFilters

    importing.import_file(actor=None, programme=programme, kind="mentees", data=secretary_file())
    last = {"org": "school-a", "year": LAST_YEAR}
    html = curator_client.get(reverse("participants:mentees", kwargs=last) + "?q=Белкин").content.decode()
    assert "<td>7Б</td>" in html and "<td>8Б</td>" not in html
    html = curator_client.get(reverse("participants:mentees", kwargs=KW) + "?q=Белкин").content.decode()
    assert "<td>8Б</td>" in html and "<td>7Б</td>" not in html
    found = selectors.mentees(last_year, PeopleFilters(group="7Б"))
    assert [profile.person.last_name for profile in found] == ["Белкин"]
    assert "9В" in selectors.groups(last_year) and "10В" not in selectors.groups(last_year)
    assert "10В" in selectors.groups(programme) and "9В" not in selectors.groups(programme)

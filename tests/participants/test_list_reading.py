"""The pure reading of a school's list (participants/list_reading.py): no database, no Django.

The expected values are written out by hand (what a secretary means), not computed by the code under test.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from participants import list_reading as lr

TODAY = date(2026, 12, 4)

# the template's headers as importing.py hands them over (a few are enough here)
EXACT = {
    "фамилия": "last_name",
    "имя": "first_name",
    "отчество": "patronymic",
    "фио": lr.FULL_NAME,
    "дата рождения": "birth_date",
    "класс/группа": "group_name",
    "телефон": "phone",
    "телефон родителя": "guardian_phone",
    "родитель (законный представитель)": "guardian_name",
    "категория участника": "kind",
    "квалификационная категория": "qualification",
    "должность": "position",
}
PUPIL_FIELDS = frozenset(
    {
        *EXACT.values(),
        "email",
        "sex",
        "external_id",
        lr.SPECIAL_CATEGORIES,
        "has_ovz",
        "orphan",
        "gifted",
        lr.CONSENT_DATE,
        "teaching_experience",
        "subject",
        "workplace",
    }
)


def vocabulary(kind: str = lr.MENTEES, mapping: dict | None = None) -> lr.Vocabulary:
    return lr.Vocabulary(kind=kind, exact=EXACT, fields=PUPIL_FIELDS, mapping=mapping or {})


def fields_of(table: lr.Table) -> dict[str, str]:
    return {reading.cell.label: reading.field for reading in table.readings if reading.used}


# --- headers ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "ФИО",
        "Ф.И.О.",
        "ФИО обучающегося",
        "Фамилия, имя, отчество",
        "Ф. И. О. ребёнка",
        "ФИО (полностью)",
        "Ф.И.О",
        "фио учащегося",
    ],
)
def test_the_full_name_headers_people_write(written):
    assert vocabulary().guess(lr.HeaderCell(0, written))[0] == lr.FULL_NAME


@pytest.mark.parametrize(
    ("written", "parent", "field"),
    [
        ("Фамилия", "ФИО", "last_name"),
        ("Имя", "ФИО", "first_name"),
        ("ФИО", "Сведения о родителях", "guardian_name"),
        ("Телефон", "Сведения о родителях", "guardian_phone"),
        ("Телефон", "", "phone"),
        ("Телефон матери", "", "guardian_phone"),
        ("Д.р.", "", "birth_date"),
        ("Дата рожд.", "", "birth_date"),
        ("Кл.", "", "group_name"),
        ("№ п/п", "", lr.NUMBERING),
        ("СНИЛС", "", lr.NOT_STORED),
        ("Электронная почта", "", "email"),
        ("Дата согласия", "", lr.CONSENT_DATE),
        ("Любимый цвет", "", None),
    ],
)
def test_headers_with_their_upper_header(written, parent, field):
    assert vocabulary().guess(lr.HeaderCell(0, written, parent))[0] == field


def test_an_exact_header_wins_over_a_looser_alias():
    cells = [lr.HeaderCell(0, "Класс"), lr.HeaderCell(1, "Класс/группа"), lr.HeaderCell(2, "ФИО")]
    readings = lr.recognise(cells, vocabulary())
    by_label = {reading.cell.label: reading for reading in readings}
    assert by_label["Класс/группа"].used and by_label["Класс/группа"].how == lr.EXACT
    assert not by_label["Класс"].used and by_label["Класс"].repeats == "Класс/группа"


def test_the_curators_mapping_wins_over_everything():
    cells = [lr.HeaderCell(0, "ФИО"), lr.HeaderCell(1, "Телефон"), lr.HeaderCell(2, "Учётный номер")]
    mapping = {"телефон": "guardian_phone", "учетный номер": "external_id"}  # header_key: «ё» as «е»
    readings = lr.recognise(cells, vocabulary(mapping=mapping))
    assert [(reading.field, reading.how) for reading in readings] == [
        (lr.FULL_NAME, lr.EXACT),  # «ФИО» is the template's header too
        ("guardian_phone", lr.MAPPED),
        ("external_id", lr.MAPPED),
    ]


def test_category_means_a_qualification_in_a_staff_list_and_special_categories_in_a_pupil_list():
    staff = [lr.HeaderCell(0, "ФИО"), lr.HeaderCell(1, "Должность"), lr.HeaderCell(2, "Категория")]
    pupils = [lr.HeaderCell(0, "ФИО"), lr.HeaderCell(1, "Класс"), lr.HeaderCell(2, "Категория")]
    assert lr.recognise(staff, vocabulary(lr.MENTORS))[2].field == "qualification"
    assert lr.recognise(pupils, vocabulary(lr.MENTEES))[2].field == lr.SPECIAL_CATEGORIES
    # the values decide when they are clear: participant categories in a pupil list
    kinds = [[], [], ["Обучающийся", "Родитель", "Обучающийся"]]
    assert lr.recognise(pupils, vocabulary(lr.MENTEES), kinds)[2].field == "kind"
    # a staff list whose «Категория» holds «Высшая», «Первая»
    grades = [[], [], ["Высшая", "первая", "б/к"]]
    assert lr.recognise(pupils, vocabulary(lr.MENTEES), grades)[2].field == "qualification"


# --- the table --------------------------------------------------------------------------------------


def test_a_secretarys_list_with_titles_numbers_sections_and_signature():
    rows = [
        ("МБОУ «СОШ № 5»", None, None, None, None),
        (None, None, None, None, None),
        ("Список обучающихся 7 классов на 2026/2027 учебный год", None, None, None, None),
        ("№ п/п", "Ф.И.О. обучающегося", "Дата рождения", "Телефон", None),
        (1, 2, 3, 4, None),
        ("7 «А» класс", None, None, None, None),
        (1, "Белкин Артём Сергеевич", "01.02.2013", "89001234567", None),
        (2, "Мамедов Эльдар Рашид оглы", datetime(2013, 5, 6), None, None),
        (None, None, None, None, "стрелка"),
        ("7 «Б» класс", None, None, None, None),
        (1, "Алиева Айгюль Рашид кызы", "5 марта 2013 г.", None, None),
        (2, None, None, None, None),  # a numbered empty line of the form
        (None, None, None, None, None),
        ("Итого: 3 человека", None, None, None, None),
        ("Классный руководитель ________ /Иванова И.И./", None, None, None, None),
        ("Белкин Артём", None, None, None, None),  # under the signature: never a person
    ]
    table = lr.find_table(rows, vocabulary())
    assert table is not None
    assert table.header_rows == (4,)
    assert [number for number, _values in table.rows] == [7, 8, 11]
    assert table.section_groups == {6: "7А", 7: "7А", 8: "7А", 10: "7Б", 11: "7Б"}
    assert table.end_row == 14 and table.end_text.startswith("Итого")
    assert table.rows_below == 2
    assert table.stray_rows == [9]
    assert fields_of(table) == {
        "Ф.И.О. обучающегося": lr.FULL_NAME,
        "Дата рождения": "birth_date",
        "Телефон": "phone",
    }


def test_two_header_rows_with_merged_cells():
    # openpyxl gives a merged cell's value in its first column and empty cells after it
    rows = [
        ("Сведения об обучающихся", None, None, None, None, None),
        ("№", "ФИО", None, None, "Сведения о родителях", None),
        (None, "Фамилия", "Имя", "Отчество", "ФИО", "Телефон"),
        (1, "Иванова", "Анна", "Петровна", "Иванова Мария Ивановна", "+7 900 000-00-01"),
    ]
    table = lr.find_table(rows, vocabulary())
    assert table is not None and table.header_rows == (2, 3)
    assert fields_of(table) == {
        "ФИО — Фамилия": "last_name",
        "ФИО — Имя": "first_name",
        "ФИО — Отчество": "patronymic",
        "Сведения о родителях — ФИО": "guardian_name",
        "Сведения о родителях — Телефон": "guardian_phone",
    }
    assert [number for number, _values in table.rows] == [4]


def test_the_header_repeated_on_every_printed_page_is_not_a_person():
    header = ("Фамилия", "Имя", "Класс")
    rows = [header, ("Иванова", "Анна", "5А"), header, ("Петров", "Олег", "5Б")]
    table = lr.find_table(rows, vocabulary())
    assert [number for number, _values in table.rows] == [2, 4]


def test_a_sheet_without_a_list_has_no_table():
    assert lr.find_table([("Итоги",), ("Всего", 25)], vocabulary()) is None
    assert lr.find_table([], vocabulary()) is None


def test_sheets_of_the_same_shape_are_read_and_others_skipped():
    list_a = [("ФИО", "Класс"), ("Иванова Анна", "5А")]
    list_b = [("Ф.И.О.", "Кл."), ("Петров Олег", "2Б")]
    staff = [("ФИО", "Должность"), ("Сидорова Анна Ивановна", "учитель")]
    outcomes = lr.choose_sheets(
        [
            ("5–9", True, lambda: list_a),
            ("1–4", True, lambda: list_b),
            ("Педагоги", True, lambda: staff),
            ("Итоги", True, lambda: [("Всего", 2)]),
            ("Старое", False, lambda: list_a),
        ],
        vocabulary(),
    )
    assert [(outcome.sheet, outcome.read, outcome.reason) for outcome in outcomes] == [
        ("5–9", True, ""),
        ("1–4", True, ""),
        ("Педагоги", False, "other_shape"),
        ("Итоги", False, "no_table"),
        ("Старое", False, "hidden"),
    ]


# --- values -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("05.03.2012", date(2012, 3, 5)),
        ("5.3.2012", date(2012, 3, 5)),
        ("5 марта 2016 г.", date(2016, 3, 5)),
        ("1 мая 2010 года", date(2010, 5, 1)),
        ("12.05.13", date(2013, 5, 12)),
        ("12.05.98", date(1998, 5, 12)),  # a birth date: not in the future
        ("2012-03-05", date(2012, 3, 5)),
        ("14/03/2013", date(2013, 3, 14)),
        (41000, date(2012, 4, 1)),  # Excel serial number
        ("41000", date(2012, 4, 1)),
        (datetime(2013, 3, 14, 0, 0), date(2013, 3, 14)),
        (None, None),
        ("  ", None),
    ],
)
def test_dates_as_people_type_them(value, expected):
    assert lr.parse_date_value(value, TODAY, past=True) == expected


@pytest.mark.parametrize("value", ["03/14/2013", "31.02.2013", "вчера", "5 мартобря 2013", True])
def test_dates_that_are_not_dates(value):
    with pytest.raises(lr.Problem):
        lr.parse_date_value(value, TODAY, past=True)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7 «Б»", "7Б"),
        ("7б", "7Б"),
        ("7-Б", "7Б"),
        ("7 Б класс", "7Б"),
        ('7 "б"', "7Б"),
        ("11 а кл.", "11А"),
        ("7B", "7В"),  # a Latin letter typed by mistake
        (7, "7"),
        ("ИС-21", "ИС-21"),  # a college group stays as it is
        ("", ""),
    ],
)
def test_classes_are_written_one_way(value, expected):
    assert lr.normalise_class(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("8 (900) 123-45-67", ("+7 900 123-45-67", True)),
        ("89001234567", ("+7 900 123-45-67", True)),
        ("9001234567", ("+7 900 123-45-67", True)),
        (79001234567, ("+7 900 123-45-67", True)),
        ("+7-900-123-45-67, 8 900 123 45 68", ("+7 900 123-45-67, +7 900 123-45-68", True)),
        ("123-45", ("123-45", False)),
        ("", ("", True)),
    ],
)
def test_phones(value, expected):
    assert lr.normalise_phone(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Иванов Иван Иванович", ("Иванов", "Иван", "Иванович", "")),
        ("Петрова-Водкина Анна Сергеевна", ("Петрова-Водкина", "Анна", "Сергеевна", "")),
        ("Салтыков Щедрин Михаил Евграфович", ("Салтыков Щедрин", "Михаил", "Евграфович", "")),
        ("Мамедов Эльдар Рашид оглы", ("Мамедов", "Эльдар", "Рашид оглы", "")),
        ("Алиева Айгюль Рашид кызы", ("Алиева", "Айгюль", "Рашид кызы", "")),
        ("ИВАНОВА АННА", ("Иванова", "Анна", "", "")),
        ("Белкин Артём Сергеевич (переведён)", ("Белкин", "Артём", "Сергеевич", "переведён")),
    ],
)
def test_full_names_are_split(text, expected):
    name = lr.split_full_name(text)
    assert (name.last_name, name.first_name, name.patronymic, name.note) == expected


def test_a_single_word_is_not_a_full_name():
    with pytest.raises(lr.Problem):
        lr.split_full_name("Иванов")


def test_special_categories_in_words():
    assert lr.special_categories("ОВЗ, сирота") == ({"has_ovz", "orphan"}, [])
    assert lr.special_categories("одарённые") == ({"gifted"}, [])
    assert lr.special_categories("группа риска; инвалид") == ({"deviant_behaviour", "has_disability"}, [])
    assert lr.special_categories("малообеспеченная") == ({"low_income"}, [])
    assert lr.special_categories("многодетная") == (set(), ["многодетная"])
    assert lr.special_categories("нет") == (set(), [])


def test_excel_errors_and_implausible_ages():
    assert lr.excel_error("#Н/Д") == "#Н/Д" and lr.excel_error("#VALUE!") == "#VALUE!"
    assert lr.excel_error("Иванова") == "" and lr.excel_error(5) == ""
    assert lr.implausible_age(date(2023, 1, 1), TODAY, learner=True) == 3
    assert lr.implausible_age(date(1956, 1, 1), TODAY, learner=True) == 70
    assert lr.implausible_age(date(2013, 1, 1), TODAY, learner=True) is None
    assert lr.implausible_age(date(1980, 1, 1), TODAY, learner=False) is None


def test_the_quick_path_for_mobiles_agrees_with_the_phonenumbers_library():
    """Mobiles are formatted without the library (it is slow on 20,000 cells): the library is the reference."""
    import random

    import phonenumbers

    generator = random.Random(16)
    for _ in range(2000):
        national = "9" + "".join(generator.choice("0123456789") for _ in range(9))
        written = generator.choice(
            [
                f"8{national}",
                f"+7 ({national[:3]}) {national[3:6]}-{national[6:8]}-{national[8:]}",
                f"8-{national[:3]}-{national[3:6]}-{national[6:]}",
                national,
                f"7{national}",
            ]
        )
        reference = phonenumbers.parse("+7" + national, "RU")
        expected = phonenumbers.format_number(reference, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        assert lr.normalise_phone(written) == (expected, phonenumbers.is_valid_number(reference)), written

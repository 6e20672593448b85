"""Russian names and positions in the cases documents need.

The expected forms are written out by hand from the grammar (not produced by the library under
test), on names built to break a naive suffix rule: indeclinable surnames, double surnames, «-ых»,
soft-sign names, Turkic patronymics, a position with an adjective that is also a noun.
"""

import pytest

from reports import declension as d


@pytest.mark.parametrize(
    ("name", "case", "expected"),
    [
        ("Смирнова Елена Викторовна", d.ACCUSATIVE, "Смирнову Елену Викторовну"),
        ("Смирнова Елена Викторовна", d.DATIVE, "Смирновой Елене Викторовне"),
        ("Иванов Пётр Сергеевич", d.ACCUSATIVE, "Иванова Петра Сергеевича"),
        ("Иванов Пётр Сергеевич", d.INSTRUMENTAL, "Ивановым Петром Сергеевичем"),
        ("Черных Илья Ильич", d.ACCUSATIVE, "Черных Илью Ильича"),
        ("Ким Анна Сергеевна", d.GENITIVE, "Ким Анны Сергеевны"),
        ("Гусь Павел Павлович", d.DATIVE, "Гусю Павлу Павловичу"),
        ("Римский-Корсаков Николай Андреевич", d.GENITIVE, "Римского-Корсакова Николая Андреевича"),
        ("Кузьмина Любовь Ивановна", d.ACCUSATIVE, "Кузьмину Любовь Ивановну"),
        ("Алиев Рашид Мамед оглы", d.DATIVE, "Алиеву Рашиду Мамед оглы"),
        ("Смирнова Елена Викторовна", d.NOMINATIVE, "Смирнова Елена Викторовна"),
    ],
)
def test_full_names_are_declined(name, case, expected):
    assert d.decline_full_name(name, case) == expected


def test_the_sex_of_the_record_wins_over_the_guess():
    # «Саша Ким» tells nothing; the record says she is a woman
    assert d.decline("Ким", "Саша", "", d.DATIVE, sex=d.FEMALE) == "Ким Саше"
    assert d.decline("Ким", "Саша", "", d.DATIVE, sex=d.MALE) == "Киму Саше"


@pytest.mark.parametrize(
    ("first", "patronymic", "last", "sex"),
    [
        ("Елена", "Викторовна", "", d.FEMALE),
        ("Пётр", "Сергеевич", "", d.MALE),
        ("Саша", "", "", ""),
        ("Женя", "", "Иванова", d.FEMALE),
        ("Рашид", "Мамед оглы", "Алиев", d.MALE),
        ("Никита", "", "", d.MALE),
    ],
)
def test_sex_is_inferred_from_the_patronymic_and_the_name(first, patronymic, last, sex):
    assert d.infer_sex(first, patronymic, last) == sex


def test_letters_address_by_name_and_patronymic_with_the_right_adjective():
    assert d.dear("Ольга", "Петровна") == "Уважаемая Ольга Петровна!"
    assert d.dear("Пётр", "Сергеевич") == "Уважаемый Пётр Сергеевич!"
    assert d.dear("Саша", "") == "Уважаемый(ая) Саша!"


def test_verbs_agree_with_the_sex():
    assert d.by_sex(d.MALE, "принял", "приняла") == "принял"
    assert d.by_sex(d.FEMALE, "принял", "приняла") == "приняла"
    assert d.by_sex("", "принял", "приняла") == "принял(а)"


@pytest.mark.parametrize(
    ("position", "case", "expected"),
    [
        ("заместитель директора по УВР", d.ACCUSATIVE, "заместителя директора по УВР"),
        ("учитель математики", d.ACCUSATIVE, "учителя математики"),
        ("педагог-психолог", d.ACCUSATIVE, "педагога-психолога"),
        ("социальный педагог", d.INSTRUMENTAL, "социальным педагогом"),
        ("старший методист", d.ACCUSATIVE, "старшего методиста"),
        ("учитель русского языка и литературы", d.DATIVE, "учителю русского языка и литературы"),
        ("МБОУ СОШ", d.ACCUSATIVE, "МБОУ СОШ"),  # unreadable: left as written
    ],
)
def test_positions_are_declined_in_their_head_words(position, case, expected):
    assert d.decline_phrase(position, case) == expected


@pytest.mark.parametrize(
    ("name", "first", "last"),
    [
        ("Петрова Ольга Ивановна", "О.И. Петрова", "Петрова О.И."),
        ("О.И. Петрова", "О.И. Петрова", None),
        ("Петров Пётр", "П. Петров", "Петров П."),
        ("", "", ""),
    ],
)
def test_initials(name, first, last):
    assert d.initials_first(name) == first
    if last is not None:
        assert d.initials_last(name) == last

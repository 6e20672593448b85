"""The name matcher of the erasure: Russian case forms, initials, and what it must leave alone."""

import pytest

from mentoring.names import NameMatcher, pupil_named

P = "[…]"
M = NameMatcher.for_name("Щербатова", "Ульяна", "Всеволодовна")
LOOSE = NameMatcher.for_name("Щербатова", "Ульяна", "Всеволодовна", loose=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Щербатова Ульяна Всеволодовна, 6Б", "[…], 6Б"),
        ("Встреча со Щербатовой Ульяной прошла", "Встреча со […] прошла"),
        ("Поздравили Щербатову У.В. с победой", "Поздравили […] с победой"),
        ("Щербатова У. В. выступит", "[…] выступит"),
        ("Ульяна Щербатова и Пётр", "[…] и Пётр"),
        ("ЩЕРБАТОВОЙ УЛЬЯНЕ — грамота", "[…] — грамота"),
        ("щербатовой", "[…]"),
        ("Щербатовых пригласили", "[…] пригласили"),
    ],
)
def test_case_forms_and_initials_become_one_placeholder(text, expected):
    assert M.replace(text, P) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ульяна пришла без тетради",  # the given name alone: too common to erase everywhere
        "Щербаков Иван",  # another surname sharing a prefix
        "В марте У.В. не было",  # initials alone
        "Щербатовский район",  # a longer word
        "",
    ],
)
def test_what_is_not_her_name_stays(text):
    assert M.replace(text, P) == text and not M.found_in(text)


def test_loose_matcher_takes_the_given_name_alone_in_her_own_records():
    assert LOOSE.replace("Ульяна пришла, Ульяне дали задачу", P) == "[…] пришла, […] дали задачу"
    assert LOOSE.replace("Пётр пришёл", P) == "Пётр пришёл"


def test_json_values_keys_stay():
    value = {"Щербатова": ["Щербатова У.В.", 5], "note": "ок"}
    assert M.replace_in(value, P) == {"Щербатова": [P, 5], "note": "ок"}


def test_e_and_yo_are_the_same_letter():
    matcher = NameMatcher.for_name("Королёва", "Алёна")
    assert matcher.replace("Королевой Алене", P) == P


def test_no_surname_no_matcher():
    assert NameMatcher.for_name("", "") is None


def test_audit_details_keep_codes_and_numbers_never_typed_text():
    from mentoring.services import audit_details

    details = {
        "report": "mentee_base",
        "format": "xlsx",
        "count": 5,
        "options": {"q": "ivanova", "group": "7Б", "consent": "yes", "people": [3, 4], "wording": "Thanks"},
        "file": "ivanov.xlsx",
        "phone": "+7 900 000-00-01",
    }
    assert audit_details(details) == {
        "report": "mentee_base",
        "format": "xlsx",
        "count": 5,
        "options": {"consent": "yes", "people": [3, 4]},
    }


def test_a_whole_document_needs_more_than_the_family_surname():
    assert M.found_full_in("Список: Щербатова Ульяна Всеволодовна, 6Б")
    assert M.found_full_in("Щербатовой У.В. вручить грамоту")
    assert not M.found_full_in("Согласие подписала Щербатова Ольга Петровна")  # the mother
    assert not M.found_full_in("Щербатова")


# --------------------------------------------------------------------------------------------------
# pupil_named: the rule a collection window's comment is checked by

PUPILS = [
    ("Алексеев", "Никита", "Сергеевич"),
    ("Андреева", "Анна", "Павловна"),
    ("Алексеева", "Дарья", ""),
    ("Вишневская", "Алёна", ""),
    ("Кравец", "Павел", ""),
    ("Волков", "Лев", "Петрович"),
    ("Козлова", "Мария", ""),
    ("Иванова", "Мария", "Сергеевна"),
    ("Ли", "Вера", ""),
]


@pytest.mark.parametrize(
    "comment",
    [
        "Алексеев Ник. выбыл",  # a short form with a dot
        "Андреевой Ане нужна помощь",  # a diminutive in the dative
        "Алексеева Даша",
        "Алексеев,Никита",  # no space
        "Алексеев выбыл",  # a distinctive surname alone
        "с Волковым Львом работает психолог",  # «Львом» → «Лев» through pymorphy3
        "лев волков выбыл",  # lower case, the pupil's own given name
        "Волков Лев",
        "Никита Сергеевич выбыл",  # given name and patronymic
        "Никиту Сергеевича перевели",
        "ВИШНЕВСКОЙ А. назначен новый наставник",
        "пара Кравца Павла распалась",
        "Вишневская Алёна выбыла",
        "Иванова М.С. — победитель",
        "Иванова М. С. — победитель",
        "Марии Ивановой выдан сертификат",
        "Даша Алексеева заболела",  # a name opening the sentence is still a name
        "у Андреевой А.П. долги",
        "Алексеев Ozersk",  # next to a capitalised word we do not know
        "Ли Вера",
        "Сведения сверены. Алексеева Д. перевелась",
    ],
)
def test_a_pupil_named_in_a_comment_is_found(comment):
    assert pupil_named(comment, PUPILS) is not None


@pytest.mark.parametrize(
    "comment",
    [
        "Данные сверены, всё верно",
        "Два наставника уволились",
        "Семья Вишневских переехала",  # a plural surname: a family, not a child
        "Мария пришла",  # a given name alone
        "Волков в лесу не видели",  # a surname that is also a common word, alone
        "Коза и Козлов",
        "Иван Алексеевич провёл встречу",  # a patronymic is no form of «Алексеев»
        "Алексей Павлович уволился",
        "Лидия Ивановна уволилась",
        "В Озёрске Андреевка",  # a village is no form of «Андреева»
        "Львы и волки",
        "Вера в успех",
        "Иванов день",
        "Сведения сверены с журналом встреч наставников.",
        "Студенты-наставники учтены в строке «обучающиеся».",
        "Число пар выросло на 5, причина — новая форма наставничества «Ученик – ученик».",
        "",
        "   ",
    ],
)
def test_an_ordinary_comment_names_no_pupil(comment):
    assert pupil_named(comment, PUPILS) is None


def test_pupil_named_returns_the_pupil():
    assert pupil_named("Андреевой Ане нужна помощь", PUPILS) == ("Андреева", "Анна", "Павловна")
    assert pupil_named("Андреевой Ане нужна помощь", [("Петрова", "Анна", "")]) is None

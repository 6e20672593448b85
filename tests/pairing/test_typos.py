"""Requests as schools really type them (pure: pymorphy3 and the seeded vocabulary, no database):
misspelt words meet the term they misspell, and only words the dictionary does not know, of five
letters or more, one or two edits away; abbreviations and contractions meet the term they begin;
general requests meet the subjects of their area; a means is not a topic. And the near words that
must not meet stay apart: «истерика» is not «история», «физкультура» is not «физика», a short word is
never read as another, an abbreviation of two terms («физ.») names neither."""

import pytest

from pairing.matching import Settings, score_pair
from pairing.matching_runs import mentee_record, mentor_record
from pairing.semantics import (
    TYPO_MARK,
    Concept,
    Vocabulary,
    distance,
    explain_met,
    plain_words,
    understand,
)

from .quality_set import seed_vocabulary

SEED = seed_vocabulary()


def concepts(text: str) -> set[str]:
    return {concept.key for concept in SEED.concepts_of(text)}


def words_of(text: str) -> list[tuple[str, str]]:
    meaning = understand([text], SEED, broader=False)
    return list(meaning.words)


def test_distance_counts_insertions_deletions_substitutions_and_swaps():
    assert distance("математика", "математика") == 0
    assert distance("матиматика", "математика") == 1  # a substitution
    assert distance("руский", "русский") == 1  # a deletion
    assert distance("маттематика", "математика") == 1  # an insertion
    assert distance("матемтаика", "математика") == 1  # two neighbours swapped
    assert distance("физика", "физкультура") > 2
    # in a short word only a vowel for a vowel is one edit: «схемка» is no typo of «съемка»
    assert distance("хемия", "химия", vowels_only=True) == 1
    assert distance("схемка", "съемка", vowels_only=True) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("матиматика", {"math"}),
        ("Маттематика", {"math"}),
        ("геометрея", {"math"}),
        ("руский язык", {"russian"}),
        ("по руского языку", {"russian"}),
        ("подготовка к огэ по информатеке", {"oge", "informatics"}),
        ("Биалогия ОГЭ", {"biology", "oge"}),
        ("английскй", {"english"}),
        ("литиратура", {"literature"}),
        ("хемия", {"chemistry"}),
        ("исторея России", {"history"}),
        ("общесвознание", {"social-studies"}),
        # Latin look-alike letters typed into a Russian word: «руcскому» with a Latin «c»
        ("по руcскому", {"russian"}),
    ],
)
def test_a_misspelt_word_meets_the_term_it_misspells(text, expected):
    assert concepts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dictionary words are never read as other words, however near
        ("истерика", {"stress"}),
        ("история", {"history"}),
        ("физкультура", {"pe"}),
        ("физика", {"physics"}),
        ("литра", set()),  # «литр»: no «литература»
        ("мастерить", {"technology"}),
        # words shorter than five letters are never read as typos
        ("хмия", set()),
        ("русс", set()),
        ("физа", set()),
        # an unknown word far from every term stays a word of its own
        ("квадробер", set()),
        ("паяет схемки", {"engineering"}),  # a consonant for a consonant: no «съёмки» (media)
        ("пранки", set()),
    ],
)
def test_near_words_and_short_words_do_not_meet_falsely(text, expected):
    assert concepts(text) == expected


def test_a_typo_between_two_terms_names_neither():
    vocabulary = Vocabulary([Concept("a", "Кашка"), Concept("b", "Кошка")])
    assert vocabulary.concepts_of("кюшка") == []  # one edit from both: no guess
    assert [c.key for c in vocabulary.concepts_of("кашкаа")] == ["a"]


def test_the_words_of_a_typo_are_marked_and_the_explanation_says_so():
    found = words_of("матиматика")
    assert found == [("c:math", "матиматика" + TYPO_MARK)]
    assert plain_words(found[0][1]) == "матиматика"
    teacher = words_of("Математика")
    lines = explain_met({"c:math"}, found, teacher, typo="опечатка?")
    assert lines == ["матиматика ≈ математика (опечатка?)"]
    # without a typo the same words meet plainly
    assert explain_met({"c:math"}, words_of("математика"), teacher, typo="опечатка?") == [
        "математика ↔ математика"
    ]


def test_the_curator_reads_the_typo_in_the_pair_s_explanation():
    pupil = mentee_record(vocabulary=SEED, id=1, form="", requests=["матиматика"], group_name="7А", age=13)
    teacher = mentor_record(vocabulary=SEED, id=2, form="", competencies=["Математика"], subject="Математика")
    score = score_pair(pupil, teacher, Settings())
    assert score is not None
    reasons = " ".join(item.reason for item in score[1])
    assert "матиматика ≈ математика (опечатка?)" in reasons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("рус. яз", {"russian"}),
        ("рус.яз.", {"russian"}),
        ("русск яз", {"russian"}),
        ("анг яз", {"english"}),
        ("ин. яз.", {"languages"}),
        ("ин.яз", {"languages"}),
        ("обществ.", {"social-studies"}),
        ("информ.", {"informatics"}),
        ("геогр.", {"geography"}),
        ("хим.", {"chemistry"}),
        ("нем.", {"german"}),
        ("ИЗО", {"visual-arts"}),
        ("учитель изо", {"career-teaching", "visual-arts"}),
        ("физ-ра", {"pe"}),
        ("лит-ра", {"literature"}),
        ("мат-ка", {"math"}),
        ("физ. культура", {"pe"}),
    ],
)
def test_an_abbreviation_meets_the_term_it_begins(text, expected):
    assert concepts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("физ.", set()),  # physics or physical education: neither
        ("изо всех сил", set()),  # the preposition «изо», not the subject
        ("говорили о нем", set()),  # the pronoun, not German
        ("яз", set()),  # a two-letter word alone is no abbreviation
        ("мат", set()),  # a word of its own without a dot
        ("ист", set()),
        ("дома", set()),
        ("какой-то", set()),
    ],
)
def test_an_abbreviation_of_two_terms_or_a_word_of_its_own_names_nothing(text, expected):
    assert concepts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("точные науки", {"exact-sciences"}),
        ("технарь", {"exact-sciences"}),
        ("гуманитарий", {"humanities"}),
        ("гуманитарный склад ума", {"humanities"}),
        ("естественные науки", {"natural-sciences"}),
        ("плохие оценки", {"performance"}),
        ("плохо учится", {"performance"}),
        ("химбио класс", {"chemistry", "biology"}),
        ("хочет в медицинский", {"career-medicine"}),
        ("корейский", {"other-languages"}),
        ("дисграфия", {"speech-therapy"}),
        ("Не хочет ходить в школу", {"motivation"}),
        ("Всё время в телефоне", {"gadgets"}),
        # school abbreviations, and a pupil who does not speak Russian well yet
        ("ДЗ не делает", {"study-skills"}),
        ("заключение ПМПК", {"ovz"}),
        ("семья в ТЖС", {"family"}),
        ("инофон, плохо говорит по-русски", {"russian-foreign"}),  # under russian and adaptation
    ],
)
def test_a_general_request_names_its_area_or_need(text, expected):
    assert concepts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Часто болеет, много пропустил", {"performance"}),
        ("Боится контрольных", {"exam-anxiety"}),
        ("Не может найти общий язык с одноклассниками", {"communication"}),
        ("Не ладит с учителями", {"conflicts"}),  # no teaching career
        ("Убегает из дома", {"behaviour"}),  # no running
        ("Врёт, ворует, матерится", {"behaviour"}),
        ("На домашнем обучении", {"ovz"}),
        ("Мама одна воспитывает", {"family"}),
        ("Хочет в 10 класс", {"career"}),
        ("Ученик 10 класса", set()),
        # the words of a fear stay a fear: the psychologist, then the speaking
        ("Боится отвечать у доски", {"stress", "public-speaking"}),
    ],
)
def test_a_need_in_the_words_of_a_note_names_it(text, expected):
    assert concepts(text) == expected


def _teacher(key: int, subject: str, competencies: list[str]):
    return mentor_record(vocabulary=SEED, id=key, form="", competencies=competencies, subject=subject)


def _requests_points(request: str, teacher) -> float:
    pupil = mentee_record(vocabulary=SEED, id=1, form="", requests=[request], group_name="8А", age=14)
    score = score_pair(pupil, teacher, Settings())
    assert score is not None
    return next(item.points for item in score[1] if item.criterion == "requests")


def test_exact_sciences_meet_maths_physics_and_informatics_teachers_and_no_biologist():
    for subject in ("Математика", "Физика", "Информатика"):
        assert _requests_points("Точные науки", _teacher(2, subject, [])) > 0, subject
    assert _requests_points("Точные науки", _teacher(2, "Биология", [])) == 0
    # a maths pupil and an informatics teacher do not meet through the area both only reached
    assert _requests_points(
        "Математика", _teacher(2, "Информатика", ["Программирование"])
    ) < _requests_points("Математика", _teacher(3, "Математика", []))


def test_a_medical_career_meets_the_chemistry_and_the_biology_teacher():
    for subject in ("Химия", "Биология"):
        assert _requests_points("Хочет в медицинский", _teacher(2, subject, [])) > 0, subject
    assert _requests_points("Хочет в медицинский", _teacher(2, "История", [])) == 0


def test_a_means_is_not_what_a_mentor_offers():
    english = _teacher(2, "Английский язык", ["Английский через фильмы и песни"])
    music = _teacher(3, "Музыка", ["Школьный хор", "Игра на фортепиано"])
    assert "c:music" in english.broad  # songs are how English is taught there
    assert _requests_points("Играет на фортепиано", music) > _requests_points("Играет на фортепиано", english)
    assert concepts("Английский через фильмы и песни") == {"english", "cinema", "music"}


def test_become_an_interest_asks_for_the_interest_and_become_a_doctor_for_a_career():
    assert concepts("Хочет стать блогером") == {"media"}
    assert concepts("Хочет стать программистом") == {"programming"}
    assert "career" in concepts("Хочет стать врачом")
    assert "career" in concepts("Не знает, кем стать")


def test_a_prefixed_verb_does_not_reach_a_term_through_two_short_keys():
    assert concepts("Навещать бабушек") == set()  # «вещать» is not «вещество»
    assert concepts("пробежать кросс") >= {"pe"}  # «бежать» is «бег»

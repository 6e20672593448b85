"""What the curator reads says what happened: a request met only through a broader term is said to
count in part (and one met only through a broader term both sides merely reached, which gives no
points, is said not to match), and a pupil whose only possible mentor is themself is not told the curator excluded
anyone."""

from pairing.matching import Settings, match, score_pair

from .test_required_direct import ENGLISH, HUMANITIES, RUSSIAN, TEACHER_OF_RUSSIAN, pupil, teacher


def requests_reason(mentee, mentor) -> str:
    scored = score_pair(mentee, mentor, Settings())
    assert scored is not None
    return next(item.reason for item in scored[1] if item.criterion == "requests")


def test_a_request_met_only_through_a_broader_term_is_said_to_count_in_part():
    # the English teacher names «гуманитарные науки» itself: the pupil's broader term meets it (half)
    naming_it = teacher(12, {"английский язык", HUMANITIES}, broad=frozenset())
    partial = requests_reason(RUSSIAN, naming_it)
    assert "только" in partial or "лишь" in partial
    assert "частично" in partial and not partial.startswith("Запросы совпадают")
    assert requests_reason(RUSSIAN, TEACHER_OF_RUSSIAN).startswith("Запросы совпадают")
    # a broader term both only reached gives no points: said as no match, not as close «in part»
    assert (
        requests_reason(RUSSIAN, ENGLISH) == "Запросы наставляемого не совпадают с компетенциями наставника"
    )


def test_the_only_mentor_being_oneself_is_not_called_an_exclusion():
    person = teacher(1, {"русский язык"})
    alone = match([pupil({"русский язык"})], [person], Settings())
    reason = next(item.reason for item in alone.unmatched if item.role == "mentee")
    assert "Куратор" not in reason and "сам" in reason
    excluded = match(
        [pupil({"русский язык"})],
        [person, teacher(2, {"русский язык"})],
        Settings(exclusions=frozenset({(1, 2)})),
    )
    reason = next(item.reason for item in excluded.unmatched if item.role == "mentee")
    assert reason == "Куратор исключил всех подходящих наставников"

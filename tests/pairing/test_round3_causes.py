"""Causes of misses found on the labelled set ``quality_set_dec7e.py`` (a village school), each as a general
rule in its own words (none of the set's phrases)."""

from .quality_set import Pupil, Teacher, scores_by_key

# --------------------------------------------------------------------------------------------------
# A specialist before a mentor who merely has at-risk experience: experience with pupils at risk met
# without any of the pupil's requests counts only in part, so a social pedagogue or a psychologist who
# meets the family or behaviour problem the pupil names comes before a villager who meets none of it

SOCIAL = Teacher(
    "social",
    ["социальный педагог", "семьи в трудной жизненной ситуации", "профилактика правонарушений"],
    age=41,
    at_risk_experience=True,
)
BEEKEEPER = Teacher(
    "beekeeper",
    ["пасека, пчеловодство", "столярка, ремонт ульев"],
    interests=["рыбалка", "охота"],
    age=52,
    at_risk_experience=True,
)
PSYCHOLOGIST = Teacher(
    "psychologist",
    ["педагог-психолог", "тревога, страхи", "ссоры со сверстниками"],
    age=33,
    at_risk_experience=True,
)


def test_a_family_in_trouble_goes_to_the_social_pedagogue_before_a_villager_with_a_shared_hobby():
    pupil = Pupil(
        ["отчим пьёт", "двойки по алгебре", "хочет на права", "рыбалка"],
        ("social",),
        group_name="8В",
        at_risk=True,
    )
    scores = scores_by_key(pupil, [SOCIAL, BEEKEEPER])
    assert scores["social"] > scores["beekeeper"]


def test_at_risk_experience_still_counts_in_full_where_a_request_is_met_or_none_is_named():
    family = Pupil(["отчим пьёт"], ("social",), group_name="8В", at_risk=True)
    bees = Pupil(["хочет держать пчёл"], ("beekeeper",), group_name="8В", at_risk=True)
    silent = Pupil([], ("social",), group_name="8В", at_risk=True)
    teachers = [SOCIAL, BEEKEEPER, PSYCHOLOGIST]
    met = scores_by_key(bees, teachers)
    assert met["beekeeper"] > met["social"]
    # nothing named: every experienced mentor keeps the whole criterion, so they score alike
    nothing = scores_by_key(silent, teachers)
    assert nothing["social"] == nothing["beekeeper"] == nothing["psychologist"]
    # the specialist who meets the family problem keeps the criterion whole
    assert scores_by_key(family, teachers)["social"] > scores_by_key(family, teachers)["beekeeper"]


def test_the_reason_says_the_experience_is_counted_in_part():
    from pairing.matching import score_pair

    from .quality_set import kept_seed, people

    pupil = Pupil(["отчим пьёт"], ("social",), group_name="8В", at_risk=True)
    mentees, mentors, _right, keys = people(
        vocabulary=kept_seed(), pupils=[pupil], teachers=[SOCIAL, BEEKEEPER]
    )
    by_key = {keys[m.id]: m for m in mentors}
    _score, parts = score_pair(mentees[0], by_key["beekeeper"])
    risk = next(part for part in parts if part.criterion == "at_risk")
    assert risk.points == 3 * 0.75
    _score, parts = score_pair(mentees[0], by_key["social"])
    assert next(part for part in parts if part.criterion == "at_risk").points == 3

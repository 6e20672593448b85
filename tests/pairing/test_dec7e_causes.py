"""Causes of misses found on the labelled set ``quality_set_dec7e.py`` (a village school), each as a general
rule in its own words (none of the set's phrases): the farm and the forest are trades of their own, met
by the village mentor who works in them before the subject teacher who teaches their science."""

from .quality_set import Pupil, Teacher, concept_tokens, scores_by_key

# --------------------------------------------------------------------------------------------------
# Farming is a career of its own (migration 0024), under career guidance and biology; the forest's
# trades are ecology

FARMER = Teacher(
    "farmer", ["фермерское хозяйство: овцы и козы", "животноводство", "поступление в аграрный вуз"]
)
BIOLOGY = Teacher(
    "biology", ["биология 6-11", "олимпиада по биологии", "ОГЭ по биологии"], subject="Биология"
)
FORESTER = Teacher("forester", ["работаю лесником", "школьное лесничество", "посадка леса весной"])
CHEMISTRY = Teacher("chemistry", ["химия", "опыты"], subject="Химия")


def test_a_pupil_who_means_to_farm_is_the_farmers():
    pupil = Pupil(
        [],
        ("farmer",),
        group_name="9Б",
        request_text="после школы останется в деревне, хочет держать скотину",
    )
    scores = scores_by_key(pupil, [FARMER, BIOLOGY])
    assert scores["farmer"] > scores["biology"]
    assert "c:career-farming" in concept_tokens("мечтает о своём фермерском хозяйстве")


def test_a_farmer_still_meets_a_biology_request_only_in_part():
    pupil = Pupil(["олимпиада по биологии"], ("biology",), group_name="9Б")
    scores = scores_by_key(pupil, [FARMER, BIOLOGY])
    assert scores["biology"] > scores["farmer"]


def test_the_forest_trades_are_the_foresters():
    pupil = Pupil(["хочет стать егерем, любит тайгу"], ("forester",), group_name="8А")
    scores = scores_by_key(pupil, [FORESTER, CHEMISTRY])
    assert scores["forester"] > scores["chemistry"]
    assert "c:ecology" in concept_tokens("лесничество")

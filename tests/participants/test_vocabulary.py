"""The vocabulary of requests and competencies: who sees and edits which terms, and the forms offering it."""

import pytest
from django.urls import reverse

from mentoring.models import AuditEvent
from participants.models import VocabularyTerm
from participants.services import ParticipantsError, vocabulary_term_save
from tests.factories import ProgrammeFactory

from ..conftest import YEAR, client_for

pytestmark = pytest.mark.django_db


def url(name: str, org: str = "school-a", **kwargs) -> str:
    return reverse(f"participants:{name}", kwargs={"org": org, "year": YEAR, **kwargs})


def shared(name: str) -> VocabularyTerm:
    return VocabularyTerm.objects.get(organization=None, name=name)


def test_the_list_shows_shared_authority_and_own_terms_in_a_fixed_number_of_queries(
    curator_client, school, authority, other_school, django_assert_max_num_queries
):
    VocabularyTerm.objects.create(organization=authority, kind="interest", name="Кванториум")
    VocabularyTerm.objects.create(organization=school, kind="interest", name="Школьный музей")
    VocabularyTerm.objects.create(organization=other_school, kind="interest", name="Чужой кружок")
    curator_client.get(url("vocabulary"))  # warm the session and the caches
    with django_assert_max_num_queries(12):
        page = curator_client.get(url("vocabulary")).content.decode()
    assert "Кванториум" in page and "Школьный музей" in page and "Русский язык" in page
    assert "Чужой кружок" not in page
    for _ in range(10):
        VocabularyTerm.objects.create(organization=school, kind="skill", name=f"Навык {_}")
    with django_assert_max_num_queries(12):
        curator_client.get(url("vocabulary"))


def test_search_filter_and_what_the_matching_understands(curator_client, school):
    page = curator_client.get(url("vocabulary"), {"q": "ораторск"}).content.decode()
    assert "Публичные выступления" in page and "Математика" not in page
    page = curator_client.get(
        url("vocabulary"), {"text": "Повышение успеваемости по русскому языку, астрономия"}
    ).content.decode()
    assert "«русскому языку» → <strong>Русский язык</strong>" in page
    assert "«успеваемости» → <strong>Успеваемость</strong>" in page


def test_the_page_shows_a_typo_and_an_abbreviation_as_the_matching_reads_them(curator_client, school):
    page = curator_client.get(url("vocabulary"), {"text": "матиматика, рус. яз, история"}).content.decode()
    assert (
        '«матиматика» <span class="text-body-secondary">(опечатка?)</span> → <strong>Математика</strong>'
        in page
    )
    assert "«рус. яз» → <strong>Русский язык</strong>" in page
    assert "«история» → <strong>История</strong>" in page  # a dictionary word: no typo said
    assert "\x1f" not in page


def test_a_curator_adds_edits_and_deletes_the_schools_terms(curator_client, school, curator):
    response = curator_client.post(
        url("vocabulary_create"),
        {
            "kind": "interest",
            "name": "Кванториум",
            "synonyms": "технопарк\nдетский технопарк",
            "broader": [shared("Робототехника").pk],
        },
    )
    assert response.status_code == 302
    term = VocabularyTerm.objects.get(organization=school, name="Кванториум")
    assert term.synonyms == ["технопарк", "детский технопарк"]
    assert list(term.broader.values_list("name", flat=True)) == ["Робототехника"]
    assert AuditEvent.objects.filter(action="create", target_type="participants.VocabularyTerm").exists()
    response = curator_client.post(
        url("vocabulary_edit", term=term.pk), {"kind": "career", "name": "Кванториум", "synonyms": ""}
    )
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.kind == "career" and term.synonyms == [] and not term.broader.exists()
    assert curator_client.post(url("vocabulary_delete", term=term.pk)).status_code == 302
    assert not VocabularyTerm.objects.filter(pk=term.pk).exists()


def test_bad_input_gets_a_russian_message_and_changes_nothing(curator_client, school):
    before = VocabularyTerm.objects.count()
    response = curator_client.post(url("vocabulary_create"), {"kind": "interest", "name": "русский язык"})
    assert response.status_code == 400
    assert "уже есть" in response.content.decode()
    response = curator_client.post(url("vocabulary_create"), {"kind": "beauty", "name": "Новое"})
    assert response.status_code == 400
    assert VocabularyTerm.objects.count() == before


def test_no_loops_of_broader_terms(school):
    top = vocabulary_term_save(
        actor=None, organization=school, kind="skill", name="Верх", synonyms=[], broader=[]
    )
    low = vocabulary_term_save(
        actor=None, organization=school, kind="skill", name="Низ", synonyms=[], broader=[top]
    )
    with pytest.raises(ParticipantsError):
        vocabulary_term_save(
            actor=None, organization=school, term=top, kind="skill", name="Верх", synonyms=[], broader=[low]
        )
    with pytest.raises(ParticipantsError):
        vocabulary_term_save(
            actor=None, organization=school, term=top, kind="skill", name="Верх", synonyms=[], broader=[top]
        )


def test_shared_and_other_organisations_terms_cannot_be_edited(
    curator_client, school, authority, other_school
):
    theirs = VocabularyTerm.objects.create(organization=other_school, kind="interest", name="Чужой кружок")
    authoritys = VocabularyTerm.objects.create(organization=authority, kind="interest", name="Кванториум")
    for term in (shared("Математика"), theirs, authoritys):
        assert curator_client.get(url("vocabulary_edit", term=term.pk)).status_code == 404
        assert curator_client.post(url("vocabulary_delete", term=term.pk)).status_code == 404
    assert VocabularyTerm.objects.filter(pk__in=[theirs.pk, authoritys.pk]).count() == 2
    with pytest.raises(ParticipantsError):
        vocabulary_term_save(
            actor=None, organization=school, term=theirs, kind="interest", name="Моё", synonyms=[], broader=[]
        )


def test_the_municipal_coordinator_edits_the_authoritys_terms_shared_with_its_schools(
    coordinator, authority, school, curator_client
):
    ProgrammeFactory(organization=authority, academic_year__start_year=YEAR)
    client = client_for(coordinator)
    # a school's pages other than its aggregates are not the coordinator's (404, as for people)
    assert client.get(url("vocabulary")).status_code == 404
    assert client.get(url("vocabulary_create")).status_code == 404
    assert client.get(url("vocabulary", org=authority.slug)).status_code == 200
    response = client.post(
        url("vocabulary_create", org=authority.slug), {"kind": "interest", "name": "Кванториум"}
    )
    assert response.status_code == 302
    assert VocabularyTerm.objects.filter(organization=authority, name="Кванториум").exists()
    assert "Кванториум" in curator_client.get(url("vocabulary")).content.decode()


def test_profile_forms_offer_the_vocabulary_and_keep_free_text(curator_client, school, mentee, programme):
    VocabularyTerm.objects.create(organization=school, kind="interest", name="Школьный музей")
    page = curator_client.get(url("mentee_profile", person=mentee.pk)).content.decode()
    assert "<datalist" in page and 'value="Школьный музей"' in page and 'value="Русский язык"' in page
    assert "js/vocabulary.js" in page
    response = curator_client.post(
        url("mentee_profile", person=mentee.pk),
        {
            "requests": "Русский язык\nхочет научиться играть на гитаре",
            "availability": "вт, чт",
            "status": "active",
        },
    )
    assert response.status_code == 302
    profile = mentee.mentee_profiles.get(programme=programme)
    assert profile.requests == ["Русский язык", "хочет научиться играть на гитаре"]
    assert profile.availability == "вт, чт"


def test_the_import_template_offers_the_vocabulary_with_free_text_allowed(curator_client, school):
    import io

    from openpyxl import load_workbook

    VocabularyTerm.objects.create(organization=school, kind="interest", name="Школьный музей")
    response = curator_client.get(url("import_template"), {"kind": "mentees"})
    workbook = load_workbook(io.BytesIO(response.content))
    reference = workbook["Справочники"]
    column = next(c for c in reference[1] if c.value == "Словарь запросов и компетенций").column_letter
    values = [cell.value for cell in reference[column][1:] if cell.value]
    assert "Школьный музей" in values and "Русский язык" in values
    sheet = workbook.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    letter = sheet.cell(row=1, column=headers.index("Ключевые запросы") + 1).column_letter
    (rule,) = [v for v in sheet.data_validations.dataValidation if f"{letter}2" in str(v.sqref)]
    assert rule.type == "list" and rule.errorStyle == "information"  # a warning, never a refusal
    assert "Удобные дни и формат встреч" in headers


# --- a seeded (or the authority's) term changed for one organisation tree ----------------------------


def test_a_school_adds_synonyms_to_a_shared_term_for_itself_only_and_the_matching_uses_them(
    curator_client, school, other_school, curator
):
    from pairing.matching_runs import vocabulary_for
    from participants.models import VocabularyOverride

    pe = shared("Физическая культура")
    words_before = list(pe.synonyms)
    assert curator_client.get(url("vocabulary_override", term=pe.pk)).status_code == 200
    response = curator_client.post(
        url("vocabulary_override", term=pe.pk),
        {"synonyms": "городки\nфизкультура", "broader": [shared("Туризм").pk]},
    )
    assert response.status_code == 302
    override = VocabularyOverride.objects.get(organization=school, term=pe)
    assert override.synonyms == ["городки"]  # a word the term already has is not repeated
    pe.refresh_from_db()
    assert pe.synonyms == words_before  # the shared term itself is unchanged
    assert AuditEvent.objects.filter(action="create", target_type="participants.VocabularyOverride").exists()
    ours, theirs = vocabulary_for(school), vocabulary_for(other_school)
    assert [c.name for c in ours.concepts_of("Играет в городки")] == ["Физическая культура"]
    assert theirs.concepts_of("Играет в городки") == []
    assert "Туризм" in [ours.concepts[key].name for key in ours.ancestors(str(pe.pk))]
    page = curator_client.get(url("vocabulary"), {"q": "городки"}).content.decode()
    assert "Физическая культура" in page and "городки" in page and "наши изменения" in page
    other = curator_client.get(url("vocabulary", org=other_school.slug))
    assert other.status_code == 404  # another school's page is not the curator's


def test_a_hidden_shared_term_leaves_the_schools_forms_and_matching(
    curator_client, school, other_school, mentee
):
    from pairing.matching_runs import vocabulary_for

    chess = shared("Шахматы")
    response = curator_client.post(url("vocabulary_override", term=chess.pk), {"hidden": "on"})
    assert response.status_code == 302
    assert vocabulary_for(school).concepts_of("Шахматный кружок") == []
    assert [c.name for c in vocabulary_for(other_school).concepts_of("Шахматный кружок")] == ["Шахматы"]
    page = curator_client.get(url("mentee_profile", person=mentee.pk)).content.decode()
    assert 'value="Шахматы"' not in page and 'value="Русский язык"' in page
    # nothing added and not hidden: the override goes, the term is back
    assert curator_client.post(url("vocabulary_override", term=chess.pk), {}).status_code == 302
    assert [c.name for c in vocabulary_for(school).concepts_of("Шахматный кружок")] == ["Шахматы"]
    assert not chess.overrides.exists()


def test_an_authoritys_override_holds_for_its_schools_and_the_nearest_decides(
    coordinator, authority, school, other_school
):
    from pairing.matching_runs import vocabulary_for
    from participants.services import vocabulary_override_save

    chess = shared("Шахматы")
    vocabulary_override_save(
        actor=coordinator, organization=authority, term=chess, synonyms=["го"], broader=[], hidden=True
    )
    assert vocabulary_for(school).concepts_of("шахматы") == []
    # the school shows it again for itself, and adds a word; the authority's word still counts there
    vocabulary_override_save(
        actor=None, organization=school, term=chess, synonyms=["сёги"], broader=[], hidden=False
    )
    ours = vocabulary_for(school)
    assert [c.name for c in ours.concepts_of("сёги и го")] == ["Шахматы"]
    assert ours.concepts_of("сёги")[0].synonyms[-2:] == ("го", "сёги")


def test_overrides_refuse_own_terms_unknown_terms_and_loops(curator_client, school, other_school):
    from participants.models import VocabularyOverride
    from participants.services import vocabulary_override_save

    own = VocabularyTerm.objects.create(organization=school, kind="interest", name="Школьный музей")
    theirs = VocabularyTerm.objects.create(organization=other_school, kind="interest", name="Чужой кружок")
    assert curator_client.get(url("vocabulary_override", term=own.pk)).status_code == 404
    assert curator_client.get(url("vocabulary_override", term=theirs.pk)).status_code == 404
    with pytest.raises(ParticipantsError):
        vocabulary_override_save(actor=None, organization=school, term=own, synonyms=["x"], broader=[], hidden=False)
    with pytest.raises(ParticipantsError):
        vocabulary_override_save(
            actor=None, organization=school, term=theirs, synonyms=["x"], broader=[], hidden=False
        )
    # «Экзамены» is broader than «ОГЭ»: «ОГЭ» cannot become broader than «Экзамены»
    response = curator_client.post(
        url("vocabulary_override", term=shared("Подготовка к экзаменам").pk), {"broader": [shared("ОГЭ").pk]}
    )
    assert response.status_code == 400
    assert "общее самого себя" in response.content.decode()
    assert not VocabularyOverride.objects.exists()


def test_who_may_change_a_shared_term(client, school, curator_client):
    from tests.factories import UserFactory

    math = shared("Математика")
    assert client.get(url("vocabulary_override", term=math.pk)).status_code in (302, 404)
    stranger = client_for(UserFactory())
    assert stranger.post(url("vocabulary_override", term=math.pk), {"hidden": "on"}).status_code == 404
    assert not math.overrides.exists()

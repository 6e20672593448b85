from django.urls import path

from . import views
from .import_views import import_urlpatterns

app_name = "participants"

urlpatterns = [
    path("", views.index, name="index"),
    path("mentees/", views.mentees, name="mentees"),
    path("mentors/", views.mentors, name="mentors"),
    path("people/bulk/", views.people_bulk, name="people_bulk"),
    path("people/delete/", views.people_delete, name="people_delete"),
    path("people/new/", views.person_create, name="person_create"),
    path("people/<int:person>/", views.person_detail, name="person"),
    path("people/<int:person>/edit/", views.person_edit, name="person_edit"),
    path("people/<int:person>/mentee/", views.mentee_profile, name="mentee_profile"),
    path("people/<int:person>/mentor/", views.mentor_profile, name="mentor_profile"),
    path("people/<int:person>/consents/new/", views.consent_add, name="consent_add"),
    path("consents/", views.consents, name="consents"),
    path("consents/bulk/", views.consents_bulk, name="consents_bulk"),
    path("consents/<int:consent>/withdraw/", views.consent_withdraw, name="consent_withdraw"),
    path("consents/<int:consent>/scan/", views.consent_scan, name="consent_scan"),
    path("partners/", views.partners, name="partners"),
    path("partners/new/", views.partner_create, name="partner_create"),
    path("partners/<int:partner>/", views.partner_detail, name="partner"),
    path("partners/<int:partner>/edit/", views.partner_edit, name="partner_edit"),
    path("partners/<int:partner>/agreement/", views.partner_agreement, name="partner_agreement"),
    path("vocabulary/", views.vocabulary, name="vocabulary"),
    path("vocabulary/new/", views.vocabulary_term_create, name="vocabulary_create"),
    path("vocabulary/<int:term>/edit/", views.vocabulary_term_edit, name="vocabulary_edit"),
    path("vocabulary/<int:term>/ours/", views.vocabulary_term_override, name="vocabulary_override"),
    path("vocabulary/<int:term>/delete/", views.vocabulary_term_delete, name="vocabulary_delete"),
    *import_urlpatterns,
]

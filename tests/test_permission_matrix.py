"""The permission matrix: every URL pattern × every role × own organisation / another organisation.

``MATRIX`` below is the one table of who gets what. For each route name it holds two rows of seven
cells, one per role in ``ROLES`` order — the administrator, the curator, the mentor (of the pair under
test), the psychologist, the municipal coordinator of the parent authority (read-only), an anonymous
visitor, and a coordinator one level further up (a regional centre above the municipality) — first for
GET, then for POST.

The two columns of the levels above the school (coordinator, region) see aggregates only: every page that
names a pupil, a parent or shows a pupil's answers (``Privacy.PERSONAL`` in ``mentoring.access``) is 404
for them, as for a stranger; counts, traffic lights, targets, per-school tables stay 200. A cell is the status code, ``L`` for a redirect to the login
page, and a trailing ``*`` on a POST when it changed the database. Every POST is sent with the
valid-looking data of ``STRANGER_POST`` inside a savepoint that is rolled back, so the rows are
independent of each other; a refused POST (403, 404, 405, L) must never change anything.

Members of ANOTHER organisation (the same five roles at the school next door; the coordinator of
another authority) get 404 on every organisation page, for GET and POST, and change nothing
(``test_other_organisation_gets_404_everywhere``).

A new URL pattern fails ``test_every_route_is_in_the_matrix`` until a row is added here.

Generated files and media: a job's page, status and file are for its author and the organisation's
managers (administrator, curator) only — ``mentoring.selectors.job_for_user`` — never for the other
members nor for the read-only coordinator (the files may hold personal data). Uploaded files
(evidence, consent scans, agreements, case photos, task files) are served only by checked views:
``/media/`` is not served by the application at all.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client

from mentoring.models import AuditEvent, Job, Organization, Role, SignInEvent

from .conftest import client_for
from .factories import MembershipFactory, UserFactory
from .test_permissions import ADMIN_PREFIX, STRANGER_POST, all_routes, build_path

ROLES = ("administrator", "curator", "mentor", "psychologist", "coordinator", "anonymous", "region")

# route name: (GET cells, POST cells), one cell per role in ROLES order:
#                                        admin curator mentor psychologist coordinator anonymous region
# fmt: off
MATRIX: dict[str, tuple[str, str]] = {
    "home":                             ("302  302  302  302  302  L    302", "302  302  302  302  302  L    302"),
    "healthz":                          ("200  200  200  200  200  200  200", "405  405  405  405  405  405  405"),
    "login":                            ("302  302  302  302  302  200  302", "302  302  302  302  302  200  302"),
    "password_change":                  ("200  200  200  200  200  L    200", "200  200  200  200  200  L    200"),
    "password_change_done":             ("200  200  200  200  200  L    200", "405  405  405  405  405  L    405"),
    "password_reset":                   ("200  200  200  200  200  200  200", "200  200  200  200  200  200  200"),
    "password_reset_done":              ("200  200  200  200  200  200  200", "405  405  405  405  405  405  405"),
    "password_reset_confirm":           ("200  200  200  200  200  200  200", "200  200  200  200  200  200  200"),
    "password_reset_complete":          ("200  200  200  200  200  200  200", "405  405  405  405  405  405  405"),
    "invitation_code":                  ("200  200  200  200  200  200  200", "200  200  200  200  200  200  200"),
    "invitation_password":              ("200  200  200  200  200  200  200", "200  200  200  200  200  200  200"),
    "invitation_link":                  ("200  200  200  200  200  200  200", "200  200  200  200  200  200  200"),
    "questionnaire:answer":             ("200  200  200  200  200  200  200", "400  400  400  400  400  400  400"),
    "questionnaire:unknown":            ("404  404  404  404  404  404  404", "404  404  404  404  404  404  404"),
    "questionnaire:unknown_path":       ("404  404  404  404  404  404  404", "404  404  404  404  404  404  404"),
    "dashboard":                        ("200  200  200  200  200  L    200", "200  200  200  200  200  L    200"),
    "programme":                        ("200  200  200  200  200  L    200", "200  200  403  403  403  L    403"),
    "programme_open_next":              ("405  405  403  403  403  L    403", "302* 302* 403  403  403  L    403"),
    "members":                          ("200  200  403  403  404  L    404", "200  200  403  403  404  L    404"),
    "staff:create":                     ("200  200  403  403  404  L    404", "200  200  403  403  404  L    404"),
    "staff:sheet":                      ("200  200  403  403  404  L    404", "405  405  403  403  404  L    404"),
    "staff:detail":                     ("200  200  403  403  404  L    404", "302* 302* 403  403  404  L    404"),
    "staff:invite":                     ("405  405  403  403  404  L    404", "404  404  403  403  404  L    404"),
    "staff:access":                     ("405  405  403  403  404  L    404", "404  404  403  403  404  L    404"),
    "signin_journal":                   ("200  403  403  403  404  L    404", "405  403  403  403  404  L    404"),
    "journal":                          ("200  403  403  403  404  L    404", "200  403  403  403  404  L    404"),
    "job_detail":                       ("200  200  404  404  404  L    404", "200  200  404  404  404  L    404"),
    "job_status":                       ("200  200  404  404  404  L    404", "200  200  404  404  404  L    404"),
    "reports:console":                  ("404  404  404  404  404  L    404", "404  404  404  404  404  L    404"),
    "job_download":                     ("404  404  404  404  404  L    404", "404  404  404  404  404  L    404"),
    "job_run":                          ("405  405  405  405  405  L    405", "302  302  404  404  404  L    404"),
    "roadmap:index":                    ("200  200  200  200  200  L    200", "200  200  200  200  200  L    200"),
    "roadmap:timeline":                 ("200  200  200  200  200  L    200", "200  200  200  200  200  L    200"),
    "roadmap:my_tasks":                 ("200  200  200  200  200  L    200", "200  200  200  200  200  L    200"),
    "roadmap:start":                    ("200  200  403  403  403  L    403", "200  200  403  403  403  L    403"),
    "roadmap:import_upload":            ("200  200  403  403  403  L    403", "400  400  403  403  403  L    403"),
    "roadmap:import_preview":           ("302  302  403  403  403  L    403", "302  302  403  403  403  L    403"),
    "roadmap:import_cancel":            ("405  405  403  403  403  L    403", "302  302  403  403  403  L    403"),
    "roadmap:import_replace":           ("302  302  403  403  403  L    403", "302  302  403  403  403  L    403"),
    "roadmap:import_undo":              ("405  405  403  403  403  L    403", "302* 302* 403  403  403  L    403"),
    "roadmap:section_create":           ("200  200  403  403  403  L    403", "302* 302* 403  403  403  L    403"),
    "roadmap:section_edit":             ("200  200  403  403  403  L    403", "302* 302* 403  403  403  L    403"),
    "roadmap:section_delete":           ("405  405  403  403  403  L    403", "302  302  403  403  403  L    403"),
    "roadmap:section_move":             ("405  405  403  403  403  L    403", "302  302  403  403  403  L    403"),
    "roadmap:event_create":             ("200  200  403  403  403  L    403", "200  200  403  403  403  L    403"),
    "roadmap:event":                    ("200  200  200  200  404  L    404", "200  200  200  200  404  L    404"),
    "roadmap:event_edit":               ("200  200  403  403  403  L    403", "200  200  403  403  403  L    403"),
    "roadmap:event_delete":             ("200  200  403  403  403  L    403", "302* 302* 403  403  403  L    403"),
    "roadmap:event_move":               ("405  405  403  403  403  L    403", "302  302  403  403  403  L    403"),
    "roadmap:event_done":               ("405  405  405  405  404  L    404", "302* 302* 403  403  404  L    404"),
    "roadmap:event_status":             ("405  405  405  405  404  L    404", "302* 302* 403  403  404  L    404"),
    "roadmap:event_comment":            ("405  405  405  405  404  L    404", "302* 302* 302* 302* 404  L    404"),
    "roadmap:evidence_download":        ("200  200  200  200  404  L    404", "200  200  200  200  404  L    404"),
    "participants:index":               ("200  200  200  200  200  L    200", "200  200  200  200  200  L    200"),
    "participants:mentees":             ("200  200  403  200  404  L    404", "200  200  403  200  404  L    404"),
    "participants:mentors":             ("200  200  403  200  404  L    404", "200  200  403  200  404  L    404"),
    "participants:person_create":       ("200  200  403  403  404  L    404", "302* 302* 403  403  404  L    404"),
    "participants:person":              ("200  200  403  200  404  L    404", "200  200  403  200  404  L    404"),
    "participants:person_edit":         ("200  200  403  403  404  L    404", "302* 302* 403  403  404  L    404"),
    "participants:mentee_profile":      ("200  200  403  403  404  L    404", "200  200  403  403  404  L    404"),
    "participants:mentor_profile":      ("200  200  403  403  404  L    404", "200  200  403  403  404  L    404"),
    "participants:consent_add":         ("200  200  403  403  404  L    404", "400  400  403  403  404  L    404"),
    "participants:consents":            ("200  200  403  200  404  L    404", "302* 302* 403  403  404  L    404"),
    "participants:consents_bulk":       ("200  200  403  403  404  L    404", "400  400  403  403  404  L    404"),
    "participants:consent_withdraw":    ("405  405  403  403  404  L    404", "302* 302* 403  403  404  L    404"),
    "participants:consent_scan":        ("200  200  403  403  404  L    404", "200  200  403  403  404  L    404"),
    "participants:partners":            ("200  200  403  200  404  L    404", "200  200  403  200  404  L    404"),
    "participants:partner_create":      ("200  200  403  403  404  L    404", "200  200  403  403  404  L    404"),
    "participants:partner":             ("200  200  403  200  404  L    404", "200  200  403  200  404  L    404"),
    "participants:partner_edit":        ("200  200  403  403  404  L    404", "200  200  403  403  404  L    404"),
    "participants:partner_agreement":   ("200  200  403  200  404  L    404", "200  200  403  200  404  L    404"),
    "participants:vocabulary":          ("200  200  200  200  404  L    404", "200  200  200  200  404  L    404"),
    "participants:vocabulary_create":   ("200  200  403  403  404  L    404", "400  400  403  403  404  L    404"),
    "participants:vocabulary_edit":     ("200  200  403  403  404  L    404", "400  400  403  403  404  L    404"),
    # the school's own term is edited on vocabulary_edit; an override is for a term from above (404 here)
    "participants:vocabulary_override": ("404  404  403  403  404  L    404", "404  404  403  403  404  L    404"),
    "participants:vocabulary_delete":   ("405  405  403  403  404  L    404", "302* 302* 403  403  404  L    404"),
    "participants:import_template":     ("200  200  403  403  404  L    404", "405  405  403  403  404  L    404"),
    "participants:import_preview":      ("302  302  403  403  404  L    404", "302  302  403  403  404  L    404"),
    "participants:import_columns":      ("302  302  403  403  404  L    404", "302  302  403  403  404  L    404"),
    "participants:import_cancel":       ("405  405  403  403  404  L    404", "302  302  403  403  404  L    404"),
    "participants:import_undo":         ("405  405  403  403  404  L    404", "302* 302* 403  403  404  L    404"),
    "participants:import_upload":       ("200  200  403  403  404  L    404", "400  400  403  403  404  L    404"),
    "pairing:index":                    ("200  200  200  200  404  L    404", "200  200  200  200  404  L    404"),
    "pairing:candidates":               ("400  400  403  403  404  L    404", "400  400  403  403  404  L    404"),
    "pairing:create":                   ("200  200  403  403  404  L    404", "400  400  403  403  404  L    404"),
    "pairing:detail":                   ("200  200  200  200  404  L    404", "200  200  200  200  404  L    404"),
    "pairing:edit":                     ("200  200  403  403  404  L    404", "400  400  403  403  404  L    404"),
    "pairing:close":                    ("200  200  403  403  404  L    404", "400  400  403  403  404  L    404"),
    "pairing:runs":                     ("200  200  403  403  404  L    404", "302* 302* 403  403  404  L    404"),
    "pairing:run":                      ("200  200  403  403  404  L    404", "200  200  403  403  404  L    404"),
    "pairing:run_score":                ("404  404  403  403  404  L    404", "404  404  403  403  404  L    404"),
    "pairing:run_accept":               ("405  405  403  403  404  L    404", "302  302  403  403  404  L    404"),
    "monitoring:index":                 ("200  200  200  200  200  L    200", "200  200  200  200  200  L    200"),
    "monitoring:plans":                 ("200  200  403  200  404  L    404", "200  200  403  200  404  L    404"),
    "monitoring:plan":                  ("200  200  200  200  404  L    404", "200  200  200  200  404  L    404"),
    "monitoring:plan_goals":            ("200  200  200  403  404  L    404", "302* 302* 302* 403  404  L    404"),
    "monitoring:plan_approve":          ("405  405  403  403  404  L    404", "302  302  403  403  404  L    404"),
    "monitoring:plan_task_new":         ("200  200  200  403  404  L    404", "400  400  400  403  404  L    404"),
    "monitoring:plan_task_edit":        ("200  200  200  403  404  L    404", "400  400  400  403  404  L    404"),
    "monitoring:plan_task_done":        ("200  200  200  403  404  L    404", "400  400  400  403  404  L    404"),
    "monitoring:plan_task_reopen":      ("405  405  405  405  404  L    404", "302  302  302  403  404  L    404"),
    "monitoring:plan_task_delete":      ("405  405  405  405  404  L    404", "302* 302* 302* 403  404  L    404"),
    "monitoring:plan_task_move":        ("405  405  405  405  404  L    404", "302  302  302  403  404  L    404"),
    "monitoring:plan_task_file":        ("404  404  404  404  404  L    404", "404  404  404  404  404  L    404"),
    "monitoring:meetings":              ("200  200  403  200  404  L    404", "200  200  403  200  404  L    404"),
    "monitoring:diary":                 ("200  200  200  200  404  L    404", "200  200  200  200  404  L    404"),
    "monitoring:meeting_new":           ("200  200  200  403  404  L    404", "400  400  400  403  404  L    404"),
    "monitoring:meeting_edit":          ("200  200  200  403  404  L    404", "400  400  400  403  404  L    404"),
    "monitoring:meeting_delete":        ("405  405  405  405  404  L    404", "302* 302* 302* 403  404  L    404"),
    "monitoring:meeting_flag_resolve":  ("405  405  403  405  404  L    404", "302  302  403  302  404  L    404"),
    "monitoring:templates":             ("200  200  403  200  200  L    200", "200  200  403  200  200  L    200"),
    "monitoring:template_new":          ("200  200  403  200  403  L    403", "400  400  403  400  403  L    403"),
    "monitoring:template_detail":       ("200  200  403  200  200  L    200", "200  200  403  200  200  L    200"),
    "monitoring:template_edit":         ("200  200  403  200  403  L    403", "400  400  403  400  403  L    403"),
    "monitoring:template_copy":         ("405  405  403  405  403  L    403", "302* 302* 403  302* 403  L    403"),
    "monitoring:template_toggle":       ("405  405  403  405  403  L    403", "302* 302* 403  302* 403  L    403"),
    "monitoring:question_new":          ("200  200  403  200  403  L    403", "400  400  403  400  403  L    403"),
    "monitoring:question_edit":         ("200  200  403  200  403  L    403", "400  400  403  400  403  L    403"),
    "monitoring:question_delete":       ("405  405  403  405  403  L    403", "302* 302* 403  302* 403  L    403"),
    "monitoring:question_move":         ("405  405  403  405  403  L    403", "302  302  403  302  403  L    403"),
    "monitoring:campaigns":             ("200  200  403  200  404  L    404", "200  200  403  200  404  L    404"),
    "monitoring:campaign_new":          ("200  200  403  200  404  L    404", "400  400  403  400  404  L    404"),
    "monitoring:campaign_detail":       ("200  200  403  200  404  L    404", "200  200  403  200  404  L    404"),
    "monitoring:campaign_close":        ("405  405  403  405  404  L    404", "302* 302* 403  302* 404  L    404"),
    "monitoring:link_reissue":          ("405  405  403  405  404  L    404", "302* 302* 403  302* 404  L    404"),
    "monitoring:campaign_results":      ("200  200  403  200  404  L    404", "200  200  403  200  404  L    404"),
    "monitoring:campaign_compare":      ("200  200  403  200  404  L    404", "200  200  403  200  404  L    404"),
    "monitoring:dashboard":             ("200  200  200  200  200  L    200", "200  200  200  200  200  L    200"),
    "monitoring:snapshot_take":         ("405  405  403  403  403  L    403", "302* 302* 403  403  403  L    403"),
    "monitoring:indicators":            ("200  200  200  200  200  L    200", "200  200  200  200  200  L    200"),
    "monitoring:indicator_new":         ("200  200  403  403  403  L    403", "400  400  403  403  403  L    403"),
    "monitoring:indicator_edit":        ("200  200  403  403  403  L    403", "400  400  403  403  403  L    403"),
    "monitoring:targets":               ("200  200  200  200  200  L    200", "302  302  403  403  403  L    403"),
    "monitoring:targets_roadmap":       ("405  405  403  403  403  L    403", "302  302  403  403  403  L    403"),
    "monitoring:settings":              ("200  200  403  403  403  L    403", "400  400  403  403  403  L    403"),
    "monitoring:activities":            ("200  200  200  200  200  L    200", "200  200  200  200  200  L    200"),
    "monitoring:activity_new":          ("200  200  403  403  403  L    403", "400  400  403  403  403  L    403"),
    "monitoring:activity_edit":         ("200  200  403  403  403  L    403", "400  400  403  403  403  L    403"),
    "monitoring:activity_delete":       ("405  405  403  403  403  L    403", "302* 302* 403  403  403  L    403"),
    "monitoring:swot":                  ("200  200  200  200  200  L    200", "200  200  200  200  200  L    200"),
    "monitoring:swot_add":              ("405  405  403  403  403  L    403", "400  400  403  403  403  L    403"),
    "monitoring:swot_edit":             ("200  200  403  403  403  L    403", "400  400  403  403  403  L    403"),
    "monitoring:swot_delete":           ("405  405  403  403  403  L    403", "302* 302* 403  403  403  L    403"),
    "monitoring:swot_move":             ("405  405  403  403  403  L    403", "302  302  403  403  403  L    403"),
    "monitoring:cases":                 ("200  200  200  200  404  L    404", "200  200  200  200  404  L    404"),
    "monitoring:case_create":           ("200  200  403  403  404  L    404", "400  400  403  403  404  L    404"),
    "monitoring:case_detail":           ("200  200  200  404  404  L    404", "200  200  200  404  404  L    404"),
    "monitoring:case_edit":             ("200  200  403  403  404  L    404", "400  400  403  403  404  L    404"),
    "monitoring:case_delete":           ("405  405  403  403  404  L    404", "302* 302* 403  403  404  L    404"),
    "monitoring:case_photo_create":     ("200  200  403  403  404  L    404", "400  400  403  403  404  L    404"),
    "monitoring:case_photo":            ("200  200  200  404  404  L    404", "200  200  200  404  404  L    404"),
    "monitoring:case_photo_delete":     ("405  405  403  403  404  L    404", "302* 302* 403  403  404  L    404"),
    "reports:index":                    ("200  200  200  200  200  L    200", "200  200  200  200  200  L    200"),
    "reports:options":                  ("200  200  404  404  404  L    404", "405  405  405  405  405  L    405"),
    "reports:run":                      ("405  405  405  405  405  L    405", "400  400  404  404  404  L    404"),
    "reports:columns":                  ("200  200  403  403  403  L    403", "400  400  403  403  403  L    403"),
    "reports:statistics_layout":        ("200  200  403  403  403  L    403", "400  400  403  403  403  L    403"),
    "reports:statistics_layout_reset":  ("405  405  403  403  405  L    405", "302  302  403  403  403  L    403"),
    "reports:conclusions":              ("200  200  403  403  404  L    404", "302* 302* 403  403  404  L    404"),
    "reports:windows":                  ("200  200  403  403  200  L    200", "405  405  403  403  405  L    405"),
    "reports:window_open":              ("404  404  403  403  404  L    404", "404  404  403  403  404  L    404"),
    "reports:window":                   ("200  200  403  403  200  L    200", "405  405  403  403  405  L    405"),
    "reports:window_submit":            ("405  405  403  403  403  L    403", "302* 302* 403  403  403  L    403"),
    "reports:window_close":             ("405  405  403  403  405  L    405", "404  404  403  403  404  L    404"),
    "reports:orders":                   ("200  200  403  403  404  L    404", "200  200  403  403  404  L    404"),
    "reports:order_new":                ("200  200  403  403  404  L    404", "400  400  403  403  404  L    404"),
    "reports:order_requisites":         ("200  200  403  403  404  L    404", "302*  302*  403  403  404  L    404"),
    "reports:order_detail":             ("200  200  403  403  404  L    404", "200  200  403  403  404  L    404"),
    "reports:order_edit":               ("200  200  403  403  404  L    404", "400  400  403  403  404  L    404"),
    "reports:order_file":               ("405  405  403  403  404  L    404", "302*  302*  403  403  404  L    404"),
    "reports:order_sign":               ("405  405  403  403  404  L    404", "302*  302*  403  403  404  L    404"),
    "reports:order_delete":             ("200  200  403  403  404  L    404", "302*  302*  403  403  404  L    404"),
    "reports:templates":                ("200  200  403  403  404  L    404", "200  200  403  403  404  L    404"),
    "reports:template_download":        ("200  200  403  403  404  L    404", "200  200  403  403  404  L    404"),
    "reports:template_upload":          ("405  405  403  403  404  L    404", "302  302  403  403  404  L    404"),
    "reports:template_reset":           ("405  405  403  403  404  L    404", "302  302  403  403  404  L    404"),
    "search":                           ("200  200  403  200  404  L    404", "200  200  403  200  404  L    404"),
    "trash":                            ("200  200  403  403  404  L    404", "200  200  403  403  404  L    404"),
    "trash_undo":                       ("405  405  403  403  404  L    404", "302  302  403  403  404  L    404"),
    "trash_restore":                    ("405  405  403  403  404  L    404", "302* 302* 403  403  404  L    404"),
    "trash_erase":                      ("405  405  403  403  404  L    404", "302* 302* 403  403  404  L    404"),
    "participants:people_bulk":         ("405  405  403  403  404  L    404", "302  302  403  403  404  L    404"),
    "participants:people_delete":       ("200  200  403  403  404  L    404", "400  400  403  403  404  L    404"),
    "roadmap:events_bulk":              ("405  405  403  403  403  L    403", "302  302  403  403  403  L    403"),
    "pairing:groups_bulk":              ("405  405  403  403  404  L    404", "302  302  403  403  404  L    404"),
    "pairing:close_several":            ("200  200  403  403  404  L    404", "400  400  403  403  404  L    404"),
    "pairing:undo_close":               ("405  405  403  403  404  L    404", "302  302  403  403  404  L    404"),
    "logout":                           ("405  405  405  405  405  405  405", "L    L    L    L    L    L    L"),
}
# fmt: on

# Apps whose tables the POST check compares before and after (sessions and VIEW audit rows aside).
PROJECT_APPS = ("mentoring", "roadmap", "participants", "pairing", "monitoring", "reports")
IGNORED_FIELDS = {"last_login", "opened_at", "updated_at", "modified_at"}


def _models():
    for app_label in PROJECT_APPS:
        yield from apps.get_app_config(app_label).get_models()


def database_state() -> tuple:
    """Every row of every project table (audit rows of mere reads — views, downloads — left out)."""
    state = []
    for model in _models():
        queryset = model.objects.all()
        if model is AuditEvent:
            queryset = queryset.exclude(action__in=[AuditEvent.Action.VIEW, AuditEvent.Action.DOWNLOAD])
        if model is SignInEvent:
            continue  # the sign-in journal records attempts (a wrong old password), not changes
        fields = [
            field.attname for field in model._meta.concrete_fields if field.attname not in IGNORED_FIELDS
        ]
        state.append((model._meta.label, tuple(queryset.order_by("pk").values_list(*fields))))
    return tuple(state)


def project_routes() -> list[tuple[str, str]]:
    routes = [(route, name) for route, name in all_routes() if not route.startswith(ADMIN_PREFIX)]
    # Logging out ends the client's session: last, so that it cannot hide what follows.
    return sorted(routes, key=lambda item: item[1] == "logout")


def _cell(response) -> str:
    if response.status_code == 302 and response["Location"].startswith("/accounts/login/"):
        return "L"
    return str(response.status_code)


def observe(client: Client, path: str, method: str, initial: tuple) -> str:
    """The cell of one request, sent inside a savepoint that is rolled back afterwards.

    Every request is rolled back, so the database before each one is ``initial``.
    """
    sid = transaction.savepoint()
    try:
        response = client.post(path, STRANGER_POST) if method == "post" else client.get(path)
        cell = _cell(response)
        if method == "post" and database_state() != initial:
            cell += "*"
    finally:
        transaction.savepoint_rollback(sid)
    return cell


def _member(organization: Organization, role: str, username: str):
    user = UserFactory(username=username)
    MembershipFactory(user=user, organization=organization, role=role)
    return user


def _regional_coordinator(authority: Organization):
    """A coordinator of an organisation above the school's authority (a region above a municipality)."""
    from .factories import OrganizationFactory

    region = OrganizationFactory(
        kind=Organization.Kind.REGION, slug="region-test", short_name="Региональный центр"
    )
    authority.parent = region
    authority.save(update_fields=["parent"])
    return _member(region, Role.REGIONAL_COORDINATOR, "regional-coordinator")


@pytest.fixture
def role_user(request, school, authority, administrator, curator, mentor, coordinator):
    role = request.param
    if role == "anonymous":
        return None
    if role == "psychologist":
        return _member(school, Role.PSYCHOLOGIST, "psychologist")
    if role == "region":
        return _regional_coordinator(authority)
    return {
        "administrator": administrator,
        "curator": curator,
        "mentor": mentor,
        "coordinator": coordinator,
    }[role]


def test_every_route_is_in_the_matrix():
    names = {name for _, name in project_routes()}
    assert names - set(MATRIX) == set(), "add these routes to MATRIX"
    assert set(MATRIX) - names == set(), "these MATRIX rows name no route"
    for name, (get_row, post_row) in MATRIX.items():
        assert len(get_row.split()) == len(post_row.split()) == len(ROLES), name


@pytest.mark.django_db
@pytest.mark.parametrize("role_user", ROLES, indirect=True, ids=ROLES)
def test_own_organisation_matches_the_matrix(role_user, url_values, request):
    column = ROLES.index(request.node.callspec.id)
    client = client_for(role_user) if role_user is not None else Client()
    differences = []
    initial = database_state()
    for route, name in project_routes():
        path = build_path(route, url_values)
        got = (observe(client, path, "get", initial), observe(client, path, "post", initial))
        expected_get, expected_post = (
            row.split()[column] for row in MATRIX.get(name, ("? " * len(ROLES),) * 2)
        )
        for method, cell in zip(("GET", "POST"), got, strict=True):
            if method == "POST" and cell.rstrip("*") in {"403", "404", "405", "L"}:
                assert not cell.endswith("*"), f"refused POST {path} ({name}) changed the database"
        if got != (expected_get, expected_post):
            differences.append(f"{name}: expected {expected_get} / {expected_post}, got {got[0]} / {got[1]}")
    assert not differences, "\n".join(differences)


@pytest.fixture
def other_authority(db) -> Organization:
    from .factories import OrganizationFactory

    return OrganizationFactory(
        kind=Organization.Kind.MUNICIPAL_AUTHORITY, slug="uo-other", short_name="Другое УО"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", [role for role in ROLES if role != "anonymous"])
def test_other_organisation_gets_404_everywhere(role, url_values, other_school, other_authority):
    """The same roles at the school next door (the coordinator: of another authority; the region: of
    another region) see nothing."""
    if role == "coordinator":
        user = _member(other_authority, Role.MUNICIPAL_COORDINATOR, "other-coordinator")
    elif role == "region":
        user = _regional_coordinator(other_authority)
    else:
        user = _member(other_school, {"administrator": Role.ADMINISTRATOR}.get(role, role), f"other-{role}")
    client = client_for(user)
    before = database_state()
    checked = 0
    for route, name in project_routes():
        if not route.startswith("o/"):
            continue
        path = build_path(route, url_values)
        for method in ("get", "post"):
            response = getattr(client, method)(path, STRANGER_POST)
            assert response.status_code == 404, (
                f"{method.upper()} {path} ({name}) gave {response.status_code}"
            )
            checked += 1
    assert checked == 2 * len([name for route, name in project_routes() if route.startswith("o/")])
    assert database_state() == before


PAIR_ROUTES = {
    name
    for name in MATRIX
    if name.startswith("monitoring:") and any(part in name for part in ("plan", "meeting", "diary"))
} - {"monitoring:plans", "monitoring:meetings"}


@pytest.mark.django_db
def test_mentor_of_another_pair_cannot_see_or_touch_this_pair(url_values, school):
    """Within the school, a mentor sees her own pairs' plans and diaries, not a colleague's."""
    client = client_for(_member(school, Role.MENTOR, "colleague"))
    before = database_state()
    for route, name in project_routes():
        if name not in PAIR_ROUTES and name not in {"pairing:detail", "pairing:edit", "pairing:close"}:
            continue
        path = build_path(route, url_values)
        for method in ("get", "post"):
            response = getattr(client, method)(path, STRANGER_POST)
            assert response.status_code in (403, 404, 405), (
                f"{method.upper()} {path} ({name}) gave {response.status_code}"
            )
    assert database_state() == before
    assert len(PAIR_ROUTES) >= 12


@pytest.fixture
def finished_job(school, programme, mentor):
    """A finished report of the mentor's, with its file."""
    job = Job.objects.create(
        kind="report:diary",
        title="Дневник встреч",
        organization=school,
        academic_year=programme.academic_year,
        created_by=mentor,
        params={},
        contains_personal_data=True,
        status=Job.Status.DONE,
        result_name="diary.xlsx",
    )
    job.result_file.save("diary.xlsx", ContentFile(b"PK\x03\x04 result"), save=True)
    return job


@pytest.mark.django_db
def test_generated_files_are_for_their_author_and_the_managers(
    finished_job, school, other_school, administrator, curator, mentor, coordinator, stranger
):
    base = f"/o/{school.slug}/2025/jobs/{finished_job.pk}"
    psychologist = _member(school, Role.PSYCHOLOGIST, "psychologist")
    colleague = _member(school, Role.MENTOR, "colleague")
    expected = {
        mentor: 200,  # the author
        administrator: 200,
        curator: 200,
        psychologist: 404,
        colleague: 404,
        coordinator: 404,  # read-only: the file may hold pupils' personal data
        stranger: 404,
    }
    for user, status in expected.items():
        client = client_for(user)
        for suffix in ("/", "/status/", "/download/"):
            response = client.get(base + suffix)
            assert response.status_code == status, (user.username, suffix, response.status_code)
        if status == 200:
            response = client.get(base + "/download/")
            assert b"".join(response.streaming_content) == b"PK\x03\x04 result"
            assert "attachment" in response["Content-Disposition"]
    # The download of a file with personal data is audited, each time (twice for each of three users).
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DOWNLOAD).count() == 6
    # Another school's URL for the same job: 404 even for its author.
    assert client_for(mentor).get(f"/o/{other_school.slug}/2025/jobs/{finished_job.pk}/").status_code == 404
    assert Client().get(base + "/download/")["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_uploaded_files_are_not_served_under_media(url_values, finished_job, curator, settings):
    """Evidence, consent scans, agreements, photos and reports are served only by views that check access."""
    from participants.models import Consent, PartnerOrganization
    from roadmap.models import EventEvidence

    files = [
        EventEvidence.objects.get(pk=url_values["evidence"]).file,
        Consent.objects.get(pk=url_values["consent"]).scan,
        PartnerOrganization.objects.get(pk=url_values["partner"]).agreement_file,
        url_values_photo(url_values),
        finished_job.result_file,
    ]
    for client in (Client(), client_for(curator)):
        for field in files:
            assert field.name and field.storage.exists(field.name)
            response = client.get(settings.MEDIA_URL + field.name)
            assert response.status_code == 404, (field.name, response.status_code)


def url_values_photo(url_values):
    from monitoring.models import CasePhoto

    return CasePhoto.objects.get(pk=url_values["photo"]).image


@pytest.mark.django_db
def test_questionnaire_link_is_for_anyone_who_has_it(url_values, monitoring_objects, stranger):
    from datetime import timedelta

    from django.utils import timezone

    link = f"/q/{url_values['link']}/"
    for client in (Client(), client_for(stranger)):
        response = client.get(link)
        assert response.status_code == 200
        assert response["X-Questionnaire"] == "form"
        assert response["Referrer-Policy"] == "no-referrer"
    assert Client().get("/q/unknown-link-0123456789/").status_code == 404
    assert Client().post("/q/unknown-link-0123456789/", {"overall": "5"}).status_code == 404

    invitation = monitoring_objects["invitation"]
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save(update_fields=["expires_at"])
    before = database_state()
    for method in ("get", "post"):
        response = getattr(Client(), method)(link, {"overall": "5"})
        assert response.status_code == 410
        assert response["X-Questionnaire"] == "expired"
        assert "monitoring/public/expired.html" in [t.name for t in response.templates]
    assert database_state() == before

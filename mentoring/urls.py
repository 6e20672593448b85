from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path

from . import invitation_views, search_views, trash_views, views
from .access import Privacy, declare_privacy
from .signin import GuardedPasswordChangeView, UnlockingPasswordResetConfirmView

organization_patterns: list[URLPattern | URLResolver] = [
    path("", views.dashboard, name="dashboard"),
    path("programme/", views.programme_detail, name="programme"),
    path("programme/next-year/", views.programme_open_next, name="programme_open_next"),
    path("members/", views.members, name="members"),
    path("members/", include("participants.staff_urls")),
    path("signins/", views.signin_journal, name="signin_journal"),
    path("journal/", views.journal, name="journal"),
    path("jobs/<uuid:job>/", views.job_detail, name="job_detail"),
    path("jobs/<uuid:job>/status/", views.job_status, name="job_status"),
    path("jobs/<uuid:job>/download/", views.job_download, name="job_download"),
    path("jobs/<uuid:job>/run/", views.job_run, name="job_run"),
    path("search/", search_views.search, name="search"),
    path("trash/", trash_views.trash, name="trash"),
    path("trash/undo/", trash_views.trash_undo, name="trash_undo"),
    path("trash/<int:item>/restore/", trash_views.trash_restore_view, name="trash_restore"),
    path("trash/<int:item>/erase/", trash_views.trash_erase_view, name="trash_erase"),
    path("roadmap/", include("roadmap.urls")),
    path("bases/", include("participants.urls")),
    path("pairs/", include("pairing.urls")),
    path("monitoring/", include("monitoring.urls")),
    path("reports/", include("reports.urls")),
]

account_patterns: list[URLPattern] = [
    path(
        "login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/change/", GuardedPasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        UnlockingPasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("invitation/", invitation_views.invitation_code, name="invitation_code"),
    path("invitation/password/", invitation_views.invitation_password, name="invitation_password"),
    path("invitation/<str:secret>/", invitation_views.invitation_link, name="invitation_link"),
]

# Sign-in, sign-out and password pages: outside any organisation, no one's data but the user's own.
for _pattern in account_patterns:
    declare_privacy(Privacy.PUBLIC)(_pattern.callback)

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz/", views.healthz, name="healthz"),
    path("accounts/", include(account_patterns)),
    path("admin/", admin.site.urls),
    path("q/", include("monitoring.questionnaires.public_urls")),
    path("o/<slug:org>/<int:year>/", include(organization_patterns)),
]

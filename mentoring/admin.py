from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .access import SignedInRequest
from .admin_tools import register_remaining
from .models import (
    AcademicYear,
    AuditEvent,
    EndedAccess,
    Job,
    Membership,
    Organization,
    Programme,
    SignInEvent,
    StaffInvitation,
    User,
)


class UserMembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["organization"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "last_name", "first_name", "patronymic", "email", "is_active"]
    list_filter = ["is_active", "is_staff", "memberships__role"]
    search_fields = ["username", "last_name", "first_name", "email"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("last_name", "first_name", "patronymic", "email")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    inlines = [UserMembershipInline]
    actions = ["deactivate"]

    # An account is deactivated, never deleted: the journal and the documents keep who did what.
    def has_delete_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        return False

    @admin.action(description=_("Deactivate the selected accounts"))
    def deactivate(self, request: SignedInRequest, queryset: QuerySet[User]) -> None:
        from .services import users_deactivate

        count = users_deactivate(actor=request.user, users=list(queryset))
        self.message_user(request, _("Accounts deactivated: %(count)s.") % {"count": count})


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["short_name", "kind", "parent", "region", "slug"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [MembershipInline]


@admin.register(AcademicYear)
class AcademicYearAdmin(admin.ModelAdmin):
    list_display = ["label", "start_date", "end_date"]
    list_filter = ["start_year"]
    search_fields = ["=start_year"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["organization", "academic_year", "pupils_total", "teachers_total"]
    list_filter = ["academic_year", "organization__kind"]
    list_select_related = ["organization", "academic_year"]
    search_fields = ["organization__short_name"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "role", "created_at"]
    list_filter = ["role", "organization"]
    list_select_related = ["user", "organization"]
    search_fields = ["user__username", "user__last_name", "organization__short_name"]
    autocomplete_fields = ["user", "organization"]


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "created_by", "status", "progress", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "kind", "organization__short_name"]
    list_select_related = ["organization", "created_by"]
    readonly_fields = [field.name for field in Job._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_name", "organization", "action", "target_type", "target_id", "target_label"]
    list_filter = ["action", "target_type"]
    list_select_related = ["organization"]
    search_fields = ["actor_name", "target_id"]
    raw_id_fields = ["actor"]
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False


@admin.register(SignInEvent)
class SignInEventAdmin(admin.ModelAdmin):
    """The whole sign-in journal, read-only (the current locks are in the cache: a password reset lifts them)."""

    list_display = ["at", "kind", "username", "ip_address", "door"]
    list_filter = ["kind", "door"]
    search_fields = ["username", "ip_address"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: SignInEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: SignInEvent | None = None) -> bool:
        return False


@admin.register(StaffInvitation)
class StaffInvitationAdmin(admin.ModelAdmin):
    """Invitations of staff members: who, where, how, until when (the secret itself is never stored)."""

    list_display = ["__str__", "user", "organization", "channel", "expires_at", "used_at", "revoked_at"]
    list_filter = ["channel", "organization__kind", "created_at"]
    list_select_related = ["user", "organization"]
    search_fields = ["user__username", "user__last_name", "organization__short_name"]
    readonly_fields = [field.name for field in StaffInvitation._meta.fields if field.name != "secret_hash"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(EndedAccess)
class EndedAccessAdmin(admin.ModelAdmin):
    """Access ended in one organisation for an account that works elsewhere: the roles to give back."""

    list_display = ["user", "organization", "roles", "ended_at", "ended_by"]
    list_filter = ["organization__kind", "ended_at"]
    list_select_related = ["user", "organization", "ended_by"]
    search_fields = ["user__username", "user__last_name", "organization__short_name"]
    readonly_fields = [field.name for field in EndedAccess._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


register_remaining("mentoring")

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from mentoring.admin_tools import register_remaining

from .models import GroupMember, MentoringForm, MentoringGroup, RoleModel


class RoleModelInline(admin.TabularInline):
    model = RoleModel
    extra = 1


@admin.register(MentoringForm)
class MentoringFormAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "organization", "default_capacity", "is_active", "position"]
    list_filter = ["is_active"]
    search_fields = ["name", "key"]
    inlines = [RoleModelInline]


class GroupMemberInline(admin.TabularInline):
    model = GroupMember
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(MentoringGroup)
class MentoringGroupAdmin(admin.ModelAdmin):
    list_display = ["__str__", "programme", "form", "status", "start_date"]
    list_filter = ["status", "form", "programme__academic_year"]
    list_select_related = ["programme__organization", "programme__academic_year", "form"]
    search_fields = ["members__person__last_name", "programme__organization__short_name", "=id"]
    autocomplete_fields = ["programme"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[MentoringGroup]:
        return super().get_queryset(request).prefetch_related("members__person")
    inlines = [GroupMemberInline]


register_remaining("pairing")

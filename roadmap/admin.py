from django.contrib import admin
from django.http import HttpRequest

from mentoring.admin_tools import register_remaining

from .models import EventEvidence, EventPeriod, KpiTarget, ReminderLog, RoadmapEvent, RoadmapSection


class EventPeriodInline(admin.TabularInline):
    model = EventPeriod
    extra = 0


class EventEvidenceInline(admin.TabularInline):
    model = EventEvidence
    extra = 0
    readonly_fields = ["added_by", "created_at"]


@admin.register(RoadmapSection)
class RoadmapSectionAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "position"]
    list_select_related = ["programme__organization", "programme__academic_year"]
    list_filter = ["programme__academic_year"]
    search_fields = ["title", "programme__organization__short_name"]
    autocomplete_fields = ["programme"]


@admin.register(RoadmapEvent)
class RoadmapEventAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "programme", "status", "deadline", "completed_on"]
    list_select_related = ["programme__organization", "programme__academic_year"]
    list_filter = ["status", "programme__academic_year"]
    search_fields = ["title", "programme__organization__short_name"]
    autocomplete_fields = ["programme"]
    readonly_fields = ["deadline", "starts_on"]
    filter_horizontal = ["responsible_users"]
    inlines = [EventPeriodInline, EventEvidenceInline]


@admin.register(KpiTarget)
class KpiTargetAdmin(admin.ModelAdmin):
    list_display = ["name", "programme", "final"]
    list_select_related = ["programme__organization", "programme__academic_year"]
    list_filter = ["programme__academic_year"]
    search_fields = ["name", "programme__organization__short_name"]
    autocomplete_fields = ["programme"]


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    list_display = ["sent_on", "user", "programme", "kind", "events"]
    list_select_related = ["user", "programme__organization", "programme__academic_year"]
    list_filter = ["kind", "sent_on"]
    search_fields = ["user__username", "programme__organization__short_name"]
    raw_id_fields = ["user", "programme"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ReminderLog | None = None) -> bool:
        return False


register_remaining("roadmap")

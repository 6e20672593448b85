from django.contrib import admin

from mentoring.admin_tools import register_remaining

from .models import Consent, ConsentRule, MenteeProfile, MentorProfile, PartnerOrganization, Person


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    fields = ["scope", "given_by", "representative_name", "given_on", "withdrawn_on"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = [
        "last_name",
        "first_name",
        "patronymic",
        "kind",
        "group_name",
        "organization",
        "anonymised_at",
    ]
    list_filter = ["kind", "organization"]
    list_select_related = ["organization"]
    search_fields = ["last_name", "first_name", "external_id"]
    autocomplete_fields = ["organization", "partner", "user"]
    readonly_fields = ["anonymised_at", "search_text"]
    inlines = [ConsentInline]


@admin.register(MenteeProfile)
class MenteeProfileAdmin(admin.ModelAdmin):
    list_display = ["person", "programme", "status", "has_ovz", "entry_date"]
    list_filter = ["status", "programme__academic_year"]
    search_fields = ["person__last_name", "programme__organization__short_name"]
    autocomplete_fields = ["person", "programme"]
    list_select_related = ["person", "programme__organization", "programme__academic_year"]


@admin.register(MentorProfile)
class MentorProfileAdmin(admin.ModelAdmin):
    list_display = ["person", "programme", "status", "capacity", "training_done"]
    list_filter = ["status", "training_done", "programme__academic_year"]
    search_fields = ["person__last_name", "programme__organization__short_name"]
    autocomplete_fields = ["person", "programme", "partner"]
    list_select_related = ["person", "programme__organization", "programme__academic_year"]


@admin.register(PartnerOrganization)
class PartnerOrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "organization", "agreement_number", "agreement_date"]
    list_filter = ["kind"]
    search_fields = ["name", "organization__short_name"]
    autocomplete_fields = ["organization"]


@admin.register(ConsentRule)
class ConsentRuleAdmin(admin.ModelAdmin):
    list_display = ["organization", "teenagers"]
    list_filter = ["teenagers"]
    search_fields = ["organization__short_name"]
    autocomplete_fields = ["organization"]


register_remaining("participants")

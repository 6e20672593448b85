from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from mentoring.admin_tools import register_remaining

from .bases.reports import catalogue
from .models import BaseColumnSet, Order, OrderItem


class BaseColumnSetForm(forms.ModelForm):
    class Meta:
        model = BaseColumnSet
        fields = ["organization", "kind", "columns"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keys = "; ".join(
            f"{kind}: {', '.join(column.key for column in catalogue(kind))}"
            for kind in ("mentees", "mentors")
        )
        self.fields["columns"].help_text = _("A list of column keys in order. Known keys — %(keys)s.") % {
            "keys": keys
        }


@admin.register(BaseColumnSet)
class BaseColumnSetAdmin(admin.ModelAdmin):
    form = BaseColumnSetForm
    list_display = ["organization", "kind", "updated_at", "updated_by"]
    list_filter = ["kind"]
    list_select_related = ["organization", "updated_by"]
    search_fields = ["organization__short_name", "organization__slug"]
    autocomplete_fields = ["organization"]
    readonly_fields = ["updated_by", "updated_at"]

    def save_model(self, request, obj, form, change) -> None:
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


class OrderItemInline(admin.TabularInline):
    model = OrderItem
    extra = 0
    raw_id_fields = ["group", "plan", "person"]


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ["number", "day", "kind", "title", "organization"]
    list_filter = ["kind"]
    list_select_related = ["organization"]
    search_fields = ["number", "title", "organization__short_name"]
    raw_id_fields = ["organization", "programme", "responsible", "created_by"]
    inlines = [OrderItemInline]


register_remaining("reports")

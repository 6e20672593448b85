"""Monitoring's models in the admin: generated lists with search and filters (see mentoring.admin_tools)."""

from mentoring.admin_tools import register_remaining

register_remaining("monitoring")

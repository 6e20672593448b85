from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo municipality (``manage.py seed_demo``). No models; it imports every other app and nothing
    imports it."""

    name = "demo"
    verbose_name = _("Demo data")

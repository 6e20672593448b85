from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports and documents")

    def ready(self) -> None:
        # Importing the definitions fills the registry.
        from mentoring import dashboard_cards

        from . import definitions  # noqa: F401  imported for its side effect: it fills the registry
        from .home.cards import home_cards
        from .windows.cards import window_cards

        dashboard_cards.register(home_cards)  # each role's start page first, then the open windows
        dashboard_cards.register(window_cards)

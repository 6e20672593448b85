from django.apps import AppConfig
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "mentoring"
    verbose_name = _("Organisations and programmes")

    def ready(self) -> None:
        # the Celery app, before any task is sent; and the translation hook of the pure modules
        # (roadmap periods and tables, the matching engine), which then use Django's gettext
        from . import (
            cache_checks,  # noqa: F401  (registers the shared-cache system check)
            celery,  # noqa: F401  (imported for its side effect: the app exists)
            messages,
            sites,  # noqa: F401  (registers the SITE_URL system check)
        )

        messages.use_translator(gettext)
        # SQLite's LOWER folds Cyrillic too, as PostgreSQL's does (searches: mentoring/text_search.py)
        from django.db.backends.signals import connection_created

        from .text_search import register_sqlite_lower

        connection_created.connect(register_sqlite_lower, dispatch_uid="mentoring-sqlite-lower")
        # the switchers kept in the cache are dropped when memberships, organisations or programmes change
        from . import navigation_cache

        navigation_cache.connect()
        # kept pages are read again after any write to a table they were read from
        from . import kept_pages

        kept_pages.connect()
        # the project's models built from rows without Model.__init__ where that is the same (model_loading)
        from . import model_loading

        model_loading.install()
        # {% translate "literal" %} keeps its answers per process (kept_i18n)
        from . import kept_i18n

        kept_i18n.install()

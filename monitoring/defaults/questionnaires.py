"""The team's questionnaire templates, seeded by migration 0002 (historical models via ``apps``)."""


def seed(apps) -> None:
    """Create or update the shared templates and their items. Idempotent."""

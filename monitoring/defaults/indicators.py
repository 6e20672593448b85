"""The team's KPI definitions, seeded by migration 0003 (historical models via ``apps``)."""


def seed(apps) -> None:
    """Create or update the shared indicators. Idempotent."""

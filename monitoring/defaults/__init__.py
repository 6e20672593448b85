"""Reference data written by the team, seeded by data migrations: questionnaires and indicators."""

"""Selectors (reads) of the monitoring section: questionnaires."""

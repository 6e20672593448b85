"""Selectors (reads) of the monitoring section: plans."""

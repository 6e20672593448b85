"""Selectors (reads) of the monitoring section: meetings."""

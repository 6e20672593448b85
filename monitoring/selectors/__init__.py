"""Selectors (reads) of the monitoring section, one module per theme."""

"""Selectors (reads) of the monitoring section: cases."""

"""Selectors (reads) of the monitoring section: kpis."""

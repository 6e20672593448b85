"""Services (writes) of the monitoring section: kpis."""

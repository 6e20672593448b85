"""Services (writes) of the monitoring section: plans."""

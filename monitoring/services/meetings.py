"""Services (writes) of the monitoring section: meetings."""

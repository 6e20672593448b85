"""Services (writes) of the monitoring section: cases."""

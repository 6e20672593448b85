"""Services (writes) of the monitoring section, one module per theme."""

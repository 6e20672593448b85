"""Services (writes) of the monitoring section: questionnaires."""

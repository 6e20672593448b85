"""Reports of the questionnaire theme, registered in the report registry (imported from ``definitions``)."""

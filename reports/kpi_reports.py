"""Reports of the kpi theme, registered in the report registry (imported from ``definitions``)."""

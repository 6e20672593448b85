"""Reports of the diary theme, registered in the report registry (imported from ``definitions``)."""

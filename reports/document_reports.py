"""Reports of the document theme, registered in the report registry (imported from ``definitions``)."""

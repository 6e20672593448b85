"""Individual plans of the pairs: goals, tasks, approval by order, task files."""

"""Reports on the organisation itself: its members and their roles, the action journal."""

"""The meeting diary: meetings of a pair logged from a phone, the curator's overview, reminders to silent
pairs (task). Builds on the plans (a meeting moves plan tasks; pair access comes from ``plans.views``)."""

"""KPIs: indicators, targets, monthly snapshots, information activities, SWOT, the stored metric summaries
and the regional console's reads (``console``); ``calc`` is the pure arithmetic."""

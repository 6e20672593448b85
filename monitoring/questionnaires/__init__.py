"""Questionnaires: templates, campaigns, personal links, the public answer page (``public_urls`` at /q/),
results and before/after comparisons; ``stats`` is the pure arithmetic."""

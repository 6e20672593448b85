"""Monitoring's models, one module per sub-domain; every model is re-exported here.

The app label stays ``monitoring`` and the tables keep their names; migrations refer to
``monitoring.models.<name>`` (the upload paths, the token default), which these re-exports keep valid.
"""

# Imported in the order the models were declared before the split, so the app registry lists them as
# before (admin index, the erasure walk over get_models()).
# ruff: noqa: I001
from .settings import DEFAULT_KPI_AGE_BAND, MonitoringSettings
from .plans import IndividualPlan, PlanChange, PlanTask, plan_evidence_path
from .meetings import Meeting, MeetingReminder
from .questionnaires import (
    Answer,
    Audience,
    Campaign,
    Invitation,
    QuestionItem,
    QuestionnaireResponse,
    QuestionnaireTemplate,
    new_invitation_token,
)
from .kpis import (
    Indicator,
    IndicatorTarget,
    InformationActivity,
    KpiSnapshot,
    MetricSummary,
    SwotItem,
)
from .cases import Case, CasePhoto, case_photo_path

__all__ = [
    "DEFAULT_KPI_AGE_BAND",
    "Answer",
    "Audience",
    "Campaign",
    "Case",
    "CasePhoto",
    "Indicator",
    "IndicatorTarget",
    "IndividualPlan",
    "InformationActivity",
    "Invitation",
    "KpiSnapshot",
    "Meeting",
    "MeetingReminder",
    "MetricSummary",
    "MonitoringSettings",
    "PlanChange",
    "PlanTask",
    "QuestionItem",
    "QuestionnaireResponse",
    "QuestionnaireTemplate",
    "SwotItem",
    "case_photo_path",
    "new_invitation_token",
    "plan_evidence_path",
]

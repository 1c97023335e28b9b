from ..types import OpenStrEnum


class ListTreatmentPlanEventsEventType(OpenStrEnum):
    TREATMENT_PLAN_CREATED = "treatment_plan.created"
    TREATMENT_PLAN_RECOMMENDATION_UPDATED = "treatment_plan.recommendation.updated"
    TREATMENT_PLAN_UPDATED = "treatment_plan.updated"

from enum import StrEnum


class ListTreatmentPlanEventsEventType(StrEnum):
    TREATMENT_PLAN_CREATED = "treatment_plan.created"
    TREATMENT_PLAN_RECOMMENDATION_UPDATED = "treatment_plan.recommendation.updated"
    TREATMENT_PLAN_UPDATED = "treatment_plan.updated"

    def __str__(self) -> str:
        return str(self.value)

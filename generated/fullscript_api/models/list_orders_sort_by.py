from enum import StrEnum


class ListOrdersSortBy(StrEnum):
    COMPLETED_AT = "completed_at"
    ORDER_NUMBER = "order_number"
    PATIENT_ID = "patient_id"
    TREATMENT_PLAN_ID = "treatment_plan_id"

    def __str__(self) -> str:
        return str(self.value)

from ..types import OpenStrEnum


class ListOrdersSortBy(OpenStrEnum):
    COMPLETED_AT = "completed_at"
    ORDER_NUMBER = "order_number"
    PATIENT_ID = "patient_id"
    TREATMENT_PLAN_ID = "treatment_plan_id"

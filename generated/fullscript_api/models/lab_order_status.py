from ..types import OpenStrEnum


class LabOrderStatus(OpenStrEnum):
    INTERPRETATION_READY = "interpretation_ready"
    INTERPRETATION_SHARED = "interpretation_shared"
    NOT_PURCHASED = "not_purchased"
    PARTIAL_RESULTS = "partial_results"
    PROCESSING = "processing"
    PURCHASED = "purchased"
    RESULTS_AMENDED = "results_amended"
    RESULTS_READY = "results_ready"
    SCHEDULE_APPOINTMENT = "schedule_appointment"
    UPCOMING_APPOINTMENT = "upcoming_appointment"

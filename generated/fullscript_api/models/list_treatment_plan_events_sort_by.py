from ..types import OpenStrEnum


class ListTreatmentPlanEventsSortBy(OpenStrEnum):
    CREATED_AT = "created_at"
    EVENT_TYPE = "event_type"

from ..types import OpenStrEnum


class ListPatientEventsSortBy(OpenStrEnum):
    CREATED_AT = "created_at"
    EVENT_TYPE = "event_type"

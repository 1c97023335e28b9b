from ..types import OpenStrEnum


class ListClinicKeyEventsSortBy(OpenStrEnum):
    CREATED_AT = "created_at"
    EVENT_TYPE = "event_type"

from ..types import OpenStrEnum


class ListLabOrderEventsSortBy(OpenStrEnum):
    CREATED_AT = "created_at"
    EVENT_TYPE = "event_type"

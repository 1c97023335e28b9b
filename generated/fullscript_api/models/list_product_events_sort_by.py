from ..types import OpenStrEnum


class ListProductEventsSortBy(OpenStrEnum):
    CREATED_AT = "created_at"
    EVENT_TYPE = "event_type"

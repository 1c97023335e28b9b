from enum import StrEnum


class ListOrderEventsSortBy(StrEnum):
    CREATED_AT = "created_at"
    EVENT_TYPE = "event_type"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ListWebhookDeliveriesSortBy(StrEnum):
    ATTEMPTED_AT = "attempted_at"
    EVENT_ID = "event_id"

    def __str__(self) -> str:
        return str(self.value)

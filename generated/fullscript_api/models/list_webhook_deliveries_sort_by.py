from ..types import OpenStrEnum


class ListWebhookDeliveriesSortBy(OpenStrEnum):
    ATTEMPTED_AT = "attempted_at"
    EVENT_ID = "event_id"

from ..types import OpenStrEnum


class ListWebhookDeliveriesSuccessfullyDelivered(OpenStrEnum):
    FALSE = "false"
    TRUE = "true"

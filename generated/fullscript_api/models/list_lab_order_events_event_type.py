from ..types import OpenStrEnum


class ListLabOrderEventsEventType(OpenStrEnum):
    LAB_ORDER_UPDATED = "lab_order.updated"

from ..types import OpenStrEnum


class ListOrderEventsEventType(OpenStrEnum):
    ORDER_PLACED = "order.placed"

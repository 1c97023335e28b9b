from enum import StrEnum


class ListLabOrderEventsEventType(StrEnum):
    LAB_ORDER_UPDATED = "lab_order.updated"

    def __str__(self) -> str:
        return str(self.value)

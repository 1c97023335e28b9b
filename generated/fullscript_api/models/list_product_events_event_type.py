from enum import StrEnum


class ListProductEventsEventType(StrEnum):
    PRODUCT_CREATED = "product.created"
    PRODUCT_DESCRIPTION_UPDATED = "product.description.updated"
    PRODUCT_UPDATED = "product.updated"

    def __str__(self) -> str:
        return str(self.value)

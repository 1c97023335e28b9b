from ..types import OpenStrEnum


class ListProductEventsEventType(OpenStrEnum):
    PRODUCT_CREATED = "product.created"
    PRODUCT_DESCRIPTION_UPDATED = "product.description.updated"
    PRODUCT_UPDATED = "product.updated"

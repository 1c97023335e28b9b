from ..types import OpenStrEnum


class ListPractitionerProtocolsCurrentState(OpenStrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    DRAFT = "draft"

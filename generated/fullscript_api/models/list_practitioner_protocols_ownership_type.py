from ..types import OpenStrEnum


class ListPractitionerProtocolsOwnershipType(OpenStrEnum):
    ALL = "all"
    OWNED = "owned"
    SHARED = "shared"

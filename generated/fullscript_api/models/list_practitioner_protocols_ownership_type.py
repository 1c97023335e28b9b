from enum import StrEnum


class ListPractitionerProtocolsOwnershipType(StrEnum):
    ALL = "all"
    OWNED = "owned"
    SHARED = "shared"

    def __str__(self) -> str:
        return str(self.value)

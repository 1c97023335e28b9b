from enum import StrEnum


class ListPractitionerProtocolsCurrentState(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    DRAFT = "draft"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ListPractitionerProtocolsSortBy(StrEnum):
    CURRENT_STATE = "current_state"
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ListFullscriptProtocolsSortBy(StrEnum):
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)

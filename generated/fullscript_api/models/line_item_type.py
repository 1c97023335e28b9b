from enum import StrEnum


class LineItemType(StrEnum):
    LABS = "labs"
    SUPPLEMENT = "supplement"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ListOrdersType(StrEnum):
    LABS = "labs"
    SUPPLEMENT = "supplement"

    def __str__(self) -> str:
        return str(self.value)

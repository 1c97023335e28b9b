from enum import StrEnum


class ListBrandsAvailable(StrEnum):
    TRUE = "true"

    def __str__(self) -> str:
        return str(self.value)

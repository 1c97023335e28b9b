from enum import StrEnum


class ListBrandsClinicPermitted(StrEnum):
    TRUE = "true"

    def __str__(self) -> str:
        return str(self.value)

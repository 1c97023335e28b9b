from enum import StrEnum


class ListPatientsPatientType(StrEnum):
    ALL = "all"
    DEPENDENT = "dependent"
    GUARDIAN = "guardian"

    def __str__(self) -> str:
        return str(self.value)

from ..types import OpenStrEnum


class ListPatientsPatientType(OpenStrEnum):
    ALL = "all"
    DEPENDENT = "dependent"
    GUARDIAN = "guardian"

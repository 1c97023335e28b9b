from enum import StrEnum


class MetadatumType(StrEnum):
    PATIENT = "patient"
    PRACTITIONER = "practitioner"
    STAFF = "staff"
    TREATMENT_PLAN = "treatment_plan"

    def __str__(self) -> str:
        return str(self.value)

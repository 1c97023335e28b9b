from enum import StrEnum


class ListPatientEventsEventType(StrEnum):
    PATIENT_CREATED = "patient.created"
    PATIENT_EMANCIPATED = "patient.emancipated"
    PATIENT_UPDATED = "patient.updated"

    def __str__(self) -> str:
        return str(self.value)

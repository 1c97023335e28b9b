from ..types import OpenStrEnum


class ListPatientEventsEventType(OpenStrEnum):
    PATIENT_CREATED = "patient.created"
    PATIENT_EMANCIPATED = "patient.emancipated"
    PATIENT_UPDATED = "patient.updated"

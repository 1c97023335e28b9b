from ..types import OpenStrEnum


class ListClinicKeyEventsEventType(OpenStrEnum):
    CLINIC_KEY_ACTIVATED = "clinic_key.activated"
    CLINIC_KEY_REVOKED = "clinic_key.revoked"

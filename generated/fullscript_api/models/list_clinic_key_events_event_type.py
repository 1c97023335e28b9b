from enum import StrEnum


class ListClinicKeyEventsEventType(StrEnum):
    CLINIC_KEY_ACTIVATED = "clinic_key.activated"
    CLINIC_KEY_REVOKED = "clinic_key.revoked"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class OAuthResourceOwnerType(StrEnum):
    CLINIC = "Clinic"
    PRACTITIONER = "Practitioner"
    STAFF = "Staff"

    def __str__(self) -> str:
        return str(self.value)

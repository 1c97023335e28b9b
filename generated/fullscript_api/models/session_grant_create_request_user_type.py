from enum import StrEnum


class SessionGrantCreateRequestUserType(StrEnum):
    PRACTITIONER = "Practitioner"
    STAFF = "Staff"

    def __str__(self) -> str:
        return str(self.value)

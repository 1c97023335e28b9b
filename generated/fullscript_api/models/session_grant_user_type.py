from ..types import OpenStrEnum


class SessionGrantUserType(OpenStrEnum):
    PRACTITIONER = "Practitioner"
    STAFF = "Staff"

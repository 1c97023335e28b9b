from ..types import OpenStrEnum


class SessionGrantCreateRequestUserType(OpenStrEnum):
    PRACTITIONER = "Practitioner"
    STAFF = "Staff"

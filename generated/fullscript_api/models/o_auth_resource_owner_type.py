from ..types import OpenStrEnum


class OAuthResourceOwnerType(OpenStrEnum):
    CLINIC = "Clinic"
    PRACTITIONER = "Practitioner"
    STAFF = "Staff"

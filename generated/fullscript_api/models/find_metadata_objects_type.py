from ..types import OpenStrEnum


class FindMetadataObjectsType(OpenStrEnum):
    PATIENT = "patient"
    PRACTITIONER = "practitioner"
    STAFF = "staff"
    TREATMENT_PLAN = "treatment_plan"

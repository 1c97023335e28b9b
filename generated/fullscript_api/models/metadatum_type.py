from ..types import OpenStrEnum


class MetadatumType(OpenStrEnum):
    PATIENT = "patient"
    PRACTITIONER = "practitioner"
    STAFF = "staff"
    TREATMENT_PLAN = "treatment_plan"

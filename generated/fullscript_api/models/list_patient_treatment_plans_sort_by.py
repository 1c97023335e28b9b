from ..types import OpenStrEnum


class ListPatientTreatmentPlansSortBy(OpenStrEnum):
    CREATED_AT = "created_at"
    UPDATED_AT = "updated_at"

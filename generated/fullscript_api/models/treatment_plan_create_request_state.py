from ..types import OpenStrEnum


class TreatmentPlanCreateRequestState(OpenStrEnum):
    ACTIVE = "active"
    DRAFT = "draft"

from ..types import OpenStrEnum


class TreatmentPlanState(OpenStrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    DRAFT = "draft"

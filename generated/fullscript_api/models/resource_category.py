from ..types import OpenStrEnum


class ResourceCategory(OpenStrEnum):
    HEALTH_CONDITIONS = "Health conditions"
    LIFESTYLE = "Lifestyle"
    NUTRITION = "Nutrition"
    PHYSICAL_ACTIVITY = "Physical activity"
    SUPPLEMENTS = "Supplements"

from enum import StrEnum


class ResourceCategory(StrEnum):
    HEALTH_CONDITIONS = "Health conditions"
    LIFESTYLE = "Lifestyle"
    NUTRITION = "Nutrition"
    PHYSICAL_ACTIVITY = "Physical activity"
    SUPPLEMENTS = "Supplements"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ResourceType(StrEnum):
    GUIDE = "Guide"
    HANDOUT = "Handout"
    INFOGRAPHIC = "Infographic"
    MEAL_PLAN = "Meal plan"
    WORKBOOK = "Workbook"

    def __str__(self) -> str:
        return str(self.value)

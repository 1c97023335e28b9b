from ..types import OpenStrEnum


class ResourceType(OpenStrEnum):
    GUIDE = "Guide"
    HANDOUT = "Handout"
    INFOGRAPHIC = "Infographic"
    MEAL_PLAN = "Meal plan"
    WORKBOOK = "Workbook"

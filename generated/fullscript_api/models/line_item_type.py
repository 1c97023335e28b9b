from ..types import OpenStrEnum


class LineItemType(OpenStrEnum):
    LABS = "labs"
    SUPPLEMENT = "supplement"

from ..types import OpenStrEnum


class ListOrdersType(OpenStrEnum):
    LABS = "labs"
    SUPPLEMENT = "supplement"

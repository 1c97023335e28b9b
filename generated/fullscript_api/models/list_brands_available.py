from ..types import OpenStrEnum


class ListBrandsAvailable(OpenStrEnum):
    TRUE = "true"

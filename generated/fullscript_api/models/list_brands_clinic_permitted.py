from ..types import OpenStrEnum


class ListBrandsClinicPermitted(OpenStrEnum):
    TRUE = "true"

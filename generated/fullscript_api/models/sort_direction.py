from ..types import OpenStrEnum


class SortDirection(OpenStrEnum):
    ASC = "ASC"
    DESC = "DESC"

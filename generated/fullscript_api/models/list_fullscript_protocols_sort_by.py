from ..types import OpenStrEnum


class ListFullscriptProtocolsSortBy(OpenStrEnum):
    NAME = "name"

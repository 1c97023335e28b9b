from ..types import OpenStrEnum


class ListPractitionerProtocolsSortBy(OpenStrEnum):
    CURRENT_STATE = "current_state"
    NAME = "name"

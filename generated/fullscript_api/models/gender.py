from ..types import OpenStrEnum


class Gender(OpenStrEnum):
    FEMALE = "female"
    MALE = "male"
    X = "x"

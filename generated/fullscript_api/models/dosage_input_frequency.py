from ..types import OpenStrEnum


class DosageInputFrequency(OpenStrEnum):
    EVERY_MORNING = "every morning"
    EVERY_NIGHT = "every night"
    FOUR_TIMES_PER_DAY = "four times per day"
    ONCE_PER_DAY = "once per day"
    THREE_TIMES_PER_DAY = "three times per day"
    TWICE_PER_DAY = "twice per day"

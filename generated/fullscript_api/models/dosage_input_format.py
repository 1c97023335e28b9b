from enum import StrEnum


class DosageInputFormat(StrEnum):
    CAPSULE = "capsule"
    CHEWABLE = "chewable"
    DROPS = "drops"
    GEL = "gel"
    LIQUID = "liquid"
    LOZENGE = "lozenge"
    PACKET = "packet"
    PELLET = "pellet"
    POWDER = "powder"
    STRIP = "strip"
    SUPPOSITORY = "suppository"
    TABLET = "tablet"

    def __str__(self) -> str:
        return str(self.value)

from ..types import OpenStrEnum


class DosageInputFormat(OpenStrEnum):
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

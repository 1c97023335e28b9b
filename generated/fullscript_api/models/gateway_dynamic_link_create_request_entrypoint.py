from enum import StrEnum


class GatewayDynamicLinkCreateRequestEntrypoint(StrEnum):
    CATALOG = "catalog"
    LABS = "labs"

    def __str__(self) -> str:
        return str(self.value)

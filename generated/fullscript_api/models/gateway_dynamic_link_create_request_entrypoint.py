from ..types import OpenStrEnum


class GatewayDynamicLinkCreateRequestEntrypoint(OpenStrEnum):
    CATALOG = "catalog"
    LABS = "labs"

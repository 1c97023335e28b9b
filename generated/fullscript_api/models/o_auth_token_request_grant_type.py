from ..types import OpenStrEnum


class OAuthTokenRequestGrantType(OpenStrEnum):
    AUTHORIZATION_CODE = "authorization_code"
    REFRESH_TOKEN = "refresh_token"

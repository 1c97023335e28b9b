from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.o_auth_token import OAuthToken


T = TypeVar("T", bound="CreateOauthTokenResponse200")


@_attrs_define
class CreateOauthTokenResponse200:
    """
    Attributes:
        oauth (OAuthToken): An access token and the refresh token that renews it.
    """

    oauth: OAuthToken
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        oauth = self.oauth.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "oauth": oauth,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.o_auth_token import OAuthToken

        d = dict(src_dict)
        oauth = OAuthToken.from_dict(d.pop("oauth"))

        create_oauth_token_response_200 = cls(
            oauth=oauth,
        )

        create_oauth_token_response_200.additional_properties = d
        return create_oauth_token_response_200

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

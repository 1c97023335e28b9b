from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="CreateOauthTokenResponse200")


@_attrs_define
class CreateOauthTokenResponse200:
    """
    Attributes:
        oauth (OAuthToken): An access token and the refresh token that renews it. Example: {'access_token': 'example-
            access-token', 'token_type': 'Bearer', 'expires_in': 7200, 'refresh_token': 'example-refresh-token', 'scope':
            'catalog:read clinic:read patients:read', 'created_at': '2026-01-15T14:00:00.000Z', 'resource_owner': {'id':
            'c2a7d3f4-1e5b-4a6c-8d9e-0f1a2b3c4d5f', 'type': 'Practitioner'}}.
    """

    oauth: OAuthToken
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.oauth is not UNSET:
            field_dict["oauth"] = to_json(self.oauth)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _oauth = d.pop("oauth", UNSET)
        if isinstance(_oauth, dict):
            _oauth = OAuthToken.from_dict(_oauth)
        else:
            _oauth = deviation("CreateOauthTokenResponse200.oauth", "OAuthToken", _oauth)

        create_oauth_token_response_200 = cls(
            oauth=_oauth,
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


# Imported last, once: these models may import this one in turn (see the template).
from ..models.o_auth_token import OAuthToken

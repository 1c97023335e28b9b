from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation, to_json

T = TypeVar("T", bound="OAuthToken")


@_attrs_define
class OAuthToken:
    """An access token and the refresh token that renews it.

    Example:
        {'access_token': 'example-access-token', 'token_type': 'Bearer', 'expires_in': 7200, 'refresh_token': 'example-
            refresh-token', 'scope': 'catalog:read clinic:read patients:read', 'created_at': '2026-01-15T14:00:00.000Z',
            'resource_owner': {'id': 'c2a7d3f4-1e5b-4a6c-8d9e-0f1a2b3c4d5f', 'type': 'Practitioner'}}

    Attributes:
        access_token (str | Unset): Bearer token for API calls; secret.
        token_type (str | Unset): Always `Bearer`.
        expires_in (int | str | Unset): Lifetime in seconds from `created_at` (7200). The integer in examples, a string
            in the 2021 schema; both are accepted.
        refresh_token (str | Unset): Token that renews the access token; replaced by a new one on every refresh. Secret.
        scope (str | Unset): Space-separated scopes granted, such as `catalog:read clinic:read`.
        created_at (int | str | Unset): When the token was issued: ISO-8601 in the docs, epoch seconds in some clients;
            both are accepted.
        resource_owner (OAuthResourceOwner | Unset): The Fullscript user who authorised the app.
    """

    access_token: str | Unset = UNSET
    token_type: str | Unset = UNSET
    expires_in: int | str | Unset = UNSET
    refresh_token: str | Unset = UNSET
    scope: str | Unset = UNSET
    created_at: int | str | Unset = UNSET
    resource_owner: OAuthResourceOwner | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.access_token is not UNSET:
            field_dict["access_token"] = self.access_token
        if self.token_type is not UNSET:
            field_dict["token_type"] = self.token_type
        if self.expires_in is not UNSET:
            field_dict["expires_in"] = self.expires_in
        if self.refresh_token is not UNSET:
            field_dict["refresh_token"] = self.refresh_token
        if self.scope is not UNSET:
            field_dict["scope"] = self.scope
        if self.created_at is not UNSET:
            field_dict["created_at"] = self.created_at
        if self.resource_owner is not UNSET:
            field_dict["resource_owner"] = to_json(self.resource_owner)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _access_token = d.pop("access_token", UNSET)
        if not (isinstance(_access_token, str) or _access_token is UNSET):
            _access_token = deviation("OAuthToken.access_token", "a string", _access_token)

        _token_type = d.pop("token_type", UNSET)
        if not (isinstance(_token_type, str) or _token_type is UNSET):
            _token_type = deviation("OAuthToken.token_type", "a string", _token_type)

        _expires_in = d.pop("expires_in", UNSET)
        if not (
            (isinstance(_expires_in, int) and not isinstance(_expires_in, bool))
            or isinstance(_expires_in, str)
            or _expires_in is UNSET
        ):
            _expires_in = deviation("OAuthToken.expires_in", "an integer or a string", _expires_in)

        _refresh_token = d.pop("refresh_token", UNSET)
        if not (isinstance(_refresh_token, str) or _refresh_token is UNSET):
            _refresh_token = deviation("OAuthToken.refresh_token", "a string", _refresh_token)

        _scope = d.pop("scope", UNSET)
        if not (isinstance(_scope, str) or _scope is UNSET):
            _scope = deviation("OAuthToken.scope", "a string", _scope)

        _created_at = d.pop("created_at", UNSET)
        if not (
            isinstance(_created_at, str)
            or (isinstance(_created_at, int) and not isinstance(_created_at, bool))
            or _created_at is UNSET
        ):
            _created_at = deviation("OAuthToken.created_at", "a string or an integer", _created_at)

        _resource_owner = d.pop("resource_owner", UNSET)
        if isinstance(_resource_owner, dict):
            _resource_owner = OAuthResourceOwner.from_dict(_resource_owner)
        elif not (_resource_owner is UNSET):
            _resource_owner = deviation(
                "OAuthToken.resource_owner", "OAuthResourceOwner", _resource_owner
            )

        o_auth_token = cls(
            access_token=_access_token,
            token_type=_token_type,
            expires_in=_expires_in,
            refresh_token=_refresh_token,
            scope=_scope,
            created_at=_created_at,
            resource_owner=_resource_owner,
        )

        o_auth_token.additional_properties = d
        return o_auth_token

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
from ..models.o_auth_resource_owner import OAuthResourceOwner

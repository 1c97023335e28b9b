from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.o_auth_resource_owner import OAuthResourceOwner


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
        access_token = self.access_token

        token_type = self.token_type

        expires_in: int | str | Unset
        if isinstance(self.expires_in, Unset):
            expires_in = UNSET
        else:
            expires_in = self.expires_in

        refresh_token = self.refresh_token

        scope = self.scope

        created_at: int | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        resource_owner: dict[str, Any] | Unset = UNSET
        if not isinstance(self.resource_owner, Unset):
            resource_owner = self.resource_owner.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if access_token is not UNSET:
            field_dict["access_token"] = access_token
        if token_type is not UNSET:
            field_dict["token_type"] = token_type
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if scope is not UNSET:
            field_dict["scope"] = scope
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if resource_owner is not UNSET:
            field_dict["resource_owner"] = resource_owner

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.o_auth_resource_owner import OAuthResourceOwner

        d = dict(src_dict)
        access_token = d.pop("access_token", UNSET)

        token_type = d.pop("token_type", UNSET)

        def _parse_expires_in(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        expires_in = _parse_expires_in(d.pop("expires_in", UNSET))

        refresh_token = d.pop("refresh_token", UNSET)

        scope = d.pop("scope", UNSET)

        def _parse_created_at(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        _resource_owner = d.pop("resource_owner", UNSET)
        resource_owner: OAuthResourceOwner | Unset
        if isinstance(_resource_owner, Unset):
            resource_owner = UNSET
        else:
            resource_owner = OAuthResourceOwner.from_dict(_resource_owner)

        o_auth_token = cls(
            access_token=access_token,
            token_type=token_type,
            expires_in=expires_in,
            refresh_token=refresh_token,
            scope=scope,
            created_at=created_at,
            resource_owner=resource_owner,
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

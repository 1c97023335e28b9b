from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_grant_user import SessionGrantUser


T = TypeVar("T", bound="SessionGrant")


@_attrs_define
class SessionGrant:
    """Single-use secret that signs a user in to a Fullscript Embed feature; valid 120 seconds.

    Example:
        {'id': '6e7f8a9b-0c1d-4e2f-a3b4-c5d6e7f8a9b0', 'secret_token': 'example-secret-token', 'claimed_at': None,
            'expires_at': '2026-01-15T14:04:11.000Z', 'user': {'type': 'Practitioner', 'id':
            'c2a7d3f4-1e5b-4a6c-8d9e-0f1a2b3c4d5f'}}

    Attributes:
        id (str): Identifier of the session grant.
        secret_token (str | Unset): Secret to hand to the Embed feature; treat like a password.
        claimed_at (None | str | Unset): When the grant was used; null until then.
        expires_at (str | Unset): When the grant expires (120 s after creation).
        user (SessionGrantUser | Unset): The Fullscript user a session grant signs in.
    """

    id: str
    secret_token: str | Unset = UNSET
    claimed_at: None | str | Unset = UNSET
    expires_at: str | Unset = UNSET
    user: SessionGrantUser | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        secret_token = self.secret_token

        claimed_at: None | str | Unset
        if isinstance(self.claimed_at, Unset):
            claimed_at = UNSET
        else:
            claimed_at = self.claimed_at

        expires_at = self.expires_at

        user: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user, Unset):
            user = self.user.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if secret_token is not UNSET:
            field_dict["secret_token"] = secret_token
        if claimed_at is not UNSET:
            field_dict["claimed_at"] = claimed_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.session_grant_user import SessionGrantUser

        d = dict(src_dict)
        id = d.pop("id")

        secret_token = d.pop("secret_token", UNSET)

        def _parse_claimed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        claimed_at = _parse_claimed_at(d.pop("claimed_at", UNSET))

        expires_at = d.pop("expires_at", UNSET)

        _user = d.pop("user", UNSET)
        user: SessionGrantUser | Unset
        if isinstance(_user, Unset):
            user = UNSET
        else:
            user = SessionGrantUser.from_dict(_user)

        session_grant = cls(
            id=id,
            secret_token=secret_token,
            claimed_at=claimed_at,
            expires_at=expires_at,
            user=user,
        )

        session_grant.additional_properties = d
        return session_grant

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation, to_json

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
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.secret_token is not UNSET:
            field_dict["secret_token"] = self.secret_token
        if self.claimed_at is not UNSET:
            field_dict["claimed_at"] = self.claimed_at
        if self.expires_at is not UNSET:
            field_dict["expires_at"] = self.expires_at
        if self.user is not UNSET:
            field_dict["user"] = to_json(self.user)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("SessionGrant.id", "a string", _id)

        _secret_token = d.pop("secret_token", UNSET)
        if not (isinstance(_secret_token, str) or _secret_token is UNSET):
            _secret_token = deviation("SessionGrant.secret_token", "a string", _secret_token)

        _claimed_at = d.pop("claimed_at", UNSET)
        if not (isinstance(_claimed_at, str) or _claimed_at is UNSET or _claimed_at is None):
            _claimed_at = deviation("SessionGrant.claimed_at", "a string or null", _claimed_at)

        _expires_at = d.pop("expires_at", UNSET)
        if not (isinstance(_expires_at, str) or _expires_at is UNSET):
            _expires_at = deviation("SessionGrant.expires_at", "a string", _expires_at)

        _user = d.pop("user", UNSET)
        if isinstance(_user, dict):
            _user = SessionGrantUser.from_dict(_user)
        elif not (_user is UNSET):
            _user = deviation("SessionGrant.user", "SessionGrantUser", _user)

        session_grant = cls(
            id=_id,
            secret_token=_secret_token,
            claimed_at=_claimed_at,
            expires_at=_expires_at,
            user=_user,
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


# Imported last, once: these models may import this one in turn (see the template).
from ..models.session_grant_user import SessionGrantUser

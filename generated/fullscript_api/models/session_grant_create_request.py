from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_grant_create_request_user_type import SessionGrantCreateRequestUserType
from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionGrantCreateRequest")


@_attrs_define
class SessionGrantCreateRequest:
    """Which user the session grant is for. Only needed with clinic-level OAuth; role-based tokens already name the user.

    Attributes:
        user_id (str | Unset): Fullscript identifier of the user.
        user_type (SessionGrantCreateRequestUserType | Unset): Kind of user.
    """

    user_id: str | Unset = UNSET
    user_type: SessionGrantCreateRequestUserType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        user_type: str | Unset = UNSET
        if not isinstance(self.user_type, Unset):
            user_type = self.user_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if user_type is not UNSET:
            field_dict["user_type"] = user_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = d.pop("user_id", UNSET)

        _user_type = d.pop("user_type", UNSET)
        user_type: SessionGrantCreateRequestUserType | Unset
        if isinstance(_user_type, Unset):
            user_type = UNSET
        else:
            user_type = SessionGrantCreateRequestUserType(_user_type)

        session_grant_create_request = cls(
            user_id=user_id,
            user_type=user_type,
        )

        session_grant_create_request.additional_properties = d
        return session_grant_create_request

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

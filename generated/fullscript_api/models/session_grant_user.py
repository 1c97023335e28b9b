from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_grant_user_type import SessionGrantUserType
from ..types import UNSET, Unset, deviation, to_json, unknown_enum_value

T = TypeVar("T", bound="SessionGrantUser")


@_attrs_define
class SessionGrantUser:
    """The Fullscript user a session grant signs in.

    Attributes:
        id (str | Unset): Fullscript identifier of the user.
        type_ (SessionGrantUserType | Unset): Kind of user.
    """

    id: str | Unset = UNSET
    type_: SessionGrantUserType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.type_ is not UNSET:
            field_dict["type"] = to_json(self.type_)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not (isinstance(_id, str) or _id is UNSET):
            _id = deviation("SessionGrantUser.id", "a string", _id)

        _type_ = d.pop("type", UNSET)
        if isinstance(_type_, str):
            if _type_ in SessionGrantUserType._value2member_map_:
                _type_ = SessionGrantUserType._value2member_map_[_type_]
            else:
                _type_ = unknown_enum_value(SessionGrantUserType, _type_, "SessionGrantUser.type")
        elif not (_type_ is UNSET):
            _type_ = deviation("SessionGrantUser.type", "SessionGrantUserType", _type_)

        session_grant_user = cls(
            id=_id,
            type_=_type_,
        )

        session_grant_user.additional_properties = d
        return session_grant_user

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

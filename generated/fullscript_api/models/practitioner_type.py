from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation

T = TypeVar("T", bound="PractitionerType")


@_attrs_define
class PractitionerType:
    """A kind of practitioner (e.g. naturopathic doctor).

    Attributes:
        id (str): Fullscript identifier of the practitioner type.
        code (str | Unset): Short code, such as `ND`.
        description (str | Unset): Full name of the type.
    """

    id: str
    code: str | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.code is not UNSET:
            field_dict["code"] = self.code
        if self.description is not UNSET:
            field_dict["description"] = self.description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("PractitionerType.id", "a string", _id)

        _code = d.pop("code", UNSET)
        if not (isinstance(_code, str) or _code is UNSET):
            _code = deviation("PractitionerType.code", "a string", _code)

        _description = d.pop("description", UNSET)
        if not (isinstance(_description, str) or _description is UNSET):
            _description = deviation("PractitionerType.description", "a string", _description)

        practitioner_type = cls(
            id=_id,
            code=_code,
            description=_description,
        )

        practitioner_type.additional_properties = d
        return practitioner_type

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

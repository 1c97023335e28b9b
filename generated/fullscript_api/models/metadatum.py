from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.metadatum_type import MetadatumType
from ..types import UNSET, Unset, deviation, to_json, unknown_enum_value

T = TypeVar("T", bound="Metadatum")


@_attrs_define
class Metadatum:
    """A Fullscript object found by the identifier from your system.

    Attributes:
        id (str | Unset): Your system's identifier.
        type_ (MetadatumType | Unset): Kind of object found.
        data (MetadatumData | Unset): The object itself: a patient, practitioner, staff member or treatment plan,
            depending on `type`.
    """

    id: str | Unset = UNSET
    type_: MetadatumType | Unset = UNSET
    data: MetadatumData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.type_ is not UNSET:
            field_dict["type"] = to_json(self.type_)
        if self.data is not UNSET:
            field_dict["data"] = to_json(self.data)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not (isinstance(_id, str) or _id is UNSET):
            _id = deviation("Metadatum.id", "a string", _id)

        _type_ = d.pop("type", UNSET)
        if isinstance(_type_, str):
            if _type_ in MetadatumType._value2member_map_:
                _type_ = MetadatumType._value2member_map_[_type_]
            else:
                _type_ = unknown_enum_value(MetadatumType, _type_, "Metadatum.type")
        elif not (_type_ is UNSET):
            _type_ = deviation("Metadatum.type", "MetadatumType", _type_)

        _data = d.pop("data", UNSET)
        if isinstance(_data, dict):
            _data = MetadatumData.from_dict(_data)
        elif not (_data is UNSET):
            _data = deviation("Metadatum.data", "MetadatumData", _data)

        metadatum = cls(
            id=_id,
            type_=_type_,
            data=_data,
        )

        metadatum.additional_properties = d
        return metadatum

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
from ..models.metadatum_data import MetadatumData

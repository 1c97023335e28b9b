from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation

T = TypeVar("T", bound="FullscriptResource")


@_attrs_define
class FullscriptResource:
    """A resource published by Fullscript for every practitioner.

    Attributes:
        id (str): Fullscript identifier of the resource.
        name (str | Unset): Name of the resource.
        type_ (None | str | Unset): Kind of resource, such as `Guide` or `Handout`.
        category (None | str | Unset): Subject of the resource, such as `Nutrition`.
        attachment_url (None | str | Unset): Address of the file.
    """

    id: str
    name: str | Unset = UNSET
    type_: None | str | Unset = UNSET
    category: None | str | Unset = UNSET
    attachment_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.name is not UNSET:
            field_dict["name"] = self.name
        if self.type_ is not UNSET:
            field_dict["type"] = self.type_
        if self.category is not UNSET:
            field_dict["category"] = self.category
        if self.attachment_url is not UNSET:
            field_dict["attachment_url"] = self.attachment_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("FullscriptResource.id", "a string", _id)

        _name = d.pop("name", UNSET)
        if not (isinstance(_name, str) or _name is UNSET):
            _name = deviation("FullscriptResource.name", "a string", _name)

        _type_ = d.pop("type", UNSET)
        if not (isinstance(_type_, str) or _type_ is UNSET or _type_ is None):
            _type_ = deviation("FullscriptResource.type", "a string or null", _type_)

        _category = d.pop("category", UNSET)
        if not (isinstance(_category, str) or _category is UNSET or _category is None):
            _category = deviation("FullscriptResource.category", "a string or null", _category)

        _attachment_url = d.pop("attachment_url", UNSET)
        if not (
            isinstance(_attachment_url, str) or _attachment_url is UNSET or _attachment_url is None
        ):
            _attachment_url = deviation(
                "FullscriptResource.attachment_url", "a string or null", _attachment_url
            )

        fullscript_resource = cls(
            id=_id,
            name=_name,
            type_=_type_,
            category=_category,
            attachment_url=_attachment_url,
        )

        fullscript_resource.additional_properties = d
        return fullscript_resource

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

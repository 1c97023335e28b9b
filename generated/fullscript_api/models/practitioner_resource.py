from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.resource_category import ResourceCategory
from ..models.resource_type import ResourceType
from ..types import UNSET, Unset, deviation, to_json, unknown_enum_value

T = TypeVar("T", bound="PractitionerResource")


@_attrs_define
class PractitionerResource:
    """A file (guide, handout...) a practitioner can attach to treatment plans.

    Attributes:
        id (str): Fullscript identifier of the resource.
        name (str | Unset): Name of the resource.
        type_ (None | ResourceType | Unset): Kind of resource.
        category (None | ResourceCategory | Unset): Subject of the resource.
        save_to_library (bool | Unset): Whether the resource is kept in the practitioner's library.
        treatment_plan_id (None | str | Unset): Treatment plan the resource was attached to, if any.
        attachment_url (None | str | Unset): Address of the uploaded file.
        created_at (None | str | Unset): Creation time.
        updated_at (None | str | Unset): Last change time.
    """

    id: str
    name: str | Unset = UNSET
    type_: None | ResourceType | Unset = UNSET
    category: None | ResourceCategory | Unset = UNSET
    save_to_library: bool | Unset = UNSET
    treatment_plan_id: None | str | Unset = UNSET
    attachment_url: None | str | Unset = UNSET
    created_at: None | str | Unset = UNSET
    updated_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.name is not UNSET:
            field_dict["name"] = self.name
        if self.type_ is not UNSET:
            field_dict["type"] = to_json(self.type_)
        if self.category is not UNSET:
            field_dict["category"] = to_json(self.category)
        if self.save_to_library is not UNSET:
            field_dict["save_to_library"] = self.save_to_library
        if self.treatment_plan_id is not UNSET:
            field_dict["treatment_plan_id"] = self.treatment_plan_id
        if self.attachment_url is not UNSET:
            field_dict["attachment_url"] = self.attachment_url
        if self.created_at is not UNSET:
            field_dict["created_at"] = self.created_at
        if self.updated_at is not UNSET:
            field_dict["updated_at"] = self.updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("PractitionerResource.id", "a string", _id)

        _name = d.pop("name", UNSET)
        if not (isinstance(_name, str) or _name is UNSET):
            _name = deviation("PractitionerResource.name", "a string", _name)

        _type_ = d.pop("type", UNSET)
        if isinstance(_type_, str):
            if _type_ in ResourceType._value2member_map_:
                _type_ = ResourceType._value2member_map_[_type_]
            else:
                _type_ = unknown_enum_value(ResourceType, _type_, "PractitionerResource.type")
        elif not (_type_ is UNSET or _type_ is None):
            _type_ = deviation("PractitionerResource.type", "null or ResourceType", _type_)

        _category = d.pop("category", UNSET)
        if isinstance(_category, str):
            if _category in ResourceCategory._value2member_map_:
                _category = ResourceCategory._value2member_map_[_category]
            else:
                _category = unknown_enum_value(
                    ResourceCategory, _category, "PractitionerResource.category"
                )
        elif not (_category is UNSET or _category is None):
            _category = deviation(
                "PractitionerResource.category", "null or ResourceCategory", _category
            )

        _save_to_library = d.pop("save_to_library", UNSET)
        if not (isinstance(_save_to_library, bool) or _save_to_library is UNSET):
            _save_to_library = deviation(
                "PractitionerResource.save_to_library", "a boolean", _save_to_library
            )

        _treatment_plan_id = d.pop("treatment_plan_id", UNSET)
        if not (
            isinstance(_treatment_plan_id, str)
            or _treatment_plan_id is UNSET
            or _treatment_plan_id is None
        ):
            _treatment_plan_id = deviation(
                "PractitionerResource.treatment_plan_id", "a string or null", _treatment_plan_id
            )

        _attachment_url = d.pop("attachment_url", UNSET)
        if not (
            isinstance(_attachment_url, str) or _attachment_url is UNSET or _attachment_url is None
        ):
            _attachment_url = deviation(
                "PractitionerResource.attachment_url", "a string or null", _attachment_url
            )

        _created_at = d.pop("created_at", UNSET)
        if not (isinstance(_created_at, str) or _created_at is UNSET or _created_at is None):
            _created_at = deviation(
                "PractitionerResource.created_at", "a string or null", _created_at
            )

        _updated_at = d.pop("updated_at", UNSET)
        if not (isinstance(_updated_at, str) or _updated_at is UNSET or _updated_at is None):
            _updated_at = deviation(
                "PractitionerResource.updated_at", "a string or null", _updated_at
            )

        practitioner_resource = cls(
            id=_id,
            name=_name,
            type_=_type_,
            category=_category,
            save_to_library=_save_to_library,
            treatment_plan_id=_treatment_plan_id,
            attachment_url=_attachment_url,
            created_at=_created_at,
            updated_at=_updated_at,
        )

        practitioner_resource.additional_properties = d
        return practitioner_resource

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

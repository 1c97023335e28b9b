from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.resource_category import ResourceCategory
from ..models.resource_type import ResourceType
from ..types import UNSET, Unset

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
        id = self.id

        name = self.name

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, ResourceType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, ResourceCategory):
            category = self.category.value
        else:
            category = self.category

        save_to_library = self.save_to_library

        treatment_plan_id: None | str | Unset
        if isinstance(self.treatment_plan_id, Unset):
            treatment_plan_id = UNSET
        else:
            treatment_plan_id = self.treatment_plan_id

        attachment_url: None | str | Unset
        if isinstance(self.attachment_url, Unset):
            attachment_url = UNSET
        else:
            attachment_url = self.attachment_url

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if category is not UNSET:
            field_dict["category"] = category
        if save_to_library is not UNSET:
            field_dict["save_to_library"] = save_to_library
        if treatment_plan_id is not UNSET:
            field_dict["treatment_plan_id"] = treatment_plan_id
        if attachment_url is not UNSET:
            field_dict["attachment_url"] = attachment_url
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        def _parse_type_(data: object) -> None | ResourceType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_1 = ResourceType(data)

                return type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResourceType | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_category(data: object) -> None | ResourceCategory | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_1 = ResourceCategory(data)

                return category_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResourceCategory | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        save_to_library = d.pop("save_to_library", UNSET)

        def _parse_treatment_plan_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        treatment_plan_id = _parse_treatment_plan_id(d.pop("treatment_plan_id", UNSET))

        def _parse_attachment_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        attachment_url = _parse_attachment_url(d.pop("attachment_url", UNSET))

        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        practitioner_resource = cls(
            id=id,
            name=name,
            type_=type_,
            category=category,
            save_to_library=save_to_library,
            treatment_plan_id=treatment_plan_id,
            attachment_url=attachment_url,
            created_at=created_at,
            updated_at=updated_at,
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

from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.resource_category import ResourceCategory
from ..models.resource_type import ResourceType
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="PractitionerResourceCreateRequest")


@_attrs_define
class PractitionerResourceCreateRequest:
    """A file to add to the practitioner's resources.

    Attributes:
        name (str): Name of the resource.
        attachment (File): The file: jpg, jpeg, png, pdf, doc, xlsx or pptx.
        save_to_library (bool): Whether to keep the resource in the library.
        type_ (ResourceType | Unset): Kind of practitioner resource.
        category (ResourceCategory | Unset): Subject of a practitioner resource.
        treatment_plan_id (str | Unset): Treatment plan to attach the resource to.
    """

    name: str
    attachment: File
    save_to_library: bool
    type_: ResourceType | Unset = UNSET
    category: ResourceCategory | Unset = UNSET
    treatment_plan_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        attachment = self.attachment.to_tuple()

        save_to_library = self.save_to_library

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category.value

        treatment_plan_id = self.treatment_plan_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "attachment": attachment,
                "save_to_library": save_to_library,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if category is not UNSET:
            field_dict["category"] = category
        if treatment_plan_id is not UNSET:
            field_dict["treatment_plan_id"] = treatment_plan_id

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("name", (None, str(self.name).encode(), "text/plain")))

        files.append(("attachment", self.attachment.to_tuple()))

        files.append(("save_to_library", (None, str(self.save_to_library).encode(), "text/plain")))

        if not isinstance(self.type_, Unset):
            files.append(("type", (None, str(self.type_.value).encode(), "text/plain")))

        if not isinstance(self.category, Unset):
            files.append(("category", (None, str(self.category.value).encode(), "text/plain")))

        if not isinstance(self.treatment_plan_id, Unset):
            files.append(
                ("treatment_plan_id", (None, str(self.treatment_plan_id).encode(), "text/plain"))
            )

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        attachment = File(payload=BytesIO(d.pop("attachment")))

        save_to_library = d.pop("save_to_library")

        _type_ = d.pop("type", UNSET)
        type_: ResourceType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = ResourceType(_type_)

        _category = d.pop("category", UNSET)
        category: ResourceCategory | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = ResourceCategory(_category)

        treatment_plan_id = d.pop("treatment_plan_id", UNSET)

        practitioner_resource_create_request = cls(
            name=name,
            attachment=attachment,
            save_to_library=save_to_library,
            type_=type_,
            category=category,
            treatment_plan_id=treatment_plan_id,
        )

        practitioner_resource_create_request.additional_properties = d
        return practitioner_resource_create_request

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

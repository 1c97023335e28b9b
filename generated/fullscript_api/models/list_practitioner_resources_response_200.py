from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pagination_meta import PaginationMeta
    from ..models.practitioner_resource import PractitionerResource


T = TypeVar("T", bound="ListPractitionerResourcesResponse200")


@_attrs_define
class ListPractitionerResourcesResponse200:
    """
    Attributes:
        resources (list[PractitionerResource]):
        meta (PaginationMeta | Unset): Position of this page within the whole collection. Example: {'current_page': 2,
            'next_page': 3, 'prev_page': 1, 'total_pages': 5, 'total_count': 93}.
    """

    resources: list[PractitionerResource]
    meta: PaginationMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resources = []
        for resources_item_data in self.resources:
            resources_item = resources_item_data.to_dict()
            resources.append(resources_item)

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resources": resources,
            }
        )
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pagination_meta import PaginationMeta
        from ..models.practitioner_resource import PractitionerResource

        d = dict(src_dict)
        resources = []
        _resources = d.pop("resources")
        for resources_item_data in _resources:
            resources_item = PractitionerResource.from_dict(resources_item_data)

            resources.append(resources_item)

        _meta = d.pop("meta", UNSET)
        meta: PaginationMeta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = PaginationMeta.from_dict(_meta)

        list_practitioner_resources_response_200 = cls(
            resources=resources,
            meta=meta,
        )

        list_practitioner_resources_response_200.additional_properties = d
        return list_practitioner_resources_response_200

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

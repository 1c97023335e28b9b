from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadatum import Metadatum
    from ..models.pagination_meta import PaginationMeta


T = TypeVar("T", bound="FindMetadataObjectsResponse200")


@_attrs_define
class FindMetadataObjectsResponse200:
    """
    Attributes:
        metadata (list[Metadatum]):
        meta (PaginationMeta | Unset): Position of this page within the whole collection. Example: {'current_page': 2,
            'next_page': 3, 'prev_page': 1, 'total_pages': 5, 'total_count': 93}.
    """

    metadata: list[Metadatum]
    meta: PaginationMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metadata = []
        for metadata_item_data in self.metadata:
            metadata_item = metadata_item_data.to_dict()
            metadata.append(metadata_item)

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metadata": metadata,
            }
        )
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metadatum import Metadatum
        from ..models.pagination_meta import PaginationMeta

        d = dict(src_dict)
        metadata = []
        _metadata = d.pop("metadata")
        for metadata_item_data in _metadata:
            metadata_item = Metadatum.from_dict(metadata_item_data)

            metadata.append(metadata_item)

        _meta = d.pop("meta", UNSET)
        meta: PaginationMeta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = PaginationMeta.from_dict(_meta)

        find_metadata_objects_response_200 = cls(
            metadata=metadata,
            meta=meta,
        )

        find_metadata_objects_response_200.additional_properties = d
        return find_metadata_objects_response_200

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

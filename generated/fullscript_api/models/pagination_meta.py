from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation

T = TypeVar("T", bound="PaginationMeta")


@_attrs_define
class PaginationMeta:
    """Position of this page within the whole collection.

    Example:
        {'current_page': 2, 'next_page': 3, 'prev_page': 1, 'total_pages': 5, 'total_count': 93}

    Attributes:
        current_page (int | Unset): Number of the page returned (1-based).
        next_page (int | None | Unset): Number of the following page, or null on the last page.
        prev_page (int | None | Unset): Number of the preceding page, or null on the first page.
        total_pages (int | Unset): How many pages the collection spans at this page size.
        total_count (int | Unset): How many records the collection holds in total.
    """

    current_page: int | Unset = UNSET
    next_page: int | None | Unset = UNSET
    prev_page: int | None | Unset = UNSET
    total_pages: int | Unset = UNSET
    total_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.current_page is not UNSET:
            field_dict["current_page"] = self.current_page
        if self.next_page is not UNSET:
            field_dict["next_page"] = self.next_page
        if self.prev_page is not UNSET:
            field_dict["prev_page"] = self.prev_page
        if self.total_pages is not UNSET:
            field_dict["total_pages"] = self.total_pages
        if self.total_count is not UNSET:
            field_dict["total_count"] = self.total_count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _current_page = d.pop("current_page", UNSET)
        if not (
            (isinstance(_current_page, int) and not isinstance(_current_page, bool))
            or _current_page is UNSET
        ):
            _current_page = deviation("PaginationMeta.current_page", "an integer", _current_page)

        _next_page = d.pop("next_page", UNSET)
        if not (
            (isinstance(_next_page, int) and not isinstance(_next_page, bool))
            or _next_page is UNSET
            or _next_page is None
        ):
            _next_page = deviation("PaginationMeta.next_page", "an integer or null", _next_page)

        _prev_page = d.pop("prev_page", UNSET)
        if not (
            (isinstance(_prev_page, int) and not isinstance(_prev_page, bool))
            or _prev_page is UNSET
            or _prev_page is None
        ):
            _prev_page = deviation("PaginationMeta.prev_page", "an integer or null", _prev_page)

        _total_pages = d.pop("total_pages", UNSET)
        if not (
            (isinstance(_total_pages, int) and not isinstance(_total_pages, bool))
            or _total_pages is UNSET
        ):
            _total_pages = deviation("PaginationMeta.total_pages", "an integer", _total_pages)

        _total_count = d.pop("total_count", UNSET)
        if not (
            (isinstance(_total_count, int) and not isinstance(_total_count, bool))
            or _total_count is UNSET
        ):
            _total_count = deviation("PaginationMeta.total_count", "an integer", _total_count)

        pagination_meta = cls(
            current_page=_current_page,
            next_page=_next_page,
            prev_page=_prev_page,
            total_pages=_total_pages,
            total_count=_total_count,
        )

        pagination_meta.additional_properties = d
        return pagination_meta

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

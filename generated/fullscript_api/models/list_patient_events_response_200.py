from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation, to_json

T = TypeVar("T", bound="ListPatientEventsResponse200")


@_attrs_define
class ListPatientEventsResponse200:
    """
    Attributes:
        events (list[Event]):
        meta (PaginationMeta | Unset): Position of this page within the whole collection. Example: {'current_page': 2,
            'next_page': 3, 'prev_page': 1, 'total_pages': 5, 'total_count': 93}.
    """

    events: list[Event]
    meta: PaginationMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.events is not UNSET:
            field_dict["events"] = to_json(self.events)
        if self.meta is not UNSET:
            field_dict["meta"] = to_json(self.meta)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _events = d.pop("events", UNSET)
        if isinstance(_events, list):
            _items1 = []
            for _each1 in _events:
                if isinstance(_each1, dict):
                    _each1 = Event.from_dict(_each1)
                else:
                    _each1 = deviation("ListPatientEventsResponse200.events[]", "Event", _each1)
                _items1.append(_each1)
            _events = _items1
        else:
            _events = deviation("ListPatientEventsResponse200.events", "an array", _events)

        _meta = d.pop("meta", UNSET)
        if isinstance(_meta, dict):
            _meta = PaginationMeta.from_dict(_meta)
        elif not (_meta is UNSET):
            _meta = deviation("ListPatientEventsResponse200.meta", "PaginationMeta", _meta)

        list_patient_events_response_200 = cls(
            events=_events,
            meta=_meta,
        )

        list_patient_events_response_200.additional_properties = d
        return list_patient_events_response_200

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
from ..models.event import Event
from ..models.pagination_meta import PaginationMeta

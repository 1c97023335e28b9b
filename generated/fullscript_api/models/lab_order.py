from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lab_order_status import LabOrderStatus
from ..types import UNSET, Unset, deviation, to_json, unknown_enum_value

T = TypeVar("T", bound="LabOrder")


@_attrs_define
class LabOrder:
    """Lab tests a patient purchased from a treatment plan recommendation.

    Attributes:
        id (str): Fullscript identifier of the lab order.
        practitioner_id (str | Unset): Identifier of the ordering practitioner.
        patient_id (str | Unset): Identifier of the patient.
        status (LabOrderStatus | Unset): Progress of the lab order.
        state (str | Unset): Internal state of the order.
        tests (list[LabTest] | Unset): Tests in the order.
        results (list[LabResult] | Unset): Results received so far.
    """

    id: str
    practitioner_id: str | Unset = UNSET
    patient_id: str | Unset = UNSET
    status: LabOrderStatus | Unset = UNSET
    state: str | Unset = UNSET
    tests: list[LabTest] | Unset = UNSET
    results: list[LabResult] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.practitioner_id is not UNSET:
            field_dict["practitioner_id"] = self.practitioner_id
        if self.patient_id is not UNSET:
            field_dict["patient_id"] = self.patient_id
        if self.status is not UNSET:
            field_dict["status"] = to_json(self.status)
        if self.state is not UNSET:
            field_dict["state"] = self.state
        if self.tests is not UNSET:
            field_dict["tests"] = to_json(self.tests)
        if self.results is not UNSET:
            field_dict["results"] = to_json(self.results)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("LabOrder.id", "a string", _id)

        _practitioner_id = d.pop("practitioner_id", UNSET)
        if not (isinstance(_practitioner_id, str) or _practitioner_id is UNSET):
            _practitioner_id = deviation("LabOrder.practitioner_id", "a string", _practitioner_id)

        _patient_id = d.pop("patient_id", UNSET)
        if not (isinstance(_patient_id, str) or _patient_id is UNSET):
            _patient_id = deviation("LabOrder.patient_id", "a string", _patient_id)

        _status = d.pop("status", UNSET)
        if isinstance(_status, str):
            if _status in LabOrderStatus._value2member_map_:
                _status = LabOrderStatus._value2member_map_[_status]
            else:
                _status = unknown_enum_value(LabOrderStatus, _status, "LabOrder.status")
        elif not (_status is UNSET):
            _status = deviation("LabOrder.status", "LabOrderStatus", _status)

        _state = d.pop("state", UNSET)
        if not (isinstance(_state, str) or _state is UNSET):
            _state = deviation("LabOrder.state", "a string", _state)

        _tests = d.pop("tests", UNSET)
        if isinstance(_tests, list):
            _items1 = []
            for _each1 in _tests:
                if isinstance(_each1, dict):
                    _each1 = LabTest.from_dict(_each1)
                else:
                    _each1 = deviation("LabOrder.tests[]", "LabTest", _each1)
                _items1.append(_each1)
            _tests = _items1
        elif not (_tests is UNSET):
            _tests = deviation("LabOrder.tests", "an array", _tests)

        _results = d.pop("results", UNSET)
        if isinstance(_results, list):
            _items1 = []
            for _each1 in _results:
                if isinstance(_each1, dict):
                    _each1 = LabResult.from_dict(_each1)
                else:
                    _each1 = deviation("LabOrder.results[]", "LabResult", _each1)
                _items1.append(_each1)
            _results = _items1
        elif not (_results is UNSET):
            _results = deviation("LabOrder.results", "an array", _results)

        lab_order = cls(
            id=_id,
            practitioner_id=_practitioner_id,
            patient_id=_patient_id,
            status=_status,
            state=_state,
            tests=_tests,
            results=_results,
        )

        lab_order.additional_properties = d
        return lab_order

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
from ..models.lab_result import LabResult
from ..models.lab_test import LabTest

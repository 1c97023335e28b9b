from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lab_order_status import LabOrderStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lab_result import LabResult
    from ..models.lab_test import LabTest


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
        id = self.id

        practitioner_id = self.practitioner_id

        patient_id = self.patient_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        state = self.state

        tests: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tests, Unset):
            tests = []
            for tests_item_data in self.tests:
                tests_item = tests_item_data.to_dict()
                tests.append(tests_item)

        results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = []
            for results_item_data in self.results:
                results_item = results_item_data.to_dict()
                results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if practitioner_id is not UNSET:
            field_dict["practitioner_id"] = practitioner_id
        if patient_id is not UNSET:
            field_dict["patient_id"] = patient_id
        if status is not UNSET:
            field_dict["status"] = status
        if state is not UNSET:
            field_dict["state"] = state
        if tests is not UNSET:
            field_dict["tests"] = tests
        if results is not UNSET:
            field_dict["results"] = results

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lab_result import LabResult
        from ..models.lab_test import LabTest

        d = dict(src_dict)
        id = d.pop("id")

        practitioner_id = d.pop("practitioner_id", UNSET)

        patient_id = d.pop("patient_id", UNSET)

        _status = d.pop("status", UNSET)
        status: LabOrderStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = LabOrderStatus(_status)

        state = d.pop("state", UNSET)

        _tests = d.pop("tests", UNSET)
        tests: list[LabTest] | Unset = UNSET
        if _tests is not UNSET:
            tests = []
            for tests_item_data in _tests:
                tests_item = LabTest.from_dict(tests_item_data)

                tests.append(tests_item)

        _results = d.pop("results", UNSET)
        results: list[LabResult] | Unset = UNSET
        if _results is not UNSET:
            results = []
            for results_item_data in _results:
                results_item = LabResult.from_dict(results_item_data)

                results.append(results_item)

        lab_order = cls(
            id=id,
            practitioner_id=practitioner_id,
            patient_id=patient_id,
            status=status,
            state=state,
            tests=tests,
            results=results,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.treatment_plan_state import TreatmentPlanState
from ..types import UNSET, Unset, deviation, to_json, unknown_enum_value

T = TypeVar("T", bound="TreatmentPlan")


@_attrs_define
class TreatmentPlan:
    """A treatment plan: the practitioner's prescription of products for a patient.

    Example:
        {'id': '7d4e5f6a-8b9c-4d0e-a1f2-3b4c5d6e7f80', 'state': 'active', 'patient': {'id':
            '5b0f1e52-7c2d-4c4e-9a11-0a6a2b3c4d5e'}, 'practitioner': {'id': 'c2a7d3f4-1e5b-4a6c-8d9e-0f1a2b3c4d5f'},
            'available_at': '2026-01-15', 'created_at': '2026-01-15T14:02:11.000Z', 'updated_at':
            '2026-01-15T14:05:40.000Z', 'invitation_url': 'https://us.fullscript.com/welcome/riverside/8c1f2e',
            'personal_message': 'Start with one capsule and increase after a week.', 'metadata': {'id': 'plan-2231'},
            'recommendations': [{'variant_id': '3f2e1d0c-9b8a-4765-b432-10fedcba9876', 'refill': True, 'units_to_purchase':
            2, 'dosage': {'amount': '1-2', 'frequency': 'twice per day', 'duration': '90', 'format': 'capsule',
            'additional_info': 'with breakfast and dinner', 'time_of_day': ['morning', 'evening'], 'take_with': 'food'}}],
            'resources': [], 'lab_recommendations': []}

    Attributes:
        id (str): Fullscript identifier of the treatment plan.
        state (TreatmentPlanState | Unset): Lifecycle state.
        patient (ObjectReference | Unset): A pointer to another Fullscript object by its identifier.
        practitioner (ObjectReference | Unset): A pointer to another Fullscript object by its identifier.
        patient_id (str | Unset): Identifier of the patient (older representation of `patient.id`).
        practitioner_id (str | Unset): Identifier of the practitioner (older representation of `practitioner.id`).
        available_at (None | str | Unset): When the plan was sent to the patient by email or text; null while a draft.
        created_at (str | Unset): Creation time (UTC).
        updated_at (str | Unset): Last change time (UTC).
        invitation_url (str | Unset): Address where the patient views the plan.
        personal_message (None | str | Unset): Note from the practitioner to the patient.
        metadata (MetadataReference | Unset): The identifier from your own system attached to a Fullscript object.
        recommendations (list[Recommendation] | Unset): Recommended products.
        resources (list[TreatmentPlanResource] | Unset): Resources attached to the plan.
        lab_recommendations (list[LabRecommendation] | Unset): Lab tests recommended on the plan.
    """

    id: str
    state: TreatmentPlanState | Unset = UNSET
    patient: ObjectReference | Unset = UNSET
    practitioner: ObjectReference | Unset = UNSET
    patient_id: str | Unset = UNSET
    practitioner_id: str | Unset = UNSET
    available_at: None | str | Unset = UNSET
    created_at: str | Unset = UNSET
    updated_at: str | Unset = UNSET
    invitation_url: str | Unset = UNSET
    personal_message: None | str | Unset = UNSET
    metadata: MetadataReference | Unset = UNSET
    recommendations: list[Recommendation] | Unset = UNSET
    resources: list[TreatmentPlanResource] | Unset = UNSET
    lab_recommendations: list[LabRecommendation] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.state is not UNSET:
            field_dict["state"] = to_json(self.state)
        if self.patient is not UNSET:
            field_dict["patient"] = to_json(self.patient)
        if self.practitioner is not UNSET:
            field_dict["practitioner"] = to_json(self.practitioner)
        if self.patient_id is not UNSET:
            field_dict["patient_id"] = self.patient_id
        if self.practitioner_id is not UNSET:
            field_dict["practitioner_id"] = self.practitioner_id
        if self.available_at is not UNSET:
            field_dict["available_at"] = self.available_at
        if self.created_at is not UNSET:
            field_dict["created_at"] = self.created_at
        if self.updated_at is not UNSET:
            field_dict["updated_at"] = self.updated_at
        if self.invitation_url is not UNSET:
            field_dict["invitation_url"] = self.invitation_url
        if self.personal_message is not UNSET:
            field_dict["personal_message"] = self.personal_message
        if self.metadata is not UNSET:
            field_dict["metadata"] = to_json(self.metadata)
        if self.recommendations is not UNSET:
            field_dict["recommendations"] = to_json(self.recommendations)
        if self.resources is not UNSET:
            field_dict["resources"] = to_json(self.resources)
        if self.lab_recommendations is not UNSET:
            field_dict["lab_recommendations"] = to_json(self.lab_recommendations)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("TreatmentPlan.id", "a string", _id)

        _state = d.pop("state", UNSET)
        if isinstance(_state, str):
            if _state in TreatmentPlanState._value2member_map_:
                _state = TreatmentPlanState._value2member_map_[_state]
            else:
                _state = unknown_enum_value(TreatmentPlanState, _state, "TreatmentPlan.state")
        elif not (_state is UNSET):
            _state = deviation("TreatmentPlan.state", "TreatmentPlanState", _state)

        _patient = d.pop("patient", UNSET)
        if isinstance(_patient, dict):
            _patient = ObjectReference.from_dict(_patient)
        elif not (_patient is UNSET):
            _patient = deviation("TreatmentPlan.patient", "ObjectReference", _patient)

        _practitioner = d.pop("practitioner", UNSET)
        if isinstance(_practitioner, dict):
            _practitioner = ObjectReference.from_dict(_practitioner)
        elif not (_practitioner is UNSET):
            _practitioner = deviation(
                "TreatmentPlan.practitioner", "ObjectReference", _practitioner
            )

        _patient_id = d.pop("patient_id", UNSET)
        if not (isinstance(_patient_id, str) or _patient_id is UNSET):
            _patient_id = deviation("TreatmentPlan.patient_id", "a string", _patient_id)

        _practitioner_id = d.pop("practitioner_id", UNSET)
        if not (isinstance(_practitioner_id, str) or _practitioner_id is UNSET):
            _practitioner_id = deviation(
                "TreatmentPlan.practitioner_id", "a string", _practitioner_id
            )

        _available_at = d.pop("available_at", UNSET)
        if not (isinstance(_available_at, str) or _available_at is UNSET or _available_at is None):
            _available_at = deviation(
                "TreatmentPlan.available_at", "a string or null", _available_at
            )

        _created_at = d.pop("created_at", UNSET)
        if not (isinstance(_created_at, str) or _created_at is UNSET):
            _created_at = deviation("TreatmentPlan.created_at", "a string", _created_at)

        _updated_at = d.pop("updated_at", UNSET)
        if not (isinstance(_updated_at, str) or _updated_at is UNSET):
            _updated_at = deviation("TreatmentPlan.updated_at", "a string", _updated_at)

        _invitation_url = d.pop("invitation_url", UNSET)
        if not (isinstance(_invitation_url, str) or _invitation_url is UNSET):
            _invitation_url = deviation("TreatmentPlan.invitation_url", "a string", _invitation_url)

        _personal_message = d.pop("personal_message", UNSET)
        if not (
            isinstance(_personal_message, str)
            or _personal_message is UNSET
            or _personal_message is None
        ):
            _personal_message = deviation(
                "TreatmentPlan.personal_message", "a string or null", _personal_message
            )

        _metadata = d.pop("metadata", UNSET)
        if isinstance(_metadata, dict):
            _metadata = MetadataReference.from_dict(_metadata)
        elif not (_metadata is UNSET):
            _metadata = deviation("TreatmentPlan.metadata", "MetadataReference", _metadata)

        _recommendations = d.pop("recommendations", UNSET)
        if isinstance(_recommendations, list):
            _items1 = []
            for _each1 in _recommendations:
                if isinstance(_each1, dict):
                    _each1 = Recommendation.from_dict(_each1)
                else:
                    _each1 = deviation("TreatmentPlan.recommendations[]", "Recommendation", _each1)
                _items1.append(_each1)
            _recommendations = _items1
        elif not (_recommendations is UNSET):
            _recommendations = deviation(
                "TreatmentPlan.recommendations", "an array", _recommendations
            )

        _resources = d.pop("resources", UNSET)
        if isinstance(_resources, list):
            _items1 = []
            for _each1 in _resources:
                if isinstance(_each1, dict):
                    _each1 = TreatmentPlanResource.from_dict(_each1)
                else:
                    _each1 = deviation("TreatmentPlan.resources[]", "TreatmentPlanResource", _each1)
                _items1.append(_each1)
            _resources = _items1
        elif not (_resources is UNSET):
            _resources = deviation("TreatmentPlan.resources", "an array", _resources)

        _lab_recommendations = d.pop("lab_recommendations", UNSET)
        if isinstance(_lab_recommendations, list):
            _items1 = []
            for _each1 in _lab_recommendations:
                if isinstance(_each1, dict):
                    _each1 = LabRecommendation.from_dict(_each1)
                else:
                    _each1 = deviation(
                        "TreatmentPlan.lab_recommendations[]", "LabRecommendation", _each1
                    )
                _items1.append(_each1)
            _lab_recommendations = _items1
        elif not (_lab_recommendations is UNSET):
            _lab_recommendations = deviation(
                "TreatmentPlan.lab_recommendations", "an array", _lab_recommendations
            )

        treatment_plan = cls(
            id=_id,
            state=_state,
            patient=_patient,
            practitioner=_practitioner,
            patient_id=_patient_id,
            practitioner_id=_practitioner_id,
            available_at=_available_at,
            created_at=_created_at,
            updated_at=_updated_at,
            invitation_url=_invitation_url,
            personal_message=_personal_message,
            metadata=_metadata,
            recommendations=_recommendations,
            resources=_resources,
            lab_recommendations=_lab_recommendations,
        )

        treatment_plan.additional_properties = d
        return treatment_plan

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
from ..models.lab_recommendation import LabRecommendation
from ..models.metadata_reference import MetadataReference
from ..models.object_reference import ObjectReference
from ..models.recommendation import Recommendation
from ..models.treatment_plan_resource import TreatmentPlanResource

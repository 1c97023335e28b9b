from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.treatment_plan_state import TreatmentPlanState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lab_recommendation import LabRecommendation
    from ..models.metadata_reference import MetadataReference
    from ..models.object_reference import ObjectReference
    from ..models.recommendation import Recommendation
    from ..models.treatment_plan_resource import TreatmentPlanResource


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
        id = self.id

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        patient: dict[str, Any] | Unset = UNSET
        if not isinstance(self.patient, Unset):
            patient = self.patient.to_dict()

        practitioner: dict[str, Any] | Unset = UNSET
        if not isinstance(self.practitioner, Unset):
            practitioner = self.practitioner.to_dict()

        patient_id = self.patient_id

        practitioner_id = self.practitioner_id

        available_at: None | str | Unset
        if isinstance(self.available_at, Unset):
            available_at = UNSET
        else:
            available_at = self.available_at

        created_at = self.created_at

        updated_at = self.updated_at

        invitation_url = self.invitation_url

        personal_message: None | str | Unset
        if isinstance(self.personal_message, Unset):
            personal_message = UNSET
        else:
            personal_message = self.personal_message

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        recommendations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.recommendations, Unset):
            recommendations = []
            for recommendations_item_data in self.recommendations:
                recommendations_item = recommendations_item_data.to_dict()
                recommendations.append(recommendations_item)

        resources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.resources, Unset):
            resources = []
            for resources_item_data in self.resources:
                resources_item = resources_item_data.to_dict()
                resources.append(resources_item)

        lab_recommendations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lab_recommendations, Unset):
            lab_recommendations = []
            for lab_recommendations_item_data in self.lab_recommendations:
                lab_recommendations_item = lab_recommendations_item_data.to_dict()
                lab_recommendations.append(lab_recommendations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if state is not UNSET:
            field_dict["state"] = state
        if patient is not UNSET:
            field_dict["patient"] = patient
        if practitioner is not UNSET:
            field_dict["practitioner"] = practitioner
        if patient_id is not UNSET:
            field_dict["patient_id"] = patient_id
        if practitioner_id is not UNSET:
            field_dict["practitioner_id"] = practitioner_id
        if available_at is not UNSET:
            field_dict["available_at"] = available_at
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if invitation_url is not UNSET:
            field_dict["invitation_url"] = invitation_url
        if personal_message is not UNSET:
            field_dict["personal_message"] = personal_message
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if recommendations is not UNSET:
            field_dict["recommendations"] = recommendations
        if resources is not UNSET:
            field_dict["resources"] = resources
        if lab_recommendations is not UNSET:
            field_dict["lab_recommendations"] = lab_recommendations

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lab_recommendation import LabRecommendation
        from ..models.metadata_reference import MetadataReference
        from ..models.object_reference import ObjectReference
        from ..models.recommendation import Recommendation
        from ..models.treatment_plan_resource import TreatmentPlanResource

        d = dict(src_dict)
        id = d.pop("id")

        _state = d.pop("state", UNSET)
        state: TreatmentPlanState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = TreatmentPlanState(_state)

        _patient = d.pop("patient", UNSET)
        patient: ObjectReference | Unset
        if isinstance(_patient, Unset):
            patient = UNSET
        else:
            patient = ObjectReference.from_dict(_patient)

        _practitioner = d.pop("practitioner", UNSET)
        practitioner: ObjectReference | Unset
        if isinstance(_practitioner, Unset):
            practitioner = UNSET
        else:
            practitioner = ObjectReference.from_dict(_practitioner)

        patient_id = d.pop("patient_id", UNSET)

        practitioner_id = d.pop("practitioner_id", UNSET)

        def _parse_available_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        available_at = _parse_available_at(d.pop("available_at", UNSET))

        created_at = d.pop("created_at", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        invitation_url = d.pop("invitation_url", UNSET)

        def _parse_personal_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        personal_message = _parse_personal_message(d.pop("personal_message", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: MetadataReference | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = MetadataReference.from_dict(_metadata)

        _recommendations = d.pop("recommendations", UNSET)
        recommendations: list[Recommendation] | Unset = UNSET
        if _recommendations is not UNSET:
            recommendations = []
            for recommendations_item_data in _recommendations:
                recommendations_item = Recommendation.from_dict(recommendations_item_data)

                recommendations.append(recommendations_item)

        _resources = d.pop("resources", UNSET)
        resources: list[TreatmentPlanResource] | Unset = UNSET
        if _resources is not UNSET:
            resources = []
            for resources_item_data in _resources:
                resources_item = TreatmentPlanResource.from_dict(resources_item_data)

                resources.append(resources_item)

        _lab_recommendations = d.pop("lab_recommendations", UNSET)
        lab_recommendations: list[LabRecommendation] | Unset = UNSET
        if _lab_recommendations is not UNSET:
            lab_recommendations = []
            for lab_recommendations_item_data in _lab_recommendations:
                lab_recommendations_item = LabRecommendation.from_dict(
                    lab_recommendations_item_data
                )

                lab_recommendations.append(lab_recommendations_item)

        treatment_plan = cls(
            id=id,
            state=state,
            patient=patient,
            practitioner=practitioner,
            patient_id=patient_id,
            practitioner_id=practitioner_id,
            available_at=available_at,
            created_at=created_at,
            updated_at=updated_at,
            invitation_url=invitation_url,
            personal_message=personal_message,
            metadata=metadata,
            recommendations=recommendations,
            resources=resources,
            lab_recommendations=lab_recommendations,
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

"""Contains all the data models used in inputs/outputs.

Each model is imported on first use (module ``__getattr__``), so touching one resource group
loads that group's models only. Type checkers and IDEs read the imports under
``TYPE_CHECKING`` and see every model.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .activate_treatment_plan_response_200 import ActivateTreatmentPlanResponse200
    from .address import Address
    from .allergen import Allergen
    from .brand import Brand
    from .brand_summary import BrandSummary
    from .cancel_treatment_plan_response_200 import CancelTreatmentPlanResponse200
    from .category import Category
    from .clinic import Clinic
    from .create_gateway_treatment_plan_link_response_200 import (
        CreateGatewayTreatmentPlanLinkResponse200,
    )
    from .create_in_office_checkout_response_201 import CreateInOfficeCheckoutResponse201
    from .create_oauth_token_response_200 import CreateOauthTokenResponse200
    from .create_patient_response_201 import CreatePatientResponse201
    from .create_patient_treatment_plan_response_201 import CreatePatientTreatmentPlanResponse201
    from .create_practitioner_resource_response_201 import CreatePractitionerResourceResponse201
    from .create_practitioner_response_201 import CreatePractitionerResponse201
    from .create_staff_response_201 import CreateStaffResponse201
    from .create_treatment_plan_link_response_200 import CreateTreatmentPlanLinkResponse200
    from .dosage import Dosage
    from .dosage_input import DosageInput
    from .dosage_input_format import DosageInputFormat
    from .dosage_input_frequency import DosageInputFrequency
    from .dynamic_link import DynamicLink
    from .dynamic_link_create_request import DynamicLinkCreateRequest
    from .dynamic_link_patient_input import DynamicLinkPatientInput
    from .dynamic_link_treatment_plan import DynamicLinkTreatmentPlan
    from .dynamic_link_treatment_plan_input import DynamicLinkTreatmentPlanInput
    from .error import Error
    from .error_error_type_1 import ErrorErrorType1
    from .error_errors_type_0 import ErrorErrorsType0
    from .event import Event
    from .event_data_type_0 import EventDataType0
    from .find_metadata_objects_response_200 import FindMetadataObjectsResponse200
    from .find_metadata_objects_type import FindMetadataObjectsType
    from .fullscript_resource import FullscriptResource
    from .gateway_dynamic_link_create_request import GatewayDynamicLinkCreateRequest
    from .gateway_dynamic_link_create_request_entrypoint import (
        GatewayDynamicLinkCreateRequestEntrypoint,
    )
    from .gateway_patient_input import GatewayPatientInput
    from .gender import Gender
    from .in_office_checkout import InOfficeCheckout
    from .ingredient import Ingredient
    from .lab_order import LabOrder
    from .lab_order_status import LabOrderStatus
    from .lab_recommendation import LabRecommendation
    from .lab_result import LabResult
    from .lab_test import LabTest
    from .line_item import LineItem
    from .line_item_type import LineItemType
    from .list_allergens_response_200 import ListAllergensResponse200
    from .list_brands_available import ListBrandsAvailable
    from .list_brands_clinic_permitted import ListBrandsClinicPermitted
    from .list_brands_response_200 import ListBrandsResponse200
    from .list_categories_response_200 import ListCategoriesResponse200
    from .list_category_products_response_200 import ListCategoryProductsResponse200
    from .list_clinic_key_events_event_type import ListClinicKeyEventsEventType
    from .list_clinic_key_events_response_200 import ListClinicKeyEventsResponse200
    from .list_clinic_key_events_sort_by import ListClinicKeyEventsSortBy
    from .list_fullscript_protocols_response_200 import ListFullscriptProtocolsResponse200
    from .list_fullscript_protocols_sort_by import ListFullscriptProtocolsSortBy
    from .list_fullscript_resources_response_200 import ListFullscriptResourcesResponse200
    from .list_ingredients_response_200 import ListIngredientsResponse200
    from .list_lab_order_events_event_type import ListLabOrderEventsEventType
    from .list_lab_order_events_response_200 import ListLabOrderEventsResponse200
    from .list_lab_order_events_sort_by import ListLabOrderEventsSortBy
    from .list_lab_orders_response_200 import ListLabOrdersResponse200
    from .list_order_events_event_type import ListOrderEventsEventType
    from .list_order_events_response_200 import ListOrderEventsResponse200
    from .list_order_events_sort_by import ListOrderEventsSortBy
    from .list_orders_response_200 import ListOrdersResponse200
    from .list_orders_sort_by import ListOrdersSortBy
    from .list_orders_type import ListOrdersType
    from .list_patient_addresses_response_200 import ListPatientAddressesResponse200
    from .list_patient_dependents_response_200 import ListPatientDependentsResponse200
    from .list_patient_events_event_type import ListPatientEventsEventType
    from .list_patient_events_response_200 import ListPatientEventsResponse200
    from .list_patient_events_sort_by import ListPatientEventsSortBy
    from .list_patient_orders_response_200 import ListPatientOrdersResponse200
    from .list_patient_treatment_plans_response_200 import ListPatientTreatmentPlansResponse200
    from .list_patient_treatment_plans_sort_by import ListPatientTreatmentPlansSortBy
    from .list_patients_patient_type import ListPatientsPatientType
    from .list_patients_response_200 import ListPatientsResponse200
    from .list_practitioner_protocols_current_state import ListPractitionerProtocolsCurrentState
    from .list_practitioner_protocols_ownership_type import ListPractitionerProtocolsOwnershipType
    from .list_practitioner_protocols_response_200 import ListPractitionerProtocolsResponse200
    from .list_practitioner_protocols_sort_by import ListPractitionerProtocolsSortBy
    from .list_practitioner_resources_response_200 import ListPractitionerResourcesResponse200
    from .list_practitioner_templates_response_200 import ListPractitionerTemplatesResponse200
    from .list_practitioner_types_response_200 import ListPractitionerTypesResponse200
    from .list_practitioners_response_200 import ListPractitionersResponse200
    from .list_product_events_event_type import ListProductEventsEventType
    from .list_product_events_response_200 import ListProductEventsResponse200
    from .list_product_events_sort_by import ListProductEventsSortBy
    from .list_products_response_200 import ListProductsResponse200
    from .list_similar_products_response_200 import ListSimilarProductsResponse200
    from .list_staff_response_200 import ListStaffResponse200
    from .list_supplement_types_response_200 import ListSupplementTypesResponse200
    from .list_third_party_certifications_response_200 import (
        ListThirdPartyCertificationsResponse200,
    )
    from .list_treatment_plan_events_event_type import ListTreatmentPlanEventsEventType
    from .list_treatment_plan_events_response_200 import ListTreatmentPlanEventsResponse200
    from .list_treatment_plan_events_sort_by import ListTreatmentPlanEventsSortBy
    from .list_webhook_deliveries_response_200 import ListWebhookDeliveriesResponse200
    from .list_webhook_deliveries_sort_by import ListWebhookDeliveriesSortBy
    from .list_webhook_deliveries_successfully_delivered import (
        ListWebhookDeliveriesSuccessfullyDelivered,
    )
    from .metadata_input import MetadataInput
    from .metadata_reference import MetadataReference
    from .metadatum import Metadatum
    from .metadatum_data import MetadatumData
    from .metadatum_type import MetadatumType
    from .o_auth_resource_owner import OAuthResourceOwner
    from .o_auth_resource_owner_type import OAuthResourceOwnerType
    from .o_auth_revoke_request import OAuthRevokeRequest
    from .o_auth_revoke_result import OAuthRevokeResult
    from .o_auth_token import OAuthToken
    from .o_auth_token_request import OAuthTokenRequest
    from .o_auth_token_request_grant_type import OAuthTokenRequestGrantType
    from .object_reference import ObjectReference
    from .order import Order
    from .pagination_meta import PaginationMeta
    from .patient import Patient
    from .patient_create_request import PatientCreateRequest
    from .patient_update_request import PatientUpdateRequest
    from .practitioner import Practitioner
    from .practitioner_create_request import PractitionerCreateRequest
    from .practitioner_resource import PractitionerResource
    from .practitioner_resource_create_request import PractitionerResourceCreateRequest
    from .practitioner_resource_update_request import PractitionerResourceUpdateRequest
    from .practitioner_type import PractitionerType
    from .practitioner_update_request import PractitionerUpdateRequest
    from .product import Product
    from .product_dosage import ProductDosage
    from .protocol import Protocol
    from .protocol_recommendation import ProtocolRecommendation
    from .recommendation import Recommendation
    from .recommendation_input import RecommendationInput
    from .redirect_url import RedirectUrl
    from .resource_category import ResourceCategory
    from .resource_type import ResourceType
    from .retrieve_allergen_response_200 import RetrieveAllergenResponse200
    from .retrieve_brand_response_200 import RetrieveBrandResponse200
    from .retrieve_category_response_200 import RetrieveCategoryResponse200
    from .retrieve_clinic_response_200 import RetrieveClinicResponse200
    from .retrieve_event_response_200 import RetrieveEventResponse200
    from .retrieve_ingredient_response_200 import RetrieveIngredientResponse200
    from .retrieve_lab_order_response_200 import RetrieveLabOrderResponse200
    from .retrieve_lab_test_response_200 import RetrieveLabTestResponse200
    from .retrieve_order_response_200 import RetrieveOrderResponse200
    from .retrieve_patient_response_200 import RetrievePatientResponse200
    from .retrieve_practitioner_resource_response_200 import RetrievePractitionerResourceResponse200
    from .retrieve_practitioner_response_200 import RetrievePractitionerResponse200
    from .retrieve_product_response_200 import RetrieveProductResponse200
    from .retrieve_protocol_response_200 import RetrieveProtocolResponse200
    from .retrieve_staff_response_200 import RetrieveStaffResponse200
    from .retrieve_supplement_type_response_200 import RetrieveSupplementTypeResponse200
    from .retrieve_template_response_200 import RetrieveTemplateResponse200
    from .retrieve_third_party_certification_response_200 import (
        RetrieveThirdPartyCertificationResponse200,
    )
    from .retrieve_treatment_plan_link_response_200 import RetrieveTreatmentPlanLinkResponse200
    from .retrieve_treatment_plan_response_200 import RetrieveTreatmentPlanResponse200
    from .retrieve_variant_response_200 import RetrieveVariantResponse200
    from .search_patients_response_200 import SearchPatientsResponse200
    from .search_products_response_200 import SearchProductsResponse200
    from .session_grant import SessionGrant
    from .session_grant_create_request import SessionGrantCreateRequest
    from .session_grant_create_request_user_type import SessionGrantCreateRequestUserType
    from .session_grant_user import SessionGrantUser
    from .session_grant_user_type import SessionGrantUserType
    from .sort_direction import SortDirection
    from .staff import Staff
    from .staff_create_request import StaffCreateRequest
    from .staff_update_request import StaffUpdateRequest
    from .supplement_type import SupplementType
    from .template import Template
    from .third_party_certification import ThirdPartyCertification
    from .treatment_plan import TreatmentPlan
    from .treatment_plan_create_request import TreatmentPlanCreateRequest
    from .treatment_plan_create_request_state import TreatmentPlanCreateRequestState
    from .treatment_plan_resource import TreatmentPlanResource
    from .treatment_plan_state import TreatmentPlanState
    from .treatment_plan_update_request import TreatmentPlanUpdateRequest
    from .update_patient_response_200 import UpdatePatientResponse200
    from .update_practitioner_resource_response_200 import UpdatePractitionerResourceResponse200
    from .update_practitioner_response_200 import UpdatePractitionerResponse200
    from .update_staff_response_200 import UpdateStaffResponse200
    from .update_treatment_plan_response_200 import UpdateTreatmentPlanResponse200
    from .variant import Variant
    from .variant_product import VariantProduct
    from .webhook_delivery import WebhookDelivery
    from .webhook_event_payload import WebhookEventPayload
    from .webhook_event_payload_data_type_0 import WebhookEventPayloadDataType0

__all__ = (
    "ActivateTreatmentPlanResponse200",
    "Address",
    "Allergen",
    "Brand",
    "BrandSummary",
    "CancelTreatmentPlanResponse200",
    "Category",
    "Clinic",
    "CreateGatewayTreatmentPlanLinkResponse200",
    "CreateInOfficeCheckoutResponse201",
    "CreateOauthTokenResponse200",
    "CreatePatientResponse201",
    "CreatePatientTreatmentPlanResponse201",
    "CreatePractitionerResourceResponse201",
    "CreatePractitionerResponse201",
    "CreateStaffResponse201",
    "CreateTreatmentPlanLinkResponse200",
    "Dosage",
    "DosageInput",
    "DosageInputFormat",
    "DosageInputFrequency",
    "DynamicLink",
    "DynamicLinkCreateRequest",
    "DynamicLinkPatientInput",
    "DynamicLinkTreatmentPlan",
    "DynamicLinkTreatmentPlanInput",
    "Error",
    "ErrorErrorType1",
    "ErrorErrorsType0",
    "Event",
    "EventDataType0",
    "FindMetadataObjectsResponse200",
    "FindMetadataObjectsType",
    "FullscriptResource",
    "GatewayDynamicLinkCreateRequest",
    "GatewayDynamicLinkCreateRequestEntrypoint",
    "GatewayPatientInput",
    "Gender",
    "InOfficeCheckout",
    "Ingredient",
    "LabOrder",
    "LabOrderStatus",
    "LabRecommendation",
    "LabResult",
    "LabTest",
    "LineItem",
    "LineItemType",
    "ListAllergensResponse200",
    "ListBrandsAvailable",
    "ListBrandsClinicPermitted",
    "ListBrandsResponse200",
    "ListCategoriesResponse200",
    "ListCategoryProductsResponse200",
    "ListClinicKeyEventsEventType",
    "ListClinicKeyEventsResponse200",
    "ListClinicKeyEventsSortBy",
    "ListFullscriptProtocolsResponse200",
    "ListFullscriptProtocolsSortBy",
    "ListFullscriptResourcesResponse200",
    "ListIngredientsResponse200",
    "ListLabOrderEventsEventType",
    "ListLabOrderEventsResponse200",
    "ListLabOrderEventsSortBy",
    "ListLabOrdersResponse200",
    "ListOrderEventsEventType",
    "ListOrderEventsResponse200",
    "ListOrderEventsSortBy",
    "ListOrdersResponse200",
    "ListOrdersSortBy",
    "ListOrdersType",
    "ListPatientAddressesResponse200",
    "ListPatientDependentsResponse200",
    "ListPatientEventsEventType",
    "ListPatientEventsResponse200",
    "ListPatientEventsSortBy",
    "ListPatientOrdersResponse200",
    "ListPatientTreatmentPlansResponse200",
    "ListPatientTreatmentPlansSortBy",
    "ListPatientsPatientType",
    "ListPatientsResponse200",
    "ListPractitionerProtocolsCurrentState",
    "ListPractitionerProtocolsOwnershipType",
    "ListPractitionerProtocolsResponse200",
    "ListPractitionerProtocolsSortBy",
    "ListPractitionerResourcesResponse200",
    "ListPractitionerTemplatesResponse200",
    "ListPractitionerTypesResponse200",
    "ListPractitionersResponse200",
    "ListProductEventsEventType",
    "ListProductEventsResponse200",
    "ListProductEventsSortBy",
    "ListProductsResponse200",
    "ListSimilarProductsResponse200",
    "ListStaffResponse200",
    "ListSupplementTypesResponse200",
    "ListThirdPartyCertificationsResponse200",
    "ListTreatmentPlanEventsEventType",
    "ListTreatmentPlanEventsResponse200",
    "ListTreatmentPlanEventsSortBy",
    "ListWebhookDeliveriesResponse200",
    "ListWebhookDeliveriesSortBy",
    "ListWebhookDeliveriesSuccessfullyDelivered",
    "MetadataInput",
    "MetadataReference",
    "Metadatum",
    "MetadatumData",
    "MetadatumType",
    "OAuthResourceOwner",
    "OAuthResourceOwnerType",
    "OAuthRevokeRequest",
    "OAuthRevokeResult",
    "OAuthToken",
    "OAuthTokenRequest",
    "OAuthTokenRequestGrantType",
    "ObjectReference",
    "Order",
    "PaginationMeta",
    "Patient",
    "PatientCreateRequest",
    "PatientUpdateRequest",
    "Practitioner",
    "PractitionerCreateRequest",
    "PractitionerResource",
    "PractitionerResourceCreateRequest",
    "PractitionerResourceUpdateRequest",
    "PractitionerType",
    "PractitionerUpdateRequest",
    "Product",
    "ProductDosage",
    "Protocol",
    "ProtocolRecommendation",
    "Recommendation",
    "RecommendationInput",
    "RedirectUrl",
    "ResourceCategory",
    "ResourceType",
    "RetrieveAllergenResponse200",
    "RetrieveBrandResponse200",
    "RetrieveCategoryResponse200",
    "RetrieveClinicResponse200",
    "RetrieveEventResponse200",
    "RetrieveIngredientResponse200",
    "RetrieveLabOrderResponse200",
    "RetrieveLabTestResponse200",
    "RetrieveOrderResponse200",
    "RetrievePatientResponse200",
    "RetrievePractitionerResourceResponse200",
    "RetrievePractitionerResponse200",
    "RetrieveProductResponse200",
    "RetrieveProtocolResponse200",
    "RetrieveStaffResponse200",
    "RetrieveSupplementTypeResponse200",
    "RetrieveTemplateResponse200",
    "RetrieveThirdPartyCertificationResponse200",
    "RetrieveTreatmentPlanLinkResponse200",
    "RetrieveTreatmentPlanResponse200",
    "RetrieveVariantResponse200",
    "SearchPatientsResponse200",
    "SearchProductsResponse200",
    "SessionGrant",
    "SessionGrantCreateRequest",
    "SessionGrantCreateRequestUserType",
    "SessionGrantUser",
    "SessionGrantUserType",
    "SortDirection",
    "Staff",
    "StaffCreateRequest",
    "StaffUpdateRequest",
    "SupplementType",
    "Template",
    "ThirdPartyCertification",
    "TreatmentPlan",
    "TreatmentPlanCreateRequest",
    "TreatmentPlanCreateRequestState",
    "TreatmentPlanResource",
    "TreatmentPlanState",
    "TreatmentPlanUpdateRequest",
    "UpdatePatientResponse200",
    "UpdatePractitionerResourceResponse200",
    "UpdatePractitionerResponse200",
    "UpdateStaffResponse200",
    "UpdateTreatmentPlanResponse200",
    "Variant",
    "VariantProduct",
    "WebhookDelivery",
    "WebhookEventPayload",
    "WebhookEventPayloadDataType0",
)

# Public name -> the submodule defining it.
_MODULE_OF: dict[str, str] = {
    "ActivateTreatmentPlanResponse200": ".activate_treatment_plan_response_200",
    "Address": ".address",
    "Allergen": ".allergen",
    "Brand": ".brand",
    "BrandSummary": ".brand_summary",
    "CancelTreatmentPlanResponse200": ".cancel_treatment_plan_response_200",
    "Category": ".category",
    "Clinic": ".clinic",
    "CreateGatewayTreatmentPlanLinkResponse200": ".create_gateway_treatment_plan_link_response_200",
    "CreateInOfficeCheckoutResponse201": ".create_in_office_checkout_response_201",
    "CreateOauthTokenResponse200": ".create_oauth_token_response_200",
    "CreatePatientResponse201": ".create_patient_response_201",
    "CreatePatientTreatmentPlanResponse201": ".create_patient_treatment_plan_response_201",
    "CreatePractitionerResourceResponse201": ".create_practitioner_resource_response_201",
    "CreatePractitionerResponse201": ".create_practitioner_response_201",
    "CreateStaffResponse201": ".create_staff_response_201",
    "CreateTreatmentPlanLinkResponse200": ".create_treatment_plan_link_response_200",
    "Dosage": ".dosage",
    "DosageInput": ".dosage_input",
    "DosageInputFormat": ".dosage_input_format",
    "DosageInputFrequency": ".dosage_input_frequency",
    "DynamicLink": ".dynamic_link",
    "DynamicLinkCreateRequest": ".dynamic_link_create_request",
    "DynamicLinkPatientInput": ".dynamic_link_patient_input",
    "DynamicLinkTreatmentPlan": ".dynamic_link_treatment_plan",
    "DynamicLinkTreatmentPlanInput": ".dynamic_link_treatment_plan_input",
    "Error": ".error",
    "ErrorErrorType1": ".error_error_type_1",
    "ErrorErrorsType0": ".error_errors_type_0",
    "Event": ".event",
    "EventDataType0": ".event_data_type_0",
    "FindMetadataObjectsResponse200": ".find_metadata_objects_response_200",
    "FindMetadataObjectsType": ".find_metadata_objects_type",
    "FullscriptResource": ".fullscript_resource",
    "GatewayDynamicLinkCreateRequest": ".gateway_dynamic_link_create_request",
    "GatewayDynamicLinkCreateRequestEntrypoint": ".gateway_dynamic_link_create_request_entrypoint",
    "GatewayPatientInput": ".gateway_patient_input",
    "Gender": ".gender",
    "InOfficeCheckout": ".in_office_checkout",
    "Ingredient": ".ingredient",
    "LabOrder": ".lab_order",
    "LabOrderStatus": ".lab_order_status",
    "LabRecommendation": ".lab_recommendation",
    "LabResult": ".lab_result",
    "LabTest": ".lab_test",
    "LineItem": ".line_item",
    "LineItemType": ".line_item_type",
    "ListAllergensResponse200": ".list_allergens_response_200",
    "ListBrandsAvailable": ".list_brands_available",
    "ListBrandsClinicPermitted": ".list_brands_clinic_permitted",
    "ListBrandsResponse200": ".list_brands_response_200",
    "ListCategoriesResponse200": ".list_categories_response_200",
    "ListCategoryProductsResponse200": ".list_category_products_response_200",
    "ListClinicKeyEventsEventType": ".list_clinic_key_events_event_type",
    "ListClinicKeyEventsResponse200": ".list_clinic_key_events_response_200",
    "ListClinicKeyEventsSortBy": ".list_clinic_key_events_sort_by",
    "ListFullscriptProtocolsResponse200": ".list_fullscript_protocols_response_200",
    "ListFullscriptProtocolsSortBy": ".list_fullscript_protocols_sort_by",
    "ListFullscriptResourcesResponse200": ".list_fullscript_resources_response_200",
    "ListIngredientsResponse200": ".list_ingredients_response_200",
    "ListLabOrderEventsEventType": ".list_lab_order_events_event_type",
    "ListLabOrderEventsResponse200": ".list_lab_order_events_response_200",
    "ListLabOrderEventsSortBy": ".list_lab_order_events_sort_by",
    "ListLabOrdersResponse200": ".list_lab_orders_response_200",
    "ListOrderEventsEventType": ".list_order_events_event_type",
    "ListOrderEventsResponse200": ".list_order_events_response_200",
    "ListOrderEventsSortBy": ".list_order_events_sort_by",
    "ListOrdersResponse200": ".list_orders_response_200",
    "ListOrdersSortBy": ".list_orders_sort_by",
    "ListOrdersType": ".list_orders_type",
    "ListPatientAddressesResponse200": ".list_patient_addresses_response_200",
    "ListPatientDependentsResponse200": ".list_patient_dependents_response_200",
    "ListPatientEventsEventType": ".list_patient_events_event_type",
    "ListPatientEventsResponse200": ".list_patient_events_response_200",
    "ListPatientEventsSortBy": ".list_patient_events_sort_by",
    "ListPatientOrdersResponse200": ".list_patient_orders_response_200",
    "ListPatientTreatmentPlansResponse200": ".list_patient_treatment_plans_response_200",
    "ListPatientTreatmentPlansSortBy": ".list_patient_treatment_plans_sort_by",
    "ListPatientsPatientType": ".list_patients_patient_type",
    "ListPatientsResponse200": ".list_patients_response_200",
    "ListPractitionerProtocolsCurrentState": ".list_practitioner_protocols_current_state",
    "ListPractitionerProtocolsOwnershipType": ".list_practitioner_protocols_ownership_type",
    "ListPractitionerProtocolsResponse200": ".list_practitioner_protocols_response_200",
    "ListPractitionerProtocolsSortBy": ".list_practitioner_protocols_sort_by",
    "ListPractitionerResourcesResponse200": ".list_practitioner_resources_response_200",
    "ListPractitionerTemplatesResponse200": ".list_practitioner_templates_response_200",
    "ListPractitionerTypesResponse200": ".list_practitioner_types_response_200",
    "ListPractitionersResponse200": ".list_practitioners_response_200",
    "ListProductEventsEventType": ".list_product_events_event_type",
    "ListProductEventsResponse200": ".list_product_events_response_200",
    "ListProductEventsSortBy": ".list_product_events_sort_by",
    "ListProductsResponse200": ".list_products_response_200",
    "ListSimilarProductsResponse200": ".list_similar_products_response_200",
    "ListStaffResponse200": ".list_staff_response_200",
    "ListSupplementTypesResponse200": ".list_supplement_types_response_200",
    "ListThirdPartyCertificationsResponse200": ".list_third_party_certifications_response_200",
    "ListTreatmentPlanEventsEventType": ".list_treatment_plan_events_event_type",
    "ListTreatmentPlanEventsResponse200": ".list_treatment_plan_events_response_200",
    "ListTreatmentPlanEventsSortBy": ".list_treatment_plan_events_sort_by",
    "ListWebhookDeliveriesResponse200": ".list_webhook_deliveries_response_200",
    "ListWebhookDeliveriesSortBy": ".list_webhook_deliveries_sort_by",
    "ListWebhookDeliveriesSuccessfullyDelivered": ".list_webhook_deliveries_successfully_delivered",
    "MetadataInput": ".metadata_input",
    "MetadataReference": ".metadata_reference",
    "Metadatum": ".metadatum",
    "MetadatumData": ".metadatum_data",
    "MetadatumType": ".metadatum_type",
    "OAuthResourceOwner": ".o_auth_resource_owner",
    "OAuthResourceOwnerType": ".o_auth_resource_owner_type",
    "OAuthRevokeRequest": ".o_auth_revoke_request",
    "OAuthRevokeResult": ".o_auth_revoke_result",
    "OAuthToken": ".o_auth_token",
    "OAuthTokenRequest": ".o_auth_token_request",
    "OAuthTokenRequestGrantType": ".o_auth_token_request_grant_type",
    "ObjectReference": ".object_reference",
    "Order": ".order",
    "PaginationMeta": ".pagination_meta",
    "Patient": ".patient",
    "PatientCreateRequest": ".patient_create_request",
    "PatientUpdateRequest": ".patient_update_request",
    "Practitioner": ".practitioner",
    "PractitionerCreateRequest": ".practitioner_create_request",
    "PractitionerResource": ".practitioner_resource",
    "PractitionerResourceCreateRequest": ".practitioner_resource_create_request",
    "PractitionerResourceUpdateRequest": ".practitioner_resource_update_request",
    "PractitionerType": ".practitioner_type",
    "PractitionerUpdateRequest": ".practitioner_update_request",
    "Product": ".product",
    "ProductDosage": ".product_dosage",
    "Protocol": ".protocol",
    "ProtocolRecommendation": ".protocol_recommendation",
    "Recommendation": ".recommendation",
    "RecommendationInput": ".recommendation_input",
    "RedirectUrl": ".redirect_url",
    "ResourceCategory": ".resource_category",
    "ResourceType": ".resource_type",
    "RetrieveAllergenResponse200": ".retrieve_allergen_response_200",
    "RetrieveBrandResponse200": ".retrieve_brand_response_200",
    "RetrieveCategoryResponse200": ".retrieve_category_response_200",
    "RetrieveClinicResponse200": ".retrieve_clinic_response_200",
    "RetrieveEventResponse200": ".retrieve_event_response_200",
    "RetrieveIngredientResponse200": ".retrieve_ingredient_response_200",
    "RetrieveLabOrderResponse200": ".retrieve_lab_order_response_200",
    "RetrieveLabTestResponse200": ".retrieve_lab_test_response_200",
    "RetrieveOrderResponse200": ".retrieve_order_response_200",
    "RetrievePatientResponse200": ".retrieve_patient_response_200",
    "RetrievePractitionerResourceResponse200": ".retrieve_practitioner_resource_response_200",
    "RetrievePractitionerResponse200": ".retrieve_practitioner_response_200",
    "RetrieveProductResponse200": ".retrieve_product_response_200",
    "RetrieveProtocolResponse200": ".retrieve_protocol_response_200",
    "RetrieveStaffResponse200": ".retrieve_staff_response_200",
    "RetrieveSupplementTypeResponse200": ".retrieve_supplement_type_response_200",
    "RetrieveTemplateResponse200": ".retrieve_template_response_200",
    "RetrieveThirdPartyCertificationResponse200": ".retrieve_third_party_certification_response_200",
    "RetrieveTreatmentPlanLinkResponse200": ".retrieve_treatment_plan_link_response_200",
    "RetrieveTreatmentPlanResponse200": ".retrieve_treatment_plan_response_200",
    "RetrieveVariantResponse200": ".retrieve_variant_response_200",
    "SearchPatientsResponse200": ".search_patients_response_200",
    "SearchProductsResponse200": ".search_products_response_200",
    "SessionGrant": ".session_grant",
    "SessionGrantCreateRequest": ".session_grant_create_request",
    "SessionGrantCreateRequestUserType": ".session_grant_create_request_user_type",
    "SessionGrantUser": ".session_grant_user",
    "SessionGrantUserType": ".session_grant_user_type",
    "SortDirection": ".sort_direction",
    "Staff": ".staff",
    "StaffCreateRequest": ".staff_create_request",
    "StaffUpdateRequest": ".staff_update_request",
    "SupplementType": ".supplement_type",
    "Template": ".template",
    "ThirdPartyCertification": ".third_party_certification",
    "TreatmentPlan": ".treatment_plan",
    "TreatmentPlanCreateRequest": ".treatment_plan_create_request",
    "TreatmentPlanCreateRequestState": ".treatment_plan_create_request_state",
    "TreatmentPlanResource": ".treatment_plan_resource",
    "TreatmentPlanState": ".treatment_plan_state",
    "TreatmentPlanUpdateRequest": ".treatment_plan_update_request",
    "UpdatePatientResponse200": ".update_patient_response_200",
    "UpdatePractitionerResourceResponse200": ".update_practitioner_resource_response_200",
    "UpdatePractitionerResponse200": ".update_practitioner_response_200",
    "UpdateStaffResponse200": ".update_staff_response_200",
    "UpdateTreatmentPlanResponse200": ".update_treatment_plan_response_200",
    "Variant": ".variant",
    "VariantProduct": ".variant_product",
    "WebhookDelivery": ".webhook_delivery",
    "WebhookEventPayload": ".webhook_event_payload",
    "WebhookEventPayloadDataType0": ".webhook_event_payload_data_type_0",
}

if not TYPE_CHECKING:
    # Hidden from type checkers, so a misspelt model name stays an error for them.

    def __getattr__(name: str) -> Any:
        try:
            module = _MODULE_OF[name]
        except KeyError:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        value = getattr(import_module(module, __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})

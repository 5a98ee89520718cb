"""Contains all the data models used in inputs/outputs"""

from .audit_log import AuditLog
from .autocomplete import Autocomplete
from .blank_enum import BlankEnum
from .body_type_enum import BodyTypeEnum
from .broker_commissions import BrokerCommissions
from .card_attach_request import CardAttachRequest
from .channels_enum import ChannelsEnum
from .checklist import Checklist
from .checklist_item import ChecklistItem
from .checklist_status_enum import ChecklistStatusEnum
from .checkout import Checkout
from .commission import Commission
from .commission_detail import CommissionDetail
from .commission_entry import CommissionEntry
from .commission_entry_kind_enum import CommissionEntryKindEnum
from .commission_hold_request import CommissionHoldRequest
from .commission_mark_paid_request import CommissionMarkPaidRequest
from .commission_month import CommissionMonth
from .commission_role_enum import CommissionRoleEnum
from .commission_status_enum import CommissionStatusEnum
from .commission_status_figures import CommissionStatusFigures
from .commission_summary import CommissionSummary
from .commissions_list_role import CommissionsListRole
from .commissions_list_status import CommissionsListStatus
from .commissions_report import CommissionsReport
from .commissions_statement_file import CommissionsStatementFile
from .comparables import Comparables
from .condition_enum import ConditionEnum
from .consent import Consent
from .consent_settings import ConsentSettings
from .content_type_enum import ContentTypeEnum
from .conversion_factor import ConversionFactor
from .country_enum import CountryEnum
from .country_success import CountrySuccess
from .cover_photo import CoverPhoto
from .credit_note_create_request import CreditNoteCreateRequest
from .csv_import_request import CsvImportRequest
from .currency import Currency
from .currency_enum import CurrencyEnum
from .data_request_status_enum import DataRequestStatusEnum
from .deal import Deal
from .deal_create_request import DealCreateRequest
from .deal_event import DealEvent
from .deal_review_decision_enum import DealReviewDecisionEnum
from .deal_review_request import DealReviewRequest
from .deal_risk import DealRisk
from .deal_status_enum import DealStatusEnum
from .deal_terms_request import DealTermsRequest
from .deal_transition_request import DealTransitionRequest
from .dealer_performance import DealerPerformance
from .dealer_summary import DealerSummary
from .dealers_report import DealersReport
from .deals_list_destination_country import DealsListDestinationCountry
from .deals_list_risk_level import DealsListRiskLevel
from .deals_list_status import DealsListStatus
from .deals_timeline_list_destination_country import DealsTimelineListDestinationCountry
from .deals_timeline_list_risk_level import DealsTimelineListRiskLevel
from .deals_timeline_list_status import DealsTimelineListStatus
from .deletion import Deletion
from .deletion_cancel import DeletionCancel
from .document import Document
from .document_review_decision_enum import DocumentReviewDecisionEnum
from .document_review_request import DocumentReviewRequest
from .document_status_enum import DocumentStatusEnum
from .document_type_enum import DocumentTypeEnum
from .document_upload_request import DocumentUploadRequest
from .documents_list_document_type import DocumentsListDocumentType
from .documents_list_status import DocumentsListStatus
from .download_link import DownloadLink
from .drive_enum import DriveEnum
from .erased import Erased
from .error import Error
from .error_fields import ErrorFields
from .export import Export
from .facet_value import FacetValue
from .facets import Facets
from .faq_entry import FaqEntry
from .feature_enum import FeatureEnum
from .features_enum import FeaturesEnum
from .found_enum import FoundEnum
from .fuel_type_enum import FuelTypeEnum
from .health import Health
from .health_services import HealthServices
from .health_status_enum import HealthStatusEnum
from .image_format_enum import ImageFormatEnum
from .import_rejected import ImportRejected
from .import_rejected_fields import ImportRejectedFields
from .import_report import ImportReport
from .import_row_report import ImportRowReport
from .import_row_report_errors import ImportRowReportErrors
from .incoterm_enum import IncotermEnum
from .interval_enum import IntervalEnum
from .invoice import Invoice
from .invoice_detail import InvoiceDetail
from .invoice_export_details import InvoiceExportDetails
from .invoice_kind_enum import InvoiceKindEnum
from .invoice_line import InvoiceLine
from .invoice_line_input_request import InvoiceLineInputRequest
from .invoice_line_kind_enum import InvoiceLineKindEnum
from .invoice_party import InvoiceParty
from .invoice_status_enum import InvoiceStatusEnum
from .invoice_tax import InvoiceTax
from .invoice_void_request import InvoiceVoidRequest
from .invoices_list_status import InvoicesListStatus
from .invoices_list_type import InvoicesListType
from .kept import Kept
from .kind_enum import KindEnum
from .language_enum import LanguageEnum
from .language_request import LanguageRequest
from .lead import Lead
from .lead_broker_assign_request import LeadBrokerAssignRequest
from .lead_contact import LeadContact
from .lead_contact_channel_enum import LeadContactChannelEnum
from .lead_contact_request import LeadContactRequest
from .lead_conversion import LeadConversion
from .lead_create_request import LeadCreateRequest
from .lead_created import LeadCreated
from .lead_priority_enum import LeadPriorityEnum
from .lead_status_enum import LeadStatusEnum
from .lead_vehicle import LeadVehicle
from .leads_list_priority import LeadsListPriority
from .leads_list_source import LeadsListSource
from .leads_list_status import LeadsListStatus
from .ledger_entry import LedgerEntry
from .level_enum import LevelEnum
from .logout_request import LogoutRequest
from .marked_read import MarkedRead
from .market_demand import MarketDemand
from .message import Message
from .method_enum import MethodEnum
from .metrics import Metrics
from .moment import Moment
from .next_action import NextAction
from .notification import Notification
from .otp_code_request import OtpCodeRequest
from .paginated_audit_log_list import PaginatedAuditLogList
from .paginated_commission_list import PaginatedCommissionList
from .paginated_deal_list import PaginatedDealList
from .paginated_document_list import PaginatedDocumentList
from .paginated_invoice_list import PaginatedInvoiceList
from .paginated_lead_list import PaginatedLeadList
from .paginated_ledger_entry_list import PaginatedLedgerEntryList
from .paginated_notification_list import PaginatedNotificationList
from .paginated_payment_list import PaginatedPaymentList
from .paginated_price_alert_list import PaginatedPriceAlertList
from .paginated_saved_search_list import PaginatedSavedSearchList
from .paginated_shipment_list import PaginatedShipmentList
from .paginated_ticket_list import PaginatedTicketList
from .paginated_user_list import PaginatedUserList
from .paginated_vehicle_card_list import PaginatedVehicleCardList
from .party import Party
from .password_change_request import PasswordChangeRequest
from .password_reset_confirm_request import PasswordResetConfirmRequest
from .password_reset_request_request import PasswordResetRequestRequest
from .patched_consent_update_request import PatchedConsentUpdateRequest
from .patched_invoice_update_request import PatchedInvoiceUpdateRequest
from .patched_lead_status_request import PatchedLeadStatusRequest
from .patched_preferences_update_request import PatchedPreferencesUpdateRequest
from .patched_profile_update_request import PatchedProfileUpdateRequest
from .patched_saved_search_request import PatchedSavedSearchRequest
from .patched_saved_search_request_query_params import (
    PatchedSavedSearchRequestQueryParams,
)
from .patched_vehicle_request import PatchedVehicleRequest
from .payment import Payment
from .payment_create_request import PaymentCreateRequest
from .payment_fraud_reasons_item import PaymentFraudReasonsItem
from .payment_refund_request import PaymentRefundRequest
from .payment_review_decision_enum import PaymentReviewDecisionEnum
from .payment_review_request import PaymentReviewRequest
from .payment_status_enum import PaymentStatusEnum
from .payments_list_payment_method import PaymentsListPaymentMethod
from .payments_list_status import PaymentsListStatus
from .payments_report import PaymentsReport
from .payout import Payout
from .payout_rail_enum import PayoutRailEnum
from .payout_start_request import PayoutStartRequest
from .payout_status_enum import PayoutStatusEnum
from .paystack_event_request import PaystackEventRequest
from .paystack_event_request_data import PaystackEventRequestData
from .period import Period
from .photo_reorder_request import PhotoReorderRequest
from .photo_upload_request import PhotoUploadRequest
from .pipeline_lead_conversion import PipelineLeadConversion
from .pipeline_report import PipelineReport
from .plan import Plan
from .plan_code_enum import PlanCodeEnum
from .port import Port
from .preference import Preference
from .preference_category_enum import PreferenceCategoryEnum
from .preference_channel_enum import PreferenceChannelEnum
from .preference_request import PreferenceRequest
from .price_alert import PriceAlert
from .price_alert_request import PriceAlertRequest
from .price_band import PriceBand
from .price_factor import PriceFactor
from .price_guidance import PriceGuidance
from .provider_enum import ProviderEnum
from .province_enum import ProvinceEnum
from .purpose_enum import PurposeEnum
from .quality import Quality
from .rail_success import RailSuccess
from .recommendation_enum import RecommendationEnum
from .register_request import RegisterRequest
from .registration_role_enum import RegistrationRoleEnum
from .reports_commissions_format import ReportsCommissionsFormat
from .reports_commissions_table import ReportsCommissionsTable
from .reports_dealers_format import ReportsDealersFormat
from .reports_dealers_table import ReportsDealersTable
from .reports_payments_format import ReportsPaymentsFormat
from .reports_payments_table import ReportsPaymentsTable
from .reports_pipeline_format import ReportsPipelineFormat
from .reports_pipeline_table import ReportsPipelineTable
from .reports_revenue_format import ReportsRevenueFormat
from .reports_revenue_interval import ReportsRevenueInterval
from .reports_revenue_table import ReportsRevenueTable
from .reports_shipments_format import ReportsShipmentsFormat
from .reports_shipments_table import ReportsShipmentsTable
from .reports_top_vehicles_format import ReportsTopVehiclesFormat
from .reports_top_vehicles_table import ReportsTopVehiclesTable
from .result_enum import ResultEnum
from .revenue_figures import RevenueFigures
from .revenue_report import RevenueReport
from .revenue_row import RevenueRow
from .role_enum import RoleEnum
from .route import Route
from .saved_card import SavedCard
from .saved_search import SavedSearch
from .saved_search_query_params import SavedSearchQueryParams
from .saved_search_request import SavedSearchRequest
from .saved_search_request_query_params import SavedSearchRequestQueryParams
from .scored_vehicle import ScoredVehicle
from .search_analytics_top_found import SearchAnalyticsTopFound
from .search_demand import SearchDemand
from .search_demand_row import SearchDemandRow
from .search_demand_row_filters import SearchDemandRowFilters
from .shipment import Shipment
from .shipment_create_request import ShipmentCreateRequest
from .shipment_detail import ShipmentDetail
from .shipment_event import ShipmentEvent
from .shipment_event_create_request import ShipmentEventCreateRequest
from .shipment_status_enum import ShipmentStatusEnum
from .shipments_list_status import ShipmentsListStatus
from .shipments_report import ShipmentsReport
from .sign_in_user import SignInUser
from .sold_vehicle import SoldVehicle
from .source_enum import SourceEnum
from .stage import Stage
from .stage_enum import StageEnum
from .status_count import StatusCount
from .subscribe_request import SubscribeRequest
from .subscription import Subscription
from .subscription_detail import SubscriptionDetail
from .subscription_detail_status_enum import SubscriptionDetailStatusEnum
from .subscription_invoice import SubscriptionInvoice
from .suggestion import Suggestion
from .support_faq_list_category import SupportFaqListCategory
from .support_tickets_list_status import SupportTicketsListStatus
from .target_metrics import TargetMetrics
from .tax_regime_enum import TaxRegimeEnum
from .ticket import Ticket
from .ticket_assign_request import TicketAssignRequest
from .ticket_attachment import TicketAttachment
from .ticket_attachment_create_request import TicketAttachmentCreateRequest
from .ticket_category_enum import TicketCategoryEnum
from .ticket_detail import TicketDetail
from .ticket_message import TicketMessage
from .ticket_message_create_request import TicketMessageCreateRequest
from .ticket_message_via_enum import TicketMessageViaEnum
from .ticket_open_request import TicketOpenRequest
from .ticket_priority_enum import TicketPriorityEnum
from .ticket_status_enum import TicketStatusEnum
from .ticket_status_request import TicketStatusRequest
from .token_pair_request import TokenPairRequest
from .token_pair_response import TokenPairResponse
from .token_refresh import TokenRefresh
from .token_refresh_request import TokenRefreshRequest
from .top_vehicle import TopVehicle
from .top_vehicles_report import TopVehiclesReport
from .totp_enrolment import TotpEnrolment
from .track import Track
from .track_event import TrackEvent
from .transactions_list_type import TransactionsListType
from .transmission_enum import TransmissionEnum
from .unread_count import UnreadCount
from .unsubscribed import Unsubscribed
from .usage import Usage
from .user import User
from .users_list_role import UsersListRole
from .vehicle import Vehicle
from .vehicle_card import VehicleCard
from .vehicle_photo import VehiclePhoto
from .vehicle_price_change import VehiclePriceChange
from .vehicle_request import VehicleRequest
from .vehicle_status_enum import VehicleStatusEnum
from .vehicles_facets_currency import VehiclesFacetsCurrency
from .vehicles_facets_ordering_item import VehiclesFacetsOrderingItem
from .vehicles_list_currency import VehiclesListCurrency
from .vehicles_list_ordering_item import VehiclesListOrderingItem
from .webhook_answer import WebhookAnswer
from .webhooks_mpesa_b2c_body import WebhooksMpesaB2CBody
from .webhooks_whatsapp_cloud_retrieve_response_403 import (
    WebhooksWhatsappCloudRetrieveResponse403,
)

__all__ = (
    "AuditLog",
    "Autocomplete",
    "BlankEnum",
    "BodyTypeEnum",
    "BrokerCommissions",
    "CardAttachRequest",
    "ChannelsEnum",
    "Checklist",
    "ChecklistItem",
    "ChecklistStatusEnum",
    "Checkout",
    "Commission",
    "CommissionDetail",
    "CommissionEntry",
    "CommissionEntryKindEnum",
    "CommissionHoldRequest",
    "CommissionMarkPaidRequest",
    "CommissionMonth",
    "CommissionRoleEnum",
    "CommissionStatusEnum",
    "CommissionStatusFigures",
    "CommissionSummary",
    "CommissionsListRole",
    "CommissionsListStatus",
    "CommissionsReport",
    "CommissionsStatementFile",
    "Comparables",
    "ConditionEnum",
    "Consent",
    "ConsentSettings",
    "ContentTypeEnum",
    "ConversionFactor",
    "CountryEnum",
    "CountrySuccess",
    "CoverPhoto",
    "CreditNoteCreateRequest",
    "CsvImportRequest",
    "Currency",
    "CurrencyEnum",
    "DataRequestStatusEnum",
    "Deal",
    "DealCreateRequest",
    "DealEvent",
    "DealReviewDecisionEnum",
    "DealReviewRequest",
    "DealRisk",
    "DealStatusEnum",
    "DealTermsRequest",
    "DealTransitionRequest",
    "DealerPerformance",
    "DealerSummary",
    "DealersReport",
    "DealsListDestinationCountry",
    "DealsListRiskLevel",
    "DealsListStatus",
    "DealsTimelineListDestinationCountry",
    "DealsTimelineListRiskLevel",
    "DealsTimelineListStatus",
    "Deletion",
    "DeletionCancel",
    "Document",
    "DocumentReviewDecisionEnum",
    "DocumentReviewRequest",
    "DocumentStatusEnum",
    "DocumentTypeEnum",
    "DocumentUploadRequest",
    "DocumentsListDocumentType",
    "DocumentsListStatus",
    "DownloadLink",
    "DriveEnum",
    "Erased",
    "Error",
    "ErrorFields",
    "Export",
    "FacetValue",
    "Facets",
    "FaqEntry",
    "FeatureEnum",
    "FeaturesEnum",
    "FoundEnum",
    "FuelTypeEnum",
    "Health",
    "HealthServices",
    "HealthStatusEnum",
    "ImageFormatEnum",
    "ImportRejected",
    "ImportRejectedFields",
    "ImportReport",
    "ImportRowReport",
    "ImportRowReportErrors",
    "IncotermEnum",
    "IntervalEnum",
    "Invoice",
    "InvoiceDetail",
    "InvoiceExportDetails",
    "InvoiceKindEnum",
    "InvoiceLine",
    "InvoiceLineInputRequest",
    "InvoiceLineKindEnum",
    "InvoiceParty",
    "InvoiceStatusEnum",
    "InvoiceTax",
    "InvoiceVoidRequest",
    "InvoicesListStatus",
    "InvoicesListType",
    "Kept",
    "KindEnum",
    "LanguageEnum",
    "LanguageRequest",
    "Lead",
    "LeadBrokerAssignRequest",
    "LeadContact",
    "LeadContactChannelEnum",
    "LeadContactRequest",
    "LeadConversion",
    "LeadCreateRequest",
    "LeadCreated",
    "LeadPriorityEnum",
    "LeadStatusEnum",
    "LeadVehicle",
    "LeadsListPriority",
    "LeadsListSource",
    "LeadsListStatus",
    "LedgerEntry",
    "LevelEnum",
    "LogoutRequest",
    "MarkedRead",
    "MarketDemand",
    "Message",
    "MethodEnum",
    "Metrics",
    "Moment",
    "NextAction",
    "Notification",
    "OtpCodeRequest",
    "PaginatedAuditLogList",
    "PaginatedCommissionList",
    "PaginatedDealList",
    "PaginatedDocumentList",
    "PaginatedInvoiceList",
    "PaginatedLeadList",
    "PaginatedLedgerEntryList",
    "PaginatedNotificationList",
    "PaginatedPaymentList",
    "PaginatedPriceAlertList",
    "PaginatedSavedSearchList",
    "PaginatedShipmentList",
    "PaginatedTicketList",
    "PaginatedUserList",
    "PaginatedVehicleCardList",
    "Party",
    "PasswordChangeRequest",
    "PasswordResetConfirmRequest",
    "PasswordResetRequestRequest",
    "PatchedConsentUpdateRequest",
    "PatchedInvoiceUpdateRequest",
    "PatchedLeadStatusRequest",
    "PatchedPreferencesUpdateRequest",
    "PatchedProfileUpdateRequest",
    "PatchedSavedSearchRequest",
    "PatchedSavedSearchRequestQueryParams",
    "PatchedVehicleRequest",
    "Payment",
    "PaymentCreateRequest",
    "PaymentFraudReasonsItem",
    "PaymentRefundRequest",
    "PaymentReviewDecisionEnum",
    "PaymentReviewRequest",
    "PaymentStatusEnum",
    "PaymentsListPaymentMethod",
    "PaymentsListStatus",
    "PaymentsReport",
    "Payout",
    "PayoutRailEnum",
    "PayoutStartRequest",
    "PayoutStatusEnum",
    "PaystackEventRequest",
    "PaystackEventRequestData",
    "Period",
    "PhotoReorderRequest",
    "PhotoUploadRequest",
    "PipelineLeadConversion",
    "PipelineReport",
    "Plan",
    "PlanCodeEnum",
    "Port",
    "Preference",
    "PreferenceCategoryEnum",
    "PreferenceChannelEnum",
    "PreferenceRequest",
    "PriceAlert",
    "PriceAlertRequest",
    "PriceBand",
    "PriceFactor",
    "PriceGuidance",
    "ProviderEnum",
    "ProvinceEnum",
    "PurposeEnum",
    "Quality",
    "RailSuccess",
    "RecommendationEnum",
    "RegisterRequest",
    "RegistrationRoleEnum",
    "ReportsCommissionsFormat",
    "ReportsCommissionsTable",
    "ReportsDealersFormat",
    "ReportsDealersTable",
    "ReportsPaymentsFormat",
    "ReportsPaymentsTable",
    "ReportsPipelineFormat",
    "ReportsPipelineTable",
    "ReportsRevenueFormat",
    "ReportsRevenueInterval",
    "ReportsRevenueTable",
    "ReportsShipmentsFormat",
    "ReportsShipmentsTable",
    "ReportsTopVehiclesFormat",
    "ReportsTopVehiclesTable",
    "ResultEnum",
    "RevenueFigures",
    "RevenueReport",
    "RevenueRow",
    "RoleEnum",
    "Route",
    "SavedCard",
    "SavedSearch",
    "SavedSearchQueryParams",
    "SavedSearchRequest",
    "SavedSearchRequestQueryParams",
    "ScoredVehicle",
    "SearchAnalyticsTopFound",
    "SearchDemand",
    "SearchDemandRow",
    "SearchDemandRowFilters",
    "Shipment",
    "ShipmentCreateRequest",
    "ShipmentDetail",
    "ShipmentEvent",
    "ShipmentEventCreateRequest",
    "ShipmentStatusEnum",
    "ShipmentsListStatus",
    "ShipmentsReport",
    "SignInUser",
    "SoldVehicle",
    "SourceEnum",
    "Stage",
    "StageEnum",
    "StatusCount",
    "SubscribeRequest",
    "Subscription",
    "SubscriptionDetail",
    "SubscriptionDetailStatusEnum",
    "SubscriptionInvoice",
    "Suggestion",
    "SupportFaqListCategory",
    "SupportTicketsListStatus",
    "TargetMetrics",
    "TaxRegimeEnum",
    "Ticket",
    "TicketAssignRequest",
    "TicketAttachment",
    "TicketAttachmentCreateRequest",
    "TicketCategoryEnum",
    "TicketDetail",
    "TicketMessage",
    "TicketMessageCreateRequest",
    "TicketMessageViaEnum",
    "TicketOpenRequest",
    "TicketPriorityEnum",
    "TicketStatusEnum",
    "TicketStatusRequest",
    "TokenPairRequest",
    "TokenPairResponse",
    "TokenRefresh",
    "TokenRefreshRequest",
    "TopVehicle",
    "TopVehiclesReport",
    "TotpEnrolment",
    "Track",
    "TrackEvent",
    "TransactionsListType",
    "TransmissionEnum",
    "UnreadCount",
    "Unsubscribed",
    "Usage",
    "User",
    "UsersListRole",
    "Vehicle",
    "VehicleCard",
    "VehiclePhoto",
    "VehiclePriceChange",
    "VehicleRequest",
    "VehicleStatusEnum",
    "VehiclesFacetsCurrency",
    "VehiclesFacetsOrderingItem",
    "VehiclesListCurrency",
    "VehiclesListOrderingItem",
    "WebhookAnswer",
    "WebhooksMpesaB2CBody",
    "WebhooksWhatsappCloudRetrieveResponse403",
)

from enum import StrEnum


class DocumentTypeEnum(StrEnum):
    BESC_CARGO_TRACKING_NOTE = "besc_cargo_tracking_note"
    BIETC_CARGO_TRACKING_NOTE = "bietc_cargo_tracking_note"
    BILL_OF_LADING = "bill_of_lading"
    BILL_OF_SALE = "bill_of_sale"
    BSC_CARGO_TRACKING_NOTE = "bsc_cargo_tracking_note"
    BUYER_ID = "buyer_id"
    CI_INSURANCE_CERTIFICATE = "ci_insurance_certificate"
    COMMERCIAL_INVOICE = "commercial_invoice"
    ECTN_CARGO_TRACKING_NOTE = "ectn_cargo_tracking_note"
    EGUIMS_PRESHIPMENT_INSPECTION = "eguims_preshipment_inspection"
    EXPORT_DECLARATION = "export_declaration"
    FDI_IMPORT_DECLARATION = "fdi_import_declaration"
    FERI_CARGO_TRACKING_NOTE = "feri_cargo_tracking_note"
    FORM_M = "form_m"
    IMPORT_PERMIT = "import_permit"
    INSPECTION_CERTIFICATE = "inspection_certificate"
    LIEN_SEARCH = "lien_search"
    OTHER = "other"
    PAAR = "paar"
    PROOF_OF_OWNERSHIP = "proof_of_ownership"
    PROOF_OF_PAYMENT = "proof_of_payment"
    ROADWORTHINESS_CERTIFICATE_ORIGIN = "roadworthiness_certificate_origin"
    VEHICLE_TITLE = "vehicle_title"

    def __str__(self) -> str:
        return str(self.value)

"""Export documents of a deal: the file (private storage), what it is, its review and its quality."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.storage import document_storage
from nzila_export.models import TimeStampedModel


class DocumentType(models.TextChoices):
    # The Canadian side of an export, and the deal file around it.
    BILL_OF_SALE = "bill_of_sale", _("Bill of sale")
    VEHICLE_TITLE = "vehicle_title", _("Vehicle title (ownership)")
    LIEN_SEARCH = "lien_search", _("Lien search")
    COMMERCIAL_INVOICE = "commercial_invoice", _("Commercial invoice")
    EXPORT_DECLARATION = "export_declaration", _("Export declaration (CBSA CERS)")
    BILL_OF_LADING = "bill_of_lading", _("Bill of lading")
    BUYER_ID = "buyer_id", _("Buyer identification")
    PROOF_OF_PAYMENT = "proof_of_payment", _("Proof of payment")
    IMPORT_PERMIT = "import_permit", _("Import permit")
    INSPECTION_CERTIFICATE = "inspection_certificate", _("Inspection certificate")
    OTHER = "other", _("Other")
    # The destination's documents: the codes used in leads/data/destination_rules.csv.
    BSC_CARGO_TRACKING_NOTE = "bsc_cargo_tracking_note", _("BSC cargo tracking note")
    BESC_CARGO_TRACKING_NOTE = "besc_cargo_tracking_note", _("BESC cargo tracking note")
    ECTN_CARGO_TRACKING_NOTE = "ectn_cargo_tracking_note", _("ECTN cargo tracking note")
    BIETC_CARGO_TRACKING_NOTE = "bietc_cargo_tracking_note", _("BIETC cargo tracking note")
    FERI_CARGO_TRACKING_NOTE = "feri_cargo_tracking_note", _("FERI cargo tracking note")
    FDI_IMPORT_DECLARATION = "fdi_import_declaration", _("FDI import declaration (Côte d'Ivoire)")
    CI_INSURANCE_CERTIFICATE = "ci_insurance_certificate", _("Insurance certificate (Côte d'Ivoire)")
    PROOF_OF_OWNERSHIP = "proof_of_ownership", _("Proof of ownership")
    FORM_M = "form_m", _("Form M (Nigeria)")
    PAAR = "paar", _("PAAR (Nigeria)")
    EGUIMS_PRESHIPMENT_INSPECTION = "eguims_preshipment_inspection", _("EGUIMS pre-shipment inspection (Guinea)")
    ROADWORTHINESS_CERTIFICATE_ORIGIN = "roadworthiness_certificate_origin", _("Roadworthiness certificate at origin")


class DocumentStatus(models.TextChoices):
    PENDING_REVIEW = "pending_review", _("Pending review")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


class FileFormat(models.TextChoices):
    """What the bytes are, whatever the file was called."""

    PDF = "application/pdf", _("PDF")
    JPEG = "image/jpeg", _("JPEG")
    PNG = "image/png", _("PNG")


class QualityRecommendation(models.TextChoices):
    ACCEPT = "accept", _("Looks fine: verify after reading it")
    REVIEW = "review", _("Review carefully")
    REQUEST_BETTER_COPY = "request_better_copy", _("Ask for a better copy")


def document_upload_path(instance, filename):
    return f"deals/{instance.deal_id}/documents/{filename}"


class Document(TimeStampedModel):
    """One uploaded file for a deal. A rejected document is never overwritten: its replacement is a
    new row pointing at it (`replaces`), so the history of what was sent and why it was refused stays."""

    deal = models.ForeignKey("deals.Deal", verbose_name=_("deal"), on_delete=models.PROTECT, related_name="documents")
    document_type = models.CharField(verbose_name=_("document type"), max_length=40, choices=DocumentType.choices)
    file = models.FileField(
        verbose_name=_("file"), upload_to=document_upload_path, storage=document_storage, max_length=255
    )
    original_name = models.CharField(
        verbose_name=_("original file name"), max_length=255, help_text=_("The file's name on the uploader's device.")
    )
    content_type = models.CharField(
        verbose_name=_("file format"), max_length=20, choices=FileFormat.choices, help_text=_("Read from the bytes.")
    )
    size_bytes = models.PositiveIntegerField(verbose_name=_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    status = models.CharField(
        verbose_name=_("status"),
        max_length=16,
        choices=DocumentStatus.choices,
        default=DocumentStatus.PENDING_REVIEW,
        db_index=True,
    )
    review_note = models.TextField(verbose_name=_("review note"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(verbose_name=_("reviewed at"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="uploaded_documents",
    )
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaced document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
        help_text=_("The rejected document this one replaces."),
    )
    quality_score = models.PositiveSmallIntegerField(verbose_name=_("quality score"), null=True, blank=True)
    quality_issues = models.JSONField(verbose_name=_("quality issues"), default=list, blank=True)
    quality_recommendation = models.CharField(
        verbose_name=_("quality recommendation"), max_length=24, choices=QualityRecommendation.choices, blank=True
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["deal", "document_type", "status"], name="documents_deal_type_status")]

    def __str__(self):
        return f"{self.get_document_type_display()} for deal {self.deal_id} ({self.status})"

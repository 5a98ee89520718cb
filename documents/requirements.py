"""Which documents a deal needs, by when, and where each stands. The one place for the rule; deals
calls `deal_documents_missing` before a move, the checklist endpoint shows `deal_checklist`.

Stages follow a real export from Canada (see ../shared/data/README.md):
- before_payment: bill of sale, vehicle title (ownership), lien search, commercial invoice: the buyer
  pays for a car that is the seller's to sell and free of liens;
- before_departure: the CBSA export declaration (CERS) when the goods are worth CAD 2,000 or more
  (Memorandum D20-1-1; due 48 hours before loading by sea), and the destination's own documents from
  its DestinationRule (cargo tracking note, Form M and PAAR, FDI, ...), which staff edit;
- after_loading: the ocean bill of lading, issued once the car is on board.
"""

import logging
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from currencies.conversion import ExchangeRateUnavailable
from currencies.money import UnknownCurrency
from documents.models import Document, DocumentStatus, DocumentType
from leads.eligibility import destination_rule_for
from vehicles.pricing import price_in_cad

logger = logging.getLogger(__name__)

EXPORT_DECLARATION_THRESHOLD_CAD = Decimal("2000")


class Stage(models.TextChoices):
    BEFORE_PAYMENT = "before_payment", _("Before payment")
    BEFORE_DEPARTURE = "before_departure", _("Before departure")
    AFTER_LOADING = "after_loading", _("After loading")


STAGE_ORDER = [Stage.BEFORE_PAYMENT, Stage.BEFORE_DEPARTURE, Stage.AFTER_LOADING]

CANADIAN_BEFORE_PAYMENT = [
    DocumentType.BILL_OF_SALE,
    DocumentType.VEHICLE_TITLE,
    DocumentType.LIEN_SEARCH,
    DocumentType.COMMERCIAL_INVOICE,
]

MISSING = "missing"
CHECKLIST_STATUS_CHOICES = [(MISSING, _("Missing")), *DocumentStatus.choices]


@dataclass(frozen=True)
class Requirement:
    document_type: str
    stage: str
    reason: str


@dataclass(frozen=True)
class ChecklistItem:
    document_type: str
    label: str
    stage: str
    reason: str
    status: str  # "missing" or a DocumentStatus value
    document_id: int | None  # the document that gives the status, if any


def deal_value_cad(*, deal) -> Decimal:
    """The agreed price in CAD: as agreed when in CAD, else converted at today's rate, else the
    listing's CAD price when the currency has no rate."""
    if deal.currency == "CAD":
        return Decimal(deal.agreed_price)
    try:
        return price_in_cad(amount=deal.agreed_price, currency=deal.currency)
    except (ExchangeRateUnavailable, UnknownCurrency):
        return Decimal(deal.vehicle.price_cad)


def deal_required_documents(*, deal) -> list[Requirement]:
    required = [
        Requirement(document_type, Stage.BEFORE_PAYMENT, gettext("Canadian side of every export"))
        for document_type in CANADIAN_BEFORE_PAYMENT
    ]
    value_cad = deal_value_cad(deal=deal)
    if value_cad >= EXPORT_DECLARATION_THRESHOLD_CAD:
        required.append(
            Requirement(
                DocumentType.EXPORT_DECLARATION,
                Stage.BEFORE_DEPARTURE,
                gettext("CBSA export declaration: goods worth CAD %(value)s, CAD 2,000 or more")
                % {"value": formats.number_format(value_cad, decimal_pos=2, force_grouping=True)},
            )
        )
    rule = destination_rule_for(country=deal.destination_country)
    if rule is not None:
        for code in rule.required_documents:
            if code not in DocumentType.values:
                # Staff added a code that no document type matches yet: say so rather than block deals.
                logger.warning("Destination rule %s names unknown document code %r", rule.country, code)
                continue
            if any(item.document_type == code for item in required):
                continue
            reason = gettext("Required by %(destination)s") % {"destination": rule.name}
            required.append(Requirement(code, Stage.BEFORE_DEPARTURE, reason))
    required.append(
        Requirement(DocumentType.BILL_OF_LADING, Stage.AFTER_LOADING, gettext("Issued once the car is loaded"))
    )
    return required


def _status_by_type(*, deal) -> dict[str, tuple[str, int]]:
    """Per document type: verified if any copy is; else the newest copy's status."""
    found: dict[str, tuple[str, int]] = {}
    documents = (
        Document.objects.filter(deal=deal).order_by("-created_at", "-id").values_list("document_type", "status", "id")
    )
    for document_type, status, document_id in documents:
        current = found.get(document_type)
        if current is None or (status == DocumentStatus.VERIFIED and current[0] != DocumentStatus.VERIFIED):
            found[document_type] = (status, document_id)
    return found


def deal_checklist(*, deal) -> list[ChecklistItem]:
    statuses = _status_by_type(deal=deal)
    items = []
    for requirement in deal_required_documents(deal=deal):
        status, document_id = statuses.get(requirement.document_type, (MISSING, None))
        items.append(
            ChecklistItem(
                document_type=requirement.document_type,
                label=str(DocumentType(requirement.document_type).label),
                stage=requirement.stage,
                reason=requirement.reason,
                status=status,
                document_id=document_id,
            )
        )
    return items


def deal_documents_missing(*, deal, stage: str) -> list[str]:
    """Document types due by `stage` (that stage and the earlier ones) that are not verified yet."""
    if stage not in Stage.values:
        raise ValueError(f"Unknown document stage {stage!r}; one of {', '.join(Stage.values)}.")
    due = set(STAGE_ORDER[: STAGE_ORDER.index(Stage(stage)) + 1])
    return [
        item.document_type
        for item in deal_checklist(deal=deal)
        if item.stage in due and item.status != DocumentStatus.VERIFIED
    ]

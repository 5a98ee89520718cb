"""Everything an account holds, by category: what an access request's export is made of.

Only the caller's own rows: the other party of a deal appears by its id, never with its details; the leads a
dealer or broker handles appear without the inquirer's name, contact details or message. The files go under
files/ in the ZIP, named in the rows that describe them.
"""

from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.db.models import Q, QuerySet, Sum
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _

from audit.models import AuditLog
from commissions.models import BrokerPayoutAccount, Commission, CommissionStatement
from documents.models import Document
from documents.selectors import identity_documents_of
from leads.models import Lead
from notifications.models import MessageLog, Notification
from notifications.preferences import preference_matrix
from nzila_export.field_encryption import revealed
from nzila_export.stored_text import stored_text_read
from payments.models import LedgerEntry, Payment
from privacy.models import ConsentRecord, DataRequest
from privacy.selectors import consent_states, deals_of, invoices_of
from vehicles.models import Vehicle

# Each JSON file of the export and what it holds, for the README.
CATEGORIES = {
    "profile": _("Your profile: what you told us about you and your company, and your account's settings."),
    "vehicles": _("The vehicles you listed (dealers), including those you deleted."),
    "leads": _("Your inquiries about vehicles, and the leads you handled as a dealer or broker (without the details "
               "of the people who inquired)."),
    "deals": _("Your deals and their timelines."),
    "documents": _("The documents you uploaded and your identity documents; their files are under files/documents/."),
    "payments": _("Your payments and the ledger entries of the money they moved."),
    "invoices": _("The invoices, credit notes and receipts of your deals; their PDFs are under files/invoices/."),
    "commissions": _("Brokers: your commissions with their entries and payouts, your payout details and your monthly "
                     "statements (under files/commission-statements/)."),
    "notifications": _("Your in-app notifications, the messages we sent you and your notification preferences."),
    "consents": _("Your consents as they stand, and their history."),
    "sign_ins": _("Your sign-ins and sign-outs, from our security log."),
    "requests": _("Your requests about your personal information."),
}  # fmt: skip

SIGN_IN_ACTIONS = ("auth.sign_in", "auth.sign_out")
# The columns each category shows: what the person gave us or what we recorded about them, not our internals.
PROFILE_FIELDS = (
    "id", "username", "email", "first_name", "last_name", "role", "company_name", "business_number", "address",
    "phone", "country", "preferred_language", "timezone", "preferred_currency", "date_joined", "last_login",
)  # fmt: skip
VEHICLE_FIELDS = (
    "id", "make", "model", "trim", "year", "vin", "mileage_km", "condition", "body_type", "fuel_type", "transmission",
    "drive", "exterior_color", "price", "currency", "city", "province", "description", "status", "published_at",
    "created_at", "deleted_at",
)  # fmt: skip
PAYMENT_FIELDS = (
    "id", "deal", "amount", "currency", "deal_amount", "deal_currency", "amount_cad", "method", "provider", "status",
    "status_changed_at", "failure_reason", "created_at",
)  # fmt: skip
LEDGER_FIELDS = ("id", "payment", "deal", "kind", "amount", "currency", "amount_cad", "created_at")
NOTIFICATION_FIELDS = ("event", "title", "body", "read_at", "created_at")
MESSAGE_FIELDS = ("channel", "recipient", "event", "status", "sent_at", "created_at")
CONSENT_FIELDS = ("purpose", "granted", "source", "recorded_at", "ip_address", "user_agent")
REQUEST_FIELDS = ("id", "kind", "status", "received_at", "due_at", "completed_at")


@dataclass(frozen=True)
class StoredFile:
    path: str  # in the ZIP
    file: FieldFile


@dataclass
class PersonalData:
    categories: dict[str, object]
    files: list[StoredFile] = field(default_factory=list)


def _leads(user) -> QuerySet[Lead]:
    return Lead.objects.filter(Q(buyer=user) | Q(dealer=user) | Q(broker=user))


def _documents(user) -> QuerySet[Document]:
    return Document.objects.filter(Q(uploaded_by=user) | Q(pk__in=identity_documents_of(user=user).values("pk")))


def _sign_ins(user) -> QuerySet[AuditLog]:
    return AuditLog.objects.filter(user=user, action__in=SIGN_IN_ACTIONS)


def personal_data_size(*, user) -> tuple[int, int]:
    """(rows, bytes of files) the export of `user` would hold, roughly: is it built at once or by a worker?"""
    counted = (
        Vehicle.all_objects.filter(dealer=user), _leads(user), deals_of(user=user), _documents(user),
        Payment.objects.filter(payer=user), invoices_of(user=user), Commission.objects.filter(broker=user),
        Notification.objects.filter(user=user), MessageLog.objects.filter(user=user), _sign_ins(user),
    )  # fmt: skip
    rows = sum(queryset.count() for queryset in counted)
    return rows, _documents(user).aggregate(total=Sum("size_bytes"))["total"] or 0


def personal_data_collect(*, user) -> PersonalData:
    data = PersonalData(categories={})
    deals = deals_of(user=user).select_related("vehicle").prefetch_related("events").order_by("created_at", "id")
    data.categories = {
        "profile": {
            **{name: getattr(user, name) for name in PROFILE_FIELDS},
            "identity_number": revealed(user.identity_number),  # encrypted at rest; the person's own, in clear
        },
        "vehicles": list(Vehicle.all_objects.filter(dealer=user).order_by("id").values(*VEHICLE_FIELDS)),
        "leads": [_lead(lead, user) for lead in _leads(user).prefetch_related("contacts").order_by("created_at", "id")],
        "deals": [_deal(deal, user) for deal in deals],
        "documents": [_document(document, data) for document in _documents(user).order_by("created_at", "id")],
        "payments": {
            "payments": list(Payment.objects.filter(payer=user).order_by("created_at", "id").values(*PAYMENT_FIELDS)),
            "ledger_entries": list(
                LedgerEntry.objects.filter(payment__payer=user).order_by("created_at", "id").values(*LEDGER_FIELDS)
            ),
        },
        "invoices": [_invoice(invoice, data) for invoice in invoices_of(user=user).order_by("created_at", "id")],
        "commissions": _commissions(user, data),
        "notifications": {
            "in_app": list(Notification.objects.filter(user=user).values(*NOTIFICATION_FIELDS)),
            "messages": list(MessageLog.objects.filter(user=user).values(*MESSAGE_FIELDS)),
            "preferences": preference_matrix(user=user),
        },
        "consents": {
            "current": [asdict(state) for state in consent_states(user=user)],
            "history": list(ConsentRecord.objects.filter(user=user).values(*CONSENT_FIELDS)),
        },
        "sign_ins": list(_sign_ins(user).values("action", "timestamp", "ip_address", "user_agent")),
        "requests": list(DataRequest.objects.filter(user=user).values(*REQUEST_FIELDS)),
    }
    return data


def _lead(lead: Lead, user) -> dict:
    role = "inquirer" if lead.buyer_id == user.pk else "dealer" if lead.dealer_id == user.pk else "broker"
    row = {
        "id": lead.pk, "role": role, "vehicle": lead.vehicle_id, "status": lead.status, "source": lead.source,
        "destination_country": lead.destination_country, "created_at": lead.created_at,
    }  # fmt: skip
    if role == "inquirer":
        contacts = [{"channel": c.channel, "note": c.note, "contacted_at": c.contacted_at} for c in lead.contacts.all()]
        row.update(
            full_name=lead.full_name, email=lead.email, phone=lead.phone, message=lead.message, contacts=contacts
        )
    return row


def _deal(deal, user) -> dict:
    roles = [
        role for role in ("dealer", "buyer", "broker", "referring_broker") if getattr(deal, f"{role}_id") == user.pk
    ]
    vehicle = deal.vehicle
    return {
        "id": deal.pk, "roles": roles,
        "vehicle": {"id": vehicle.pk, "year": vehicle.year, "make": vehicle.make, "model": vehicle.model,
                    "vin": vehicle.vin},
        "agreed_price": deal.agreed_price, "currency": deal.currency, "incoterm": deal.incoterm,
        "destination_country": deal.destination_country, "destination_port": deal.destination_port,
        "status": deal.status, "created_at": deal.created_at, "status_changed_at": deal.status_changed_at,
        "cancellation_reason": deal.cancellation_reason,
        "timeline": [{"from": event.from_status, "to": event.to_status, "reason": stored_text_read(event.reason),
                      "at": event.created_at} for event in deal.events.all()],
    }  # fmt: skip


def _attach(data: PersonalData, path: str, file: FieldFile) -> str | None:
    if not file:
        return None
    data.files.append(StoredFile(path=path, file=file))
    return path


def _document(document: Document, data: PersonalData) -> dict:
    return {
        "id": document.pk, "deal": document.deal_id, "document_type": document.document_type,
        "original_name": document.original_name, "content_type": document.content_type,
        "size_bytes": document.size_bytes, "sha256": document.sha256, "status": document.status,
        "review_note": document.review_note, "created_at": document.created_at,
        "file": _attach(data, f"files/documents/{document.pk}-{Path(document.file.name).name}", document.file),
    }  # fmt: skip


def _invoice(invoice, data: PersonalData) -> dict:
    return {
        "id": invoice.pk, "kind": invoice.kind, "number": invoice.number, "status": invoice.status,
        "deal": invoice.deal_id, "currency": invoice.currency, "subtotal": invoice.subtotal,
        "tax_total": invoice.tax_total, "total": invoice.total, "issued_on": invoice.issued_on,
        "due_on": invoice.due_on, "seller": invoice.seller, "buyer": invoice.buyer,
        "file": _attach(data, f"files/invoices/{invoice.number}.pdf", invoice.pdf),
    }  # fmt: skip


def _commissions(user, data: PersonalData) -> dict:
    commissions = Commission.objects.filter(broker=user).prefetch_related("entries", "payouts").order_by("id")
    statements = CommissionStatement.objects.filter(broker=user).order_by("month")
    account = BrokerPayoutAccount.objects.filter(broker=user).first()
    return {
        # In clear: encrypted at rest, they are the person's own.
        "payout_account": {
            "preferred_rail": account.preferred_rail, "mobile_money_phone": revealed(account.mobile_money_phone),
            "stripe_account_id": account.stripe_account_id, "bank_details": revealed(account.bank_details),
        } if account is not None else None,
        "commissions": [
            {
                "id": commission.pk, "deal": commission.deal_id, "role": commission.role, "status": commission.status,
                "percent": commission.percent, "base_cad": commission.base_cad, "completed_on": commission.completed_on,
                "entries": [{"kind": entry.kind, "amount_cad": entry.amount_cad, "note": stored_text_read(entry.note),
                             "created_at": entry.created_at} for entry in commission.entries.all()],
                "payouts": [{"rail": payout.rail, "amount": payout.amount, "currency": payout.currency,
                             "destination": revealed(payout.destination), "status": payout.status,
                             "requested_at": payout.requested_at, "settled_at": payout.settled_at}
                            for payout in commission.payouts.all()],
            }
            for commission in commissions
        ],
        "statements": [
            {
                "month": statement.month, "sent_at": statement.sent_at,
                "csv": _attach(data, f"files/commission-statements/{statement.month:%Y-%m}.csv", statement.csv),
                "pdf": _attach(data, f"files/commission-statements/{statement.month:%Y-%m}.pdf", statement.pdf),
            }
            for statement in statements
        ],
    }  # fmt: skip

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from audit.models import AuditLog
from commissions.models import Commission, CommissionStatus
from deals.models import CLOSED_STATUSES, Deal
from documents.models import Document
from documents.selectors import IDENTITY_DOCUMENT_TYPES
from invoices.models import OPEN_STATUSES, Invoice, InvoiceKind, InvoiceStatus
from notifications.models import Category, Channel
from notifications.preferences import enabled_channels, preference_matrix
from payments.models import Payment
from privacy.models import ConsentPurpose, ConsentRecord, DataRequest, DataRequestKind, DataRequestStatus

# The marketing consents are notifications' channel preferences of the marketing category.
MARKETING_CHANNELS = {
    ConsentPurpose.MARKETING_EMAIL: Channel.EMAIL,
    ConsentPurpose.MARKETING_WHATSAPP: Channel.WHATSAPP,
    ConsentPurpose.MARKETING_SMS: Channel.SMS,
}
SETTLED_COMMISSION_STATUSES = [CommissionStatus.PAID, CommissionStatus.REVERSED]


@dataclass(frozen=True)
class ConsentState:
    purpose: str
    granted: bool
    changed_at: datetime | None  # None: never given nor withdrawn (marketing and the others are off until given)


def _latest_records(*, user) -> dict[str, ConsentRecord]:
    latest = ConsentRecord.objects.filter(user=user).order_by("purpose", "-recorded_at", "-id").distinct("purpose")
    return {record.purpose: record for record in latest}


def consent_states(*, user) -> list[ConsentState]:
    """Each purpose as it stands. Marketing is read from the channel preferences that notifications obeys (a
    change made through its own preferences endpoint counts too); the others from the latest record."""
    latest = _latest_records(user=user)
    marketing = {row["channel"]: row for row in preference_matrix(user=user) if row["category"] == Category.MARKETING}
    states = []
    for purpose in ConsentPurpose:
        record = latest.get(purpose)
        changed_at = record.recorded_at if record else None
        if purpose in MARKETING_CHANNELS:
            preference = marketing[MARKETING_CHANNELS[purpose]]
            granted = preference["enabled"]
            changed_at = max(filter(None, (changed_at, preference["consented_at"])), default=None)
        else:
            granted = record.granted if record else False
        states.append(ConsentState(purpose=purpose.value, granted=granted, changed_at=changed_at))
    return states


def consent_is_granted(*, user, purpose: str) -> bool:
    """Whether `user` consents to `purpose` now (a ConsentPurpose): what recommendations and analytics ask
    before profiling a person or counting them."""
    if purpose in MARKETING_CHANNELS:
        return MARKETING_CHANNELS[purpose] in enabled_channels(user=user, category=Category.MARKETING)
    record = _latest_records(user=user).get(purpose)
    return record is not None and record.granted


def deals_of(*, user) -> QuerySet[Deal]:
    """The deals `user` takes part in, in any role (staff: theirs only, never everyone's)."""
    return Deal.objects.filter(Q(dealer=user) | Q(buyer=user) | Q(broker=user) | Q(referring_broker=user))


def invoices_of(*, user) -> QuerySet[Invoice]:
    """The issued invoices, credit notes and receipts of the deals `user` buys or sells."""
    return Invoice.objects.filter(Q(deal__buyer=user) | Q(deal__dealer=user)).exclude(status=InvoiceStatus.DRAFT)


@dataclass(frozen=True)
class Blocker:
    kind: str
    id: int
    reference: str


def deletion_blockers(*, user) -> list[Blocker]:
    """What keeps an account from being deleted: its open deals, unpaid invoices and unsettled commissions."""
    blockers = [
        Blocker(
            "deal",
            deal.pk,
            gettext("%(vehicle)s, %(status)s")
            % {
                "vehicle": f"{deal.vehicle.year} {deal.vehicle.make} {deal.vehicle.model}",
                "status": deal.get_status_display().lower(),
            },
        )
        for deal in deals_of(user=user).exclude(status__in=CLOSED_STATUSES).select_related("vehicle").order_by("pk")
    ]
    unpaid = invoices_of(user=user).filter(kind=InvoiceKind.INVOICE, status__in=OPEN_STATUSES).order_by("pk")
    blockers += [Blocker("invoice", invoice.pk, invoice.number) for invoice in unpaid]
    unsettled = Commission.objects.filter(broker=user).exclude(status__in=SETTLED_COMMISSION_STATUSES).order_by("pk")
    blockers += [
        Blocker(
            "commission",
            commission.pk,
            gettext("Commission on deal %(deal)s, %(status)s")
            % {"deal": commission.deal_id, "status": commission.get_status_display().lower()},
        )
        for commission in unsettled
    ]
    return blockers


def _day(moment: datetime | date | None) -> date | None:
    return timezone.localdate(moment) if isinstance(moment, datetime) else moment


def retained_records_latest(*, user) -> dict[str, date]:
    """For each kind of record kept after a deletion (privacy.retention), the day of `user`'s latest one;
    kinds it has none of are left out."""
    deals = deals_of(user=user)
    latest = {
        "deals": deals.aggregate(day=Max("status_changed_at"))["day"],
        "invoices": invoices_of(user=user).aggregate(day=Max("issued_on"))["day"],
        "payments": Payment.objects.filter(payer=user).aggregate(day=Max("status_changed_at"))["day"],
        "commissions": Commission.objects.filter(broker=user).aggregate(day=Max("status_changed_at"))["day"],
        "export_documents": Document.objects.filter(deal__in=deals)
        .exclude(document_type__in=IDENTITY_DOCUMENT_TYPES)
        .aggregate(day=Max("created_at"))["day"],
        "security_log": AuditLog.objects.filter(user=user).aggregate(day=Max("timestamp"))["day"],
    }
    return {category: _day(moment) for category, moment in latest.items() if moment is not None}


def access_request_pending(*, user) -> DataRequest | None:
    return DataRequest.objects.filter(user=user, kind=DataRequestKind.ACCESS, status=DataRequestStatus.RECEIVED).first()


def deletion_requests_due(*, before: datetime) -> QuerySet:
    """Ids of the deletion requests whose grace period ended before `before`, oldest first."""
    due = DataRequest.objects.filter(
        kind=DataRequestKind.DELETION, status=DataRequestStatus.RECEIVED, due_at__lt=before
    )
    return due.order_by("due_at", "id").values_list("id", flat=True)


def export_files_expired(*, before: datetime) -> QuerySet[DataRequest]:
    """The access requests whose ZIP is still stored although its link stopped working before `before`."""
    return DataRequest.objects.filter(kind=DataRequestKind.ACCESS, completed_at__lt=before).exclude(export_file="")

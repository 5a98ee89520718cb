"""Deleting an account: refused while it has open business; otherwise closed at once, and anonymized in place
by the daily job once the grace period (PRIVACY_DELETION_GRACE_DAYS) has passed, unless its owner cancels
through the e-mailed link before. What is erased and what is kept, and why: privacy.retention."""

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accounts.selectors import staff_list_active
from accounts.services import user_anonymize, user_deactivate, user_reactivate
from commissions.models import BrokerPayoutAccount
from commissions.services.payouts import broker_payout_account_set
from documents.services import identity_documents_erase
from leads.services import lead_inquirer_erase
from notifications.services import notifications_erase_for_user, notify
from nzila_export.exceptions import Conflict
from privacy.links import deletion_cancel_open, deletion_cancel_token
from privacy.models import ConsentRecord, DataRequest, DataRequestKind, DataRequestStatus
from privacy.retention import ERASED_RULES, KEPT_RULES, RetentionRule
from privacy.selectors import deletion_blockers, deletion_requests_due, retained_records_latest
from privacy.services.requests import data_request_close, data_request_record
from vehicles.models import Vehicle, VehicleStatus
from vehicles.services import vehicle_interests_erase, vehicles_archive


class DeletionBlocked(Conflict):
    code = "deletion_blocked"


@dataclass(frozen=True)
class DeletionPlan:
    data_request: DataRequest
    erased: tuple[RetentionRule, ...]
    kept: list[tuple[RetentionRule, date]]  # each kept kind of record the person has, with its last day


@transaction.atomic
def deletion_request(*, user) -> DeletionPlan:
    """Close the caller's account and schedule its anonymization, or refuse (DeletionBlocked, listing each
    deal, invoice and commission still open) and change nothing."""
    blockers = deletion_blockers(user=user)
    if blockers:
        raise DeletionBlocked(
            gettext("Your account cannot be deleted while it has open business: close, pay or settle what is listed "
                    "in blockers, then ask again."),
            blockers=[asdict(blocker) for blocker in blockers],
        )  # fmt: skip
    user_deactivate(user=user)
    # A closed account sells nothing: its listings leave the catalogue at once (archived, kept as records).
    vehicles_archive(vehicles=Vehicle.objects.filter(dealer=user, status=VehicleStatus.AVAILABLE), user=user)
    due_at = timezone.now() + timedelta(days=settings.PRIVACY_DELETION_GRACE_DAYS)
    data_request = data_request_record(user=user, kind=DataRequestKind.DELETION, due_at=due_at)
    cancel_url = settings.PRIVACY_DELETION_CANCEL_URL.format(token=deletion_cancel_token(data_request=data_request))
    notify(
        event="privacy.deletion_scheduled",
        recipients=[user],
        context={"erase_after": data_request.due_at, "cancel_url": cancel_url},
    )
    notify(
        event="privacy.deletion_requested",
        recipients=staff_list_active(),
        context={"data_request": data_request, "person": user},
    )
    return _deletion_plan(user=user, data_request=data_request)


def _deletion_plan(*, user, data_request: DataRequest) -> DeletionPlan:
    latest = retained_records_latest(user=user)
    kept = [(rule, rule.kept_until(latest=latest[rule.category])) for rule in KEPT_RULES if rule.category in latest]
    return DeletionPlan(data_request=data_request, erased=ERASED_RULES, kept=kept)


@transaction.atomic
def deletion_cancel(*, token: str) -> DataRequest:
    """Within the grace period, the e-mailed link's token withdraws the request and opens the account again."""
    data_request = deletion_cancel_open(token=token, lock=True)
    user_reactivate(user=data_request.user)
    return data_request_close(
        data_request=data_request,
        status=DataRequestStatus.CANCELLED,
        action="privacy.deletion_cancel",
        user=data_request.user,
    )


def _consents_erase(*, user) -> int:
    return ConsentRecord.objects.filter(user=user).delete()[0]


def _exports_erase(*, user) -> int:
    exports = list(DataRequest.objects.filter(user=user).exclude(export_file=""))
    for data_request in exports:
        name, storage = data_request.export_file.name, data_request.export_file.storage
        transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))
    DataRequest.objects.filter(pk__in=[data_request.pk for data_request in exports]).update(export_file="")
    return len(exports)


def _payout_details_erase(*, user) -> int:
    held = BrokerPayoutAccount.objects.filter(broker=user).exclude(
        mobile_money_phone="", stripe_account_id="", bank_details=""
    )
    if not held.exists():
        return 0
    broker_payout_account_set(broker=user, mobile_money_phone="", stripe_account_id="", bank_details="")
    return 1


def _profile_erase(*, user) -> int:
    user_anonymize(user=user)
    return 1


# Who erases each category that privacy.retention erases, in this order: notifications first, while the account
# still has its phone (its WhatsApp session), inquiries after the profile, since they take its pseudonym.
ERASERS = {
    "notifications": notifications_erase_for_user,
    "preferences": vehicle_interests_erase,
    "consents": _consents_erase,
    "identity_documents": identity_documents_erase,
    "payout_details": _payout_details_erase,
    "exports": _exports_erase,
    "profile": _profile_erase,
    "inquiries": lead_inquirer_erase,
}


def deletion_requests_process(*, on: date) -> int:
    """Anonymize the accounts whose grace period ended before the day `on` began (Toronto time), each in its
    own transaction. Returns how many; run again, it finds them done and changes nothing more."""
    before = timezone.make_aware(datetime.combine(on, time.min))
    return sum(
        account_anonymize(data_request_id=request_id) for request_id in list(deletion_requests_due(before=before))
    )


@transaction.atomic
def account_anonymize(*, data_request_id: int) -> bool:
    """Erase what privacy.retention erases, in place; keep what it keeps, attached to the pseudonymous account.
    One audit record, with counts and no personal data."""
    data_request = DataRequest.objects.select_for_update().select_related("user").get(pk=data_request_id)
    if data_request.status != DataRequestStatus.RECEIVED:
        return False
    user = data_request.user
    erased = {category: eraser(user=user) for category, eraser in ERASERS.items()}
    data_request_close(
        data_request=data_request,
        status=DataRequestStatus.COMPLETED,
        action="privacy.anonymize",
        changes={"erased": erased},
    )
    return True

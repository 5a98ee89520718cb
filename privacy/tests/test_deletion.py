"""The right to erasure: refused while business is open; the account closed at once, cancellable within the
grace period, then anonymized in place with what the law keeps still attached to it."""

import json
from datetime import date, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.models import User
from accounts.tests.factories import PASSWORD, BrokerFactory, StaffFactory
from audit.models import AuditLog
from commissions.models import BrokerPayoutAccount
from commissions.services.payouts import broker_payout_account_set
from deals.models import DealStatus
from deals.tests.factories import DealFactory
from documents.models import Document, DocumentType
from documents.tests.factories import DocumentFactory
from invoices.models import Invoice, InvoiceStatus
from leads.models import Lead
from leads.tests.factories import LeadFactory
from notifications.models import Notification
from notifications.services import notify
from payments.models import LedgerEntry
from privacy.models import ConsentPurpose, ConsentRecord, ConsentSource, DataRequest, DataRequestStatus
from privacy.retention import ERASED_RULES
from privacy.services.deletion import ERASERS, deletion_request, deletion_requests_process
from privacy.tests.conftest import invoice_of
from vehicles.models import SavedSearch, VehicleStatus
from vehicles.tests.factories import SavedSearchFactory, VehicleFactory

pytestmark = pytest.mark.django_db

DELETE = "/api/v1/privacy/delete/"


def cancel_path(email) -> str:
    token = email.body.split("token=", 1)[1].split()[0]
    return f"/api/v1/privacy/delete/cancel/{token}/"


def run_job(on: date) -> str:
    out = StringIO()
    call_command("process_deletion_requests", "--date", on.isoformat(), stdout=out)
    return out.getvalue().strip()


def test_every_category_the_table_erases_has_its_eraser():
    assert set(ERASERS) == {rule.category for rule in ERASED_RULES}


def test_deletion_is_refused_while_a_deal_is_open_or_an_invoice_unpaid_and_nothing_changes(client_for):
    open_deal = DealFactory(status=DealStatus.PENDING_PAYMENT, vehicle__year=2021)
    buyer = open_deal.buyer
    unpaid = invoice_of(DealFactory(buyer=buyer, status=DealStatus.COMPLETED), status=InvoiceStatus.OVERDUE)

    refused = client_for(buyer).post(DELETE)

    assert refused.status_code == 409
    assert refused.json()["code"] == "deletion_blocked"
    assert refused.json()["blockers"] == [
        {"kind": "deal", "id": open_deal.pk, "reference": "2021 Toyota Camry, pending payment"},
        {"kind": "invoice", "id": unpaid.pk, "reference": "NZ-2026-000001"},
    ]
    buyer.refresh_from_db()
    assert buyer.is_active
    assert not DataRequest.objects.exists()
    assert mail.outbox == []


def test_deletion_closes_the_account_at_once_and_its_link_cancels_it_within_the_grace_period(
    client_for, api_client, completed_deal, django_capture_on_commit_callbacks
):
    buyer = completed_deal.buyer
    staff = StaffFactory()
    refresh = RefreshToken.for_user(buyer)
    caller = client_for(buyer)

    with django_capture_on_commit_callbacks(execute=True):
        answer = caller.post(DELETE)

    assert answer.status_code == 202, answer.json()
    body = answer.json()
    assert body["status"] == "received"
    year_ends = f"{timezone.localdate().year + 6}-12-31"
    assert {(row["category"], row["kept_until"]) for row in body["kept"]} >= {
        ("invoices", year_ends), ("payments", year_ends), ("deals", year_ends),
    }  # fmt: skip
    assert "Income Tax Act, s. 230" in next(row["reason"] for row in body["kept"] if row["category"] == "invoices")
    assert "profile" in {row["category"] for row in body["erased"]}
    assert caller.get("/api/v1/users/me/").status_code == 401
    assert api_client.post("/api/v1/auth/token/refresh/", {"refresh": str(refresh)}).status_code == 401
    assert Notification.objects.filter(user=staff, event="privacy.deletion_requested").exists()
    (email,) = [email for email in mail.outbox if email.to == [buyer.email]]

    link = cancel_path(email)
    assert api_client.get(link).json()["status"] == "received"
    cancelled = api_client.post(link)
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    buyer.refresh_from_db()
    assert buyer.is_active
    assert api_client.post("/api/v1/auth/token/", {"username": buyer.username, "password": PASSWORD}).status_code == 200
    assert api_client.post(link).status_code == 410
    assert api_client.post(link[:-5] + "xxxx/").status_code == 404


def test_a_closed_dealers_listings_leave_the_catalogue_at_once(
    client_for, api_client, django_capture_on_commit_callbacks
):
    """Even one priced in a currency with no rate today: the listing is archived, not re-priced; and the
    catalogue's cached page, made stale when the request commits, no longer shows it."""
    listing = VehicleFactory(price=Decimal("15000.00"), currency="USD", price_cad=Decimal("20500.00"))
    dealer = listing.dealer
    assert [row["id"] for row in api_client.get("/api/v1/vehicles/").json()["results"]] == [listing.pk]

    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(dealer).post(DELETE).status_code == 202

    listing.refresh_from_db()
    assert (listing.status, listing.price_cad) == (VehicleStatus.ARCHIVED, Decimal("20500.00"))
    assert api_client.get("/api/v1/vehicles/").json()["results"] == []
    assert AuditLog.objects.filter(action="vehicle.update", object_id=str(listing.pk), user=dealer).exists()


def test_after_the_grace_period_the_account_is_anonymized_in_place_and_the_records_kept(
    client_for, api_client, completed_deal, settings, django_capture_on_commit_callbacks
):
    buyer = completed_deal.buyer
    identity = DocumentFactory(deal=completed_deal, document_type=DocumentType.BUYER_ID, uploaded_by=buyer)
    stored_identity = identity.file.name
    bill_of_sale = DocumentFactory(deal=completed_deal)
    lead = LeadFactory(buyer=buyer, message="Call me on +2250701020304")
    SavedSearchFactory(owner=buyer)
    ConsentRecord.objects.create(user=buyer, purpose=ConsentPurpose.ANALYTICS, granted=True, source=ConsentSource.API,
                                 ip_address="203.0.113.9")  # fmt: skip
    notify(event="account.welcome", recipients=[buyer], context={})
    personal = [buyer.username, buyer.email, "Awa", "Kone", "+2250701020304"]
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(buyer).post(DELETE).status_code == 202
    cancel_link = cancel_path(next(email for email in mail.outbox if email.to == [buyer.email]))
    after_grace = timezone.localdate() + timedelta(days=settings.PRIVACY_DELETION_GRACE_DAYS + 1)

    assert run_job(after_grace - timedelta(days=1)) == f"0 accounts anonymized as of {after_grace - timedelta(days=1)}."
    with django_capture_on_commit_callbacks(execute=True):
        assert run_job(after_grace) == f"1 account anonymized as of {after_grace}."

    user = User.objects.get(pk=buyer.pk)
    assert (user.username, user.email) == (f"deleted-{user.pk}", f"deleted-{user.pk}@deleted.invalid")
    assert (user.first_name, user.last_name, str(user.phone), user.address) == ("", "", "", "")
    assert not user.is_active
    assert not user.has_usable_password()
    assert api_client.post("/api/v1/auth/token/", {"username": buyer.username, "password": PASSWORD}).status_code == 401
    invoice = Invoice.objects.get(deal=completed_deal)
    assert (invoice.deal.buyer_id, invoice.number) == (user.pk, "NZ-2026-000001")
    assert LedgerEntry.objects.get(deal=completed_deal).payment.payer_id == user.pk
    identity.refresh_from_db()
    assert identity.file.name == ""
    assert not Document.file.field.storage.exists(stored_identity)
    assert Document.file.field.storage.exists(bill_of_sale.file.name)  # an export document: kept six years
    lead.refresh_from_db()
    assert (lead.full_name, lead.email, lead.message) == (user.username, user.email, "")
    assert not SavedSearch.objects.filter(owner=user).exists()
    assert not Notification.objects.filter(user=user).exists()
    assert not ConsentRecord.objects.filter(user=user).exists()
    data_request = DataRequest.objects.get(user=user)
    assert data_request.status == DataRequestStatus.COMPLETED
    assert data_request.completed_at is not None
    (record,) = AuditLog.objects.filter(action="privacy.anonymize")
    assert not any(value in json.dumps(record.changes) + record.object_repr for value in personal)

    assert run_job(after_grace) == f"0 accounts anonymized as of {after_grace}."
    assert AuditLog.objects.filter(action="privacy.anonymize").count() == 1
    assert api_client.post(cancel_link).status_code == 410
    assert Lead.objects.get(pk=lead.pk).full_name == user.username


def test_a_brokers_payout_details_go_with_the_account(settings):
    broker = BrokerFactory()
    broker_payout_account_set(broker=broker, mobile_money_phone="+254712345678", bank_details="KCB, account 0123")
    deletion_request(user=broker)

    deletion_requests_process(on=timezone.localdate() + timedelta(days=settings.PRIVACY_DELETION_GRACE_DAYS + 1))

    account = BrokerPayoutAccount.objects.get(broker=broker)
    assert (str(account.mobile_money_phone), account.bank_details, account.broker.username) == (
        "", "", f"deleted-{broker.pk}",
    )  # fmt: skip

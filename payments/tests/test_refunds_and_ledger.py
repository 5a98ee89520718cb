from decimal import Decimal

import pytest

from accounts.tests.factories import StaffFactory
from audit.models import AuditLog
from invoices.formatting import money_format
from notifications.models import Notification
from nzila_export.models import AppendOnlyError
from payments.models import LedgerEntry, LedgerEntryKind, Payment, PaymentStatus
from payments.selectors import deal_amount_paid, payment_amount_refunded
from payments.tests.factories import PayableDealFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid(client_for, todays_rates):
    """A succeeded payment of 1,000,000 XOF on a CAD deal (2462.05 CAD)."""
    deal = PayableDealFactory(agreed_price=Decimal("9000.00"))
    response = client_for(deal.buyer).post(
        "/api/v1/payments/",
        {"deal": deal.pk, "amount": "1000000", "currency": "XOF", "method": "card"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="paid",
    )
    assert response.status_code == 201
    return Payment.objects.get(pk=response.json()["id"])


def refund(client, payment, **body):
    return client.post(f"/api/v1/payments/{payment.pk}/refund/", body, format="json")


def test_partial_refunds_add_up_and_never_exceed_what_was_captured(client_for, paid):
    staff = client_for(StaffFactory())
    first = refund(staff, paid, amount="300000", reason="Damaged bumper")
    assert first.status_code == 201, first.json()
    assert (first.json()["kind"], first.json()["amount"], first.json()["deal_amount"]) == (
        "refund",
        "-300000",
        "-738.62",
    )
    paid.refresh_from_db()
    assert paid.status == PaymentStatus.PARTIALLY_REFUNDED
    too_much = refund(staff, paid, amount="700001", reason="More")
    assert too_much.status_code == 400
    assert too_much.json()["fields"] == {"amount": ["At most 700000 XOF of this payment can still be refunded."]}
    rest = refund(staff, paid, reason="Deal cancelled")  # all that is left
    assert rest.status_code == 201
    assert rest.json()["amount"] == "-700000"
    paid.refresh_from_db()
    assert paid.status == PaymentStatus.REFUNDED
    assert payment_amount_refunded(payment=paid) == Decimal("1000000")
    # A payment refunded in full nets to exactly zero in every currency.
    entries = LedgerEntry.objects.filter(payment=paid)
    assert sum(entry.amount for entry in entries) == 0
    assert sum(entry.deal_amount for entry in entries) == 0
    assert sum(entry.amount_cad for entry in entries) == 0
    assert deal_amount_paid(deal=paid.deal) == Decimal("0.00")
    assert refund(staff, paid, amount="1", reason="again").status_code == 409
    first_record, last_record = AuditLog.objects.filter(action="payment.refund").order_by("id")
    assert first_record.user.is_platform_staff
    assert first_record.changes == {
        "status": ["succeeded", "partially_refunded"], "amount": "300000", "currency": "XOF",
        "refunded": ["0", "300000"], "reason": "Damaged bumper",
    }  # fmt: skip
    assert (last_record.changes["status"], last_record.changes["refunded"]) == (
        ["partially_refunded", "refunded"], ["300000", "1000000"]
    )  # fmt: skip
    assert Notification.objects.filter(event="payment.refunded", user=paid.payer).count() == 2


def test_only_staff_refund_and_only_captured_payments(client_for, paid):
    assert refund(client_for(paid.payer), paid, reason="please").status_code == 403
    assert refund(client_for(paid.deal.dealer), paid, reason="please").status_code == 403
    assert not LedgerEntry.objects.filter(kind=LedgerEntryKind.REFUND).exists()
    staff = client_for(StaffFactory())
    assert refund(staff, paid, amount="0.5", reason="x").status_code == 400  # no fractions of a franc
    assert refund(staff, paid, amount="10").status_code == 400  # a reason is required
    Payment.objects.filter(pk=paid.pk).update(status=PaymentStatus.FAILED)
    refused = refund(staff, paid, reason="x")
    assert (refused.status_code, refused.json()["code"]) == (409, "refund_refused")


def test_the_ledger_is_append_only():
    from payments.tests.factories import PayableDealFactory as _  # noqa: F401

    entry_model = LedgerEntry
    with pytest.raises(AppendOnlyError):
        entry_model.objects.all().update(note="changed")
    with pytest.raises(AppendOnlyError):
        entry_model.objects.all().delete()


def test_a_stored_ledger_entry_cannot_be_saved_again_or_deleted(paid):
    entry = LedgerEntry.objects.get(payment=paid)
    entry.amount = Decimal("1")
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert LedgerEntry.objects.get(pk=entry.pk).amount == Decimal("1000000")


def test_admin_lists_payments_with_filters_and_the_ledger_read_only(client, paid, admin_login):
    admin_login(client, StaffFactory(is_superuser=True))
    for path in [
        "/admin/payments/payment/", "/admin/payments/payment/?status__exact=succeeded&method__exact=card",
        f"/admin/payments/payment/?q={paid.provider_reference}", f"/admin/payments/payment/{paid.pk}/change/",
        "/admin/payments/ledgerentry/", "/admin/payments/ledgerentry/?kind__exact=charge",
    ]:  # fmt: skip
        assert client.get(path).status_code == 200, path
    entry = LedgerEntry.objects.get(payment=paid)
    assert client.get("/admin/payments/ledgerentry/add/").status_code == 403
    assert client.post(f"/admin/payments/ledgerentry/{entry.pk}/delete/").status_code == 403
    assert client.post(f"/admin/payments/ledgerentry/{entry.pk}/change/", {"note": "x"}).status_code == 403
    assert LedgerEntry.objects.get(pk=entry.pk).note == ""


def test_the_refund_message_writes_what_was_refunded_so_far_as_the_currency_is_written(client_for, paid):
    """No franc fractions and no bare number: XOF as the buyer's language writes it, like the refund itself."""
    paid.payer.preferred_language = "fr"
    paid.payer.save(update_fields=["preferred_language"])
    staff = client_for(StaffFactory())
    assert refund(staff, paid, amount="300000", reason="Pare-chocs abîmé").status_code == 201
    assert refund(staff, paid, amount="1000", reason="Geste commercial").status_code == 201

    latest = Notification.objects.filter(event="payment.refunded", user=paid.payer).latest("id")
    so_far = money_format(amount=Decimal("301000"), currency="XOF", language="fr")
    assert so_far == "301\u202f000\xa0F\u202fCFA"
    assert latest.body.endswith(f"Remboursé sur ce paiement à ce jour : {so_far}.")

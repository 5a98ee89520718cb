"""The admin's refund form (a payment's page, Refund): staff refund all or part of a captured payment through
payment_refund; a wrong amount is the form's field error (400), never a 500 or a refund."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission

from accounts.tests.factories import StaffFactory
from audit.models import AuditLog
from notifications.models import Notification
from payments.models import LedgerEntry, LedgerEntryKind, Payment, PaymentStatus
from payments.services.ledger import ledger_entry_write
from payments.tests.conftest import free_port as closed_port  # bound, then let go: nothing listens there
from payments.tests.factories import PayableDealFactory, StripePaymentFactory

pytestmark = pytest.mark.django_db


def paid(client_for, *, amount: str, currency: str) -> Payment:
    """A succeeded payment of the deal's buyer, made through the API (sandbox gateway)."""
    deal = PayableDealFactory(agreed_price=Decimal("9000.00"))
    response = client_for(deal.buyer).post(
        "/api/v1/payments/", {"deal": deal.pk, "amount": amount, "currency": currency, "method": "card"},
        format="json", HTTP_IDEMPOTENCY_KEY=f"paid-{deal.pk}",
    )  # fmt: skip
    assert response.status_code == 201, response.json()
    return Payment.objects.get(pk=response.json()["id"])


@pytest.fixture
def xof_payment(client_for, todays_rates):
    """1,000,000 XOF (no decimals) captured."""
    return paid(client_for, amount="1000000", currency="XOF")


@pytest.fixture
def staff(client, admin_login):
    staff = StaffFactory(is_superuser=True)
    admin_login(client, staff)
    return staff


def page_url(payment: Payment) -> str:
    return f"/admin/payments/payment/{payment.pk}/change/"


def refund_url(payment: Payment) -> str:
    return f"/admin/payments/payment/{payment.pk}/refund/"


def refunds_of(payment: Payment) -> list[Decimal]:
    return list(
        LedgerEntry.objects.filter(payment=payment, kind=LedgerEntryKind.REFUND)
        .order_by("id")
        .values_list("amount", flat=True)
    )


def test_the_payment_page_offers_the_refund_form_with_what_is_left(client, staff, xof_payment):
    page = client.get(f"/admin/payments/payment/{xof_payment.pk}/change/")
    assert page.status_code == 200
    assert refund_url(xof_payment).encode() in page.content
    form = client.get(refund_url(xof_payment))
    assert form.status_code == 200
    assert b"At most 1000000 XOF." in form.content


@pytest.mark.parametrize(
    ("amount", "error"),
    [
        ("0", "The refund must be a positive amount."),
        ("-5", "The refund must be a positive amount."),
        ("1000001", "At most 1000000 XOF of this payment can still be refunded."),
        ("10.5", "10.5 has more decimals than XOF allows."),
        ("ten", "Enter a number."),
    ],
)
def test_a_wrong_amount_is_a_field_error_and_refunds_nothing(client, staff, xof_payment, amount, error):
    response = client.post(refund_url(xof_payment), {"amount": amount, "reason": "Damaged bumper"})
    assert response.status_code == 400
    assert response.context["form"].errors == {"amount": [error]}
    xof_payment.refresh_from_db()
    assert xof_payment.status == PaymentStatus.SUCCEEDED
    assert refunds_of(xof_payment) == []
    assert not AuditLog.objects.filter(action="payment.refund").exists()


def test_too_many_decimals_for_a_currency_of_cents_is_refused(client, staff, client_for, todays_rates):
    payment = paid(client_for, amount="1000.00", currency="CAD")
    response = client.post(refund_url(payment), {"amount": "10.005", "reason": "Fee"})
    assert response.status_code == 400
    assert response.context["form"].errors == {"amount": ["10.005 has more decimals than CAD allows."]}
    ok = client.post(refund_url(payment), {"amount": "10.05", "reason": "Fee"}, follow=True)
    assert [str(message) for message in ok.context["messages"]] == [f"10.05 CAD of payment {payment.pk} refunded."]
    assert refunds_of(payment) == [Decimal("-10.05")]


def test_a_reason_is_required(client, staff, xof_payment):
    response = client.post(refund_url(xof_payment), {"amount": "1000", "reason": " "})
    assert response.status_code == 400
    assert response.context["form"].errors == {"reason": ["This field is required."]}
    assert refunds_of(xof_payment) == []


def test_staff_refund_part_then_the_rest_and_each_is_audited_and_the_payer_told(client, staff, xof_payment):
    first = client.post(refund_url(xof_payment), {"amount": "300000", "reason": "Damaged bumper"}, follow=True)
    assert first.redirect_chain == [(f"/admin/payments/payment/{xof_payment.pk}/change/", 302)]
    assert [str(message) for message in first.context["messages"]] == [
        f"300000 XOF of payment {xof_payment.pk} refunded."
    ]
    xof_payment.refresh_from_db()
    assert xof_payment.status == PaymentStatus.PARTIALLY_REFUNDED
    assert b"At most 700000 XOF." in client.get(refund_url(xof_payment)).content
    client.post(refund_url(xof_payment), {"amount": "700000", "reason": "Deal cancelled"})
    xof_payment.refresh_from_db()
    assert xof_payment.status == PaymentStatus.REFUNDED
    assert refunds_of(xof_payment) == [Decimal("-300000"), Decimal("-700000")]
    records = AuditLog.objects.filter(action="payment.refund").order_by("id")
    assert [(record.user, record.changes["amount"], record.changes["reason"]) for record in records] == [
        (staff, "300000", "Damaged bumper"), (staff, "700000", "Deal cancelled"),
    ]  # fmt: skip
    assert Notification.objects.filter(event="payment.refunded", user=xof_payment.payer).count() == 2
    # Refunded in full: no button any more, and the form sends staff back with the reason.
    assert refund_url(xof_payment).encode() not in client.get(page_url(xof_payment)).content
    again = client.get(refund_url(xof_payment), follow=True)
    assert [str(message) for message in again.context["messages"]] == ["A refunded payment cannot be refunded."]


def test_a_payment_not_captured_cannot_be_refunded(client, staff, client_for, todays_rates):
    payment = paid(client_for, amount="1000.00", currency="CAD")
    Payment.objects.filter(pk=payment.pk).update(status=PaymentStatus.DISPUTED)
    response = client.post(refund_url(payment), {"amount": "10", "reason": "x"}, follow=True)
    assert [str(message) for message in response.context["messages"]] == ["A disputed payment cannot be refunded."]
    assert refunds_of(payment) == []


def test_a_provider_out_of_reach_is_the_forms_error_and_nothing_is_refunded(client, staff, settings):
    """The service's refusal (here Stripe not answering: a closed port) is shown on the form, with its status."""
    settings.PAYMENTS_CARD_GATEWAY, settings.STRIPE_SECRET_KEY = "stripe", "sk_test_nzila"
    settings.STRIPE_API_BASE, settings.STRIPE_MAX_NETWORK_RETRIES = f"http://127.0.0.1:{closed_port()}", 0
    payment = StripePaymentFactory(status=PaymentStatus.SUCCEEDED, amount=Decimal("500.00"))
    ledger_entry_write(payment=payment, kind=LedgerEntryKind.CHARGE, amount=payment.amount)
    response = client.post(refund_url(payment), {"amount": "100", "reason": "Fee"})
    assert response.status_code == 503
    assert response.context["form"].non_field_errors() == [
        "The payment provider could not be reached; nothing was refunded."
    ]
    payment.refresh_from_db()
    assert (payment.status, refunds_of(payment)) == (PaymentStatus.SUCCEEDED, [])


def test_only_staff_allowed_to_change_payments_refund(client, admin_login, xof_payment):
    clerk = StaffFactory(is_superuser=False, is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="view_payment"))
    admin_login(client, clerk)
    assert client.get(f"/admin/payments/payment/{xof_payment.pk}/change/").status_code == 200
    assert refund_url(xof_payment).encode() not in client.get(page_url(xof_payment)).content
    assert client.post(refund_url(xof_payment), {"amount": "1", "reason": "x"}).status_code == 403
    clerk.user_permissions.add(Permission.objects.get(codename="change_payment"))
    assert client.post(refund_url(xof_payment), {"amount": "1", "reason": "x"}).status_code == 302
    assert refunds_of(xof_payment) == [Decimal("-1")]

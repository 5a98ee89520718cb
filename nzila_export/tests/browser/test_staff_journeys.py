"""The staff journeys of the admin in a real browser (issue #19): each starts at the sign-in page, goes
through the clicks and forms a staff member uses, and checks what the page says and the rows behind it.

They live here, in the project's tests, rather than in each app's: one journey crosses several apps (a
payment held by the fraud controls, approved in the admin, reaching Stripe), and one module keeps one
browser per test worker (conftest.py)."""

import json
import time
from decimal import Decimal

import pytest
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from accounts.tests.factories import PASSWORD, BrokerFactory, StaffFactory, totp_code, totp_device_for
from audit.models import AuditLog
from commissions.models import Commission, CommissionPlan, CommissionStatus
from commissions.services.accrual import commissions_accrue
from commissions.tests.conftest import delivered_deal, plan_make
from deals.models import DealEvent
from deals.tests.factories import DealFactory
from documents.models import Document, DocumentStatus
from documents.tests.factories import DocumentFactory
from notifications.models import Notification
from payments.models import LedgerEntry, LedgerEntryKind, Payment, PaymentStatus
from payments.tests.factories import PayableDealFactory, StripePaymentFactory
from webhooks.models import InboxEventStatus
from webhooks.services import inbox_event_process, inbox_receive

pytestmark = pytest.mark.django_db(transaction=True)

WAIT_SECONDS = 15


# --- The browser, as a staff member uses it ------------------------------------------------------------


def submit(browser, button) -> None:
    """Click a button that sends a form, and wait for the page it leads to."""
    page = browser.find_element(By.TAG_NAME, "html")
    button.click()
    wait = WebDriverWait(browser, WAIT_SECONDS)
    wait.until(expected_conditions.staleness_of(page))
    wait.until(lambda driver: driver.execute_script("return document.readyState") == "complete")


def sign_in(browser, live_server, staff, *, code: str, then: str = "/admin/") -> None:
    browser.get(f"{live_server.url}{then}")  # the admin sends a visitor to its sign-in page first
    assert "/admin/login/" in browser.current_url
    browser.find_element(By.ID, "id_username").send_keys(staff.username)
    browser.find_element(By.ID, "id_password").send_keys(PASSWORD)
    browser.find_element(By.ID, "id_otp_token").send_keys(code)
    submit(browser, browser.find_element(By.CSS_SELECTOR, "#login-form input[type=submit]"))


def messages_shown(browser) -> list[str]:
    return [item.text for item in browser.find_elements(By.CSS_SELECTOR, "ul.messagelist li")]


def run_action(browser, action: str, rows) -> None:
    """On a change list: tick the rows, pick the action, Go."""
    for row in rows:
        browser.find_element(By.CSS_SELECTOR, f"input[name=_selected_action][value='{row.pk}']").click()
    Select(browser.find_element(By.NAME, "action")).select_by_value(action)
    submit(browser, browser.find_element(By.CSS_SELECTOR, "button[name=index]"))


def listed_ids(browser) -> list[str]:
    return [box.get_attribute("value") for box in browser.find_elements(By.NAME, "_selected_action")]


@pytest.fixture
def staff():
    """A staff member enrolled in two-factor sign-in (an authenticator app)."""
    staff = StaffFactory(username="ops", is_superuser=True)
    totp_device_for(staff)
    return staff


@pytest.fixture
def signed_in(browser, live_server, staff):
    device = TOTPDevice.objects.get(user=staff)
    sign_in(browser, live_server, staff, code=totp_code(device))
    assert browser.current_url == f"{live_server.url}/admin/"
    return staff


# --- a. Sign-in with the second factor ----------------------------------------------------------------


def test_staff_sign_in_with_their_password_and_the_code_of_their_authenticator(browser, live_server, staff, screenshot):
    device = TOTPDevice.objects.get(user=staff)
    sign_in(browser, live_server, staff, code=totp_code(device))
    assert browser.current_url == f"{live_server.url}/admin/"
    assert "Welcome, ops." in " ".join(browser.find_element(By.ID, "user-tools").get_attribute("textContent").split())
    assert browser.find_element(By.CSS_SELECTOR, "a[href='/admin/payments/payment/']")
    device.refresh_from_db()
    assert device.last_t > 0  # the code was taken, and will not be taken again
    assert AuditLog.objects.filter(action="auth.sign_in", user=staff).count() == 1
    screenshot("sign-in")


def test_a_wrong_code_is_refused_with_the_forms_message(browser, live_server, staff, screenshot):
    device = TOTPDevice.objects.get(user=staff)
    accepted = {totp_code(device, steps_ahead=steps) for steps in (-1, 0, 1)}  # the device's tolerance
    wrong = next(code for code in ("000000", "111111", "222222", "333333") if code not in accepted)
    sign_in(browser, live_server, staff, code=wrong)
    assert "/admin/login/" in browser.current_url
    assert browser.find_element(By.CSS_SELECTOR, "p.errornote").text == (
        "Invalid token. Please make sure you have entered it correctly."
    )
    screenshot("sign-in-wrong-code")
    browser.get(f"{live_server.url}/admin/")
    assert "/admin/login/" in browser.current_url  # still not in
    assert AuditLog.objects.filter(action="auth.sign_in_failed", object_repr="ops").count() == 1
    assert not AuditLog.objects.filter(action="auth.sign_in").exists()


# --- b. Review and verify a document ------------------------------------------------------------------


def test_staff_review_a_document_verify_it_and_reject_another_with_a_note(browser, live_server, signed_in, screenshot):
    document = DocumentFactory(quality_score=87, quality_recommendation="accept")
    blurred = DocumentFactory(deal=document.deal, document_type="lien_search", quality_score=31)
    DocumentFactory(status=DocumentStatus.VERIFIED)  # reviewed already: not in the pending list
    browser.get(f"{live_server.url}/admin/documents/document/?status__exact=pending_review")
    assert sorted(listed_ids(browser)) == sorted([str(document.pk), str(blurred.pk)])

    # Open the first, read its quality check and the download link, verify it.
    browser.find_element(By.CSS_SELECTOR, f"a[href^='/admin/documents/document/{document.pk}/change/']").click()
    WebDriverWait(browser, WAIT_SECONDS).until(expected_conditions.presence_of_element_located((By.ID, "id_decision")))
    page = browser.find_element(By.ID, "content-main").text
    assert "87" in page
    assert "Download bill-of-sale.pdf" in page
    Select(browser.find_element(By.ID, "id_decision")).select_by_value(DocumentStatus.VERIFIED)
    submit(browser, browser.find_element(By.NAME, "_save"))
    assert any("was changed successfully" in message for message in messages_shown(browser))

    # Back on the list of pending ones, reject the blurred one: the action asks for the note the uploader reads.
    assert listed_ids(browser) == [str(blurred.pk)]
    run_action(browser, "reject_selected", [blurred])
    browser.find_element(By.ID, "id_note").send_keys("The scan is blurred: upload a sharper copy.")
    submit(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit][value=Reject]"))
    assert messages_shown(browser) == ["1 document rejected."]
    browser.get(f"{live_server.url}/admin/documents/document/?q={document.deal_id}")  # the deal's documents
    rows = browser.find_element(By.ID, "result_list").text
    assert "Verified" in rows
    assert "Rejected" in rows
    screenshot("document-review")

    document.refresh_from_db()
    blurred.refresh_from_db()
    assert (document.status, document.reviewed_by) == (DocumentStatus.VERIFIED, signed_in)
    assert (blurred.status, blurred.review_note) == (
        DocumentStatus.REJECTED, "The scan is blurred: upload a sharper copy."
    )  # fmt: skip
    assert Notification.objects.filter(event="document.verified", user=document.uploaded_by).count() == 1
    assert Notification.objects.filter(event="document.rejected", user=blurred.uploaded_by).count() == 1
    assert Document.objects.filter(status=DocumentStatus.PENDING_REVIEW).count() == 0


# --- c. Approve a held payment ------------------------------------------------------------------------


def test_staff_approve_a_held_card_payment_and_it_reaches_stripe_with_what_the_buyer_sent(
    browser, live_server, signed_in, screenshot, client_for, todays_rates, on_stripe
):
    deal = PayableDealFactory(held_for_review=True)  # a new account paying at once: held (30 points)
    body = {"deal": deal.pk, "amount": "750.00", "currency": "CAD", "method": "card", "payment_method": "pm_card_visa"}
    held = client_for(deal.buyer).post("/api/v1/payments/", body, format="json", HTTP_IDEMPOTENCY_KEY="held-1")
    assert (held.status_code, held.json()["status"]) == (202, "held")
    payment = Payment.objects.get()
    assert payment.provider_reference == ""  # nothing sent to Stripe yet

    browser.get(f"{live_server.url}/admin/payments/payment/?status__exact=held")
    assert listed_ids(browser) == [str(payment.pk)]
    run_action(browser, "approve_held_payments", [payment])
    assert messages_shown(browser) == ["1 payment approved."]
    browser.get(f"{live_server.url}/admin/payments/payment/{payment.pk}/change/")
    assert "Succeeded" in browser.find_element(By.CLASS_NAME, "field-status").text
    screenshot("payment-approve-held")

    payment.refresh_from_db()
    assert (payment.status, payment.review_decision, payment.reviewed_by) == (
        PaymentStatus.SUCCEEDED, "approve", signed_in
    )  # fmt: skip
    intent = on_stripe.v1.payment_intents.retrieve(payment.provider_reference)
    assert (intent.amount, intent.currency, intent.status, intent.payment_method) == (
        75000, "cad", "succeeded", "pm_card_visa"
    )  # fmt: skip
    assert intent.metadata["payment_id"] == str(payment.pk)
    assert LedgerEntry.objects.get(kind=LedgerEntryKind.CHARGE).payment == payment
    assert AuditLog.objects.get(action="payment.review_approve").user == signed_in


# --- d. Release a held deal ---------------------------------------------------------------------------


def test_staff_release_a_held_deal(browser, live_server, signed_in, screenshot):
    held = DealFactory(is_on_hold=True, hold_reason="High fraud risk")
    DealFactory()  # not held: not listed
    browser.get(f"{live_server.url}/admin/deals/deal/?is_on_hold__exact=1")
    assert listed_ids(browser) == [str(held.pk)]
    run_action(browser, "release_hold", [held])
    assert messages_shown(browser) == ["1 deal released."]
    assert listed_ids(browser) == []  # the list still shows held deals only: none now
    browser.get(f"{live_server.url}/admin/deals/deal/{held.pk}/change/")
    events = browser.find_element(By.ID, "events-group")
    assert "Hold released: Reviewed in the admin" in events.text
    browser.execute_script("arguments[0].scrollIntoView({block: 'end'})", events)  # the hold and its history
    screenshot("deal-release-hold")

    held.refresh_from_db()
    assert held.is_on_hold is False
    assert DealEvent.objects.get(deal=held).reason == {
        "message": "Hold released: %(note)s",
        "values": {"note": "Reviewed in the admin"},
    }
    record = AuditLog.objects.get(action="deal.release_hold")
    assert (record.user, record.changes["is_on_hold"]) == (signed_in, [True, False])


# --- e. Refund part of a payment ----------------------------------------------------------------------


def test_staff_refund_part_of_a_payment_from_its_page(
    browser, live_server, signed_in, screenshot, client_for, todays_rates
):
    deal = PayableDealFactory()
    body = {"deal": deal.pk, "amount": "1000.00", "currency": "CAD", "method": "card"}
    paid = client_for(deal.buyer).post("/api/v1/payments/", body, format="json", HTTP_IDEMPOTENCY_KEY="paid-1")
    assert paid.status_code == 201, paid.json()
    payment = Payment.objects.get()

    browser.get(f"{live_server.url}/admin/payments/payment/?q={payment.provider_reference}")
    browser.find_element(By.CSS_SELECTOR, f"a[href^='/admin/payments/payment/{payment.pk}/change/']").click()
    WebDriverWait(browser, WAIT_SECONDS).until(expected_conditions.element_to_be_clickable((By.ID, "refund-payment")))
    browser.find_element(By.ID, "refund-payment").click()
    WebDriverWait(browser, WAIT_SECONDS).until(expected_conditions.presence_of_element_located((By.ID, "refund-form")))
    assert "At most 1000.00 CAD." in browser.find_element(By.ID, "refund-form").text

    amount, reason = browser.find_element(By.ID, "id_amount"), browser.find_element(By.ID, "id_reason")
    amount.send_keys("1000.01")
    reason.send_keys("Scratch on the rear door")
    submit(browser, browser.find_element(By.CSS_SELECTOR, "#refund-form input[type=submit]"))
    errors = browser.find_element(By.CSS_SELECTOR, "#refund-form ul.errorlist").text
    assert errors == "At most 1000.00 CAD of this payment can still be refunded."
    assert not LedgerEntry.objects.filter(kind=LedgerEntryKind.REFUND).exists()

    amount = browser.find_element(By.ID, "id_amount")
    amount.clear()
    amount.send_keys("250.50")
    submit(browser, browser.find_element(By.CSS_SELECTOR, "#refund-form input[type=submit]"))
    assert messages_shown(browser) == [f"250.50 CAD of payment {payment.pk} refunded."]
    assert "Partially refunded" in browser.find_element(By.CLASS_NAME, "field-status").text
    screenshot("payment-refund")

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PARTIALLY_REFUNDED
    refund = LedgerEntry.objects.get(kind=LedgerEntryKind.REFUND)
    assert (refund.payment, refund.amount, refund.note) == (payment, Decimal("-250.50"), "Scratch on the rear door")
    record = AuditLog.objects.get(action="payment.refund")
    assert (record.user, record.changes["amount"], record.changes["refunded"]) == (
        signed_in, "250.50", ["0.00", "250.50"]
    )  # fmt: skip
    assert Notification.objects.filter(event="payment.refunded", user=payment.payer).count() == 1


# --- f. Replay a webhook ------------------------------------------------------------------------------


def stripe_succeeded_event(payment: Payment, *, event_id: str) -> bytes:
    """payment_intent.succeeded as Stripe sends it, without our metadata (as when Stripe's event outruns our
    answer to the create call)."""
    intent = {
        "id": payment.provider_reference, "object": "payment_intent", "amount": int(payment.amount * 100),
        "currency": "cad", "status": "succeeded", "metadata": {}, "last_payment_error": None,
    }  # fmt: skip
    return json.dumps({
        "id": event_id, "object": "event", "type": "payment_intent.succeeded", "created": int(time.time()),
        "livemode": False, "data": {"object": intent},
    }).encode()  # fmt: skip


def test_staff_replay_a_failed_webhook_event_once_its_cause_is_fixed(
    browser, live_server, signed_in, screenshot, settings
):
    settings.STRIPE_SECRET_KEY, settings.STRIPE_WEBHOOK_SECRET = "sk_test_nzila", "whsec_test_nzila"
    payment = StripePaymentFactory()
    reference = payment.provider_reference
    body = stripe_succeeded_event(payment, event_id="evt_early")
    Payment.objects.filter(pk=payment.pk).update(provider_reference="")  # no payment carries the id yet
    stored = inbox_receive(
        provider="stripe", event_id="evt_early", event_type="payment_intent.succeeded", body=body, headers={}
    )
    stored = inbox_event_process(event_id=stored.pk)
    assert (stored.status, stored.attempts) == (InboxEventStatus.FAILED, 1)
    Payment.objects.filter(pk=payment.pk).update(provider_reference=reference)  # the cause fixed

    browser.get(f"{live_server.url}/admin/webhooks/inboxevent/?status__exact=failed&q=evt_early")
    assert listed_ids(browser) == [str(stored.pk)]
    run_action(browser, "replay", [stored])
    assert messages_shown(browser) == ["1 event queued again."]
    browser.get(f"{live_server.url}/admin/webhooks/inboxevent/{stored.pk}/change/")
    assert browser.find_element(By.CLASS_NAME, "field-status").text.endswith("Processed")
    screenshot("webhook-replay")

    stored.refresh_from_db()
    assert (stored.status, stored.attempts, stored.error) == (InboxEventStatus.PROCESSED, 2, "")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCEEDED
    assert LedgerEntry.objects.get(kind=LedgerEntryKind.CHARGE).payment == payment
    record = AuditLog.objects.get(action="webhook.replay")
    assert (record.user, record.changes) == (signed_in, {"status": ["failed", "received"]})


# --- g. Approve commissions ---------------------------------------------------------------------------


def test_staff_approve_pending_commissions(browser, live_server, signed_in, screenshot):
    CommissionPlan.objects.all().delete()  # the plan of the test only (2 %), not the one a migration installs
    plan_make(tiers=[("1", "2.0")])
    with transaction.atomic():  # as the payment services write the ledger
        first, second, left = (
            commissions_accrue(deal=delivered_deal(broker=BrokerFactory(username=f"broker-{price}"), price=price))[0]
            for price in ("18000.00", "10000.00", "5000.00")
        )
    browser.get(f"{live_server.url}/admin/commissions/commission/?status__exact=pending")
    assert sorted(listed_ids(browser)) == sorted(str(row.pk) for row in (first, second, left))
    run_action(browser, "approve_selected", [first, second])
    assert messages_shown(browser) == ["2 commissions approved."]
    assert listed_ids(browser) == [str(left.pk)]  # still the pending ones
    browser.get(f"{live_server.url}/admin/commissions/commission/?status__exact=approved")
    table = browser.find_element(By.ID, "result_list").text
    assert "360.00" in table
    assert "200.00" in table
    screenshot("commissions-approve")

    statuses = dict(Commission.objects.values_list("pk", "status"))
    assert statuses == {
        first.pk: CommissionStatus.APPROVED, second.pk: CommissionStatus.APPROVED, left.pk: CommissionStatus.PENDING
    }  # fmt: skip
    assert Commission.objects.filter(approved_at__isnull=False).count() == 2
    records = AuditLog.objects.filter(action="commission.approve")
    assert {record.object_id: (record.user, record.changes["amount_cad"]) for record in records} == {
        str(first.pk): (signed_in, "360.00"), str(second.pk): (signed_in, "200.00")
    }  # fmt: skip

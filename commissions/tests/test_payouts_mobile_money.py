"""Commission payouts by mobile money through the rails' real request code, HTTP intercepted by `responses`;
the bodies are the providers' documented ones: MTN MoMo Disbursement (token, transfer, its status resource)
and M-Pesa B2C on Daraja (payment request, its result, the transaction status query and its result)."""

import base64
import json
import re
from datetime import timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlparse

import pytest
import requests
import responses
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.tests.factories import StaffFactory
from audit.models import AuditLog
from commissions.models import BrokerPayoutAccount, CommissionStatus, Payout, PayoutRail, PayoutStatus
from commissions.services.payouts import (
    broker_payout_account_set,
    commission_payout_start,
    mpesa_b2c_result_verify,
)
from commissions.tasks import settle_processing_payouts
from commissions.tests.test_payouts import approved_commission, assert_paid_everywhere
from notifications.models import Notification
from nzila_export.exceptions import DomainError
from payments.gateways.base import WebhookSignatureInvalid
from webhooks.models import InboxEvent, InboxEventStatus
from webhooks.services import inbox_event_process

pytestmark = pytest.mark.django_db

MOMO = "https://momo.test"
MOMO_TOKEN_URL = f"{MOMO}/disbursement/token/"
TRANSFER_URL = f"{MOMO}/disbursement/v1_0/transfer"
TRANSFER_STATUS_URL = re.compile(rf"{re.escape(TRANSFER_URL)}/[0-9a-f-]+")
MPESA = "https://mpesa.test"
MPESA_TOKEN_URL = f"{MPESA}/oauth/v1/generate"
B2C_URL = f"{MPESA}/mpesa/b2c/v3/paymentrequest"
STATUS_QUERY_URL = f"{MPESA}/mpesa/transactionstatus/v1/query"
RESULT_URL = "https://nzila.test/api/v1/webhooks/mpesa_b2c/"
# 360.00 CAD at the local table's rates: XOF at 406.165325140777 per CAD, KES at 92.592592592593.
XOF_PAID, KES_PAID = Decimal("146220"), Decimal("33333")


@pytest.fixture
def commission(standard_plan, broker, todays_rates):
    return approved_commission(broker=broker)


@pytest.fixture
def staff():
    return StaffFactory()


@pytest.fixture
def on_disbursement(settings):
    settings.MTN_MOMO_BASE_URL = MOMO
    settings.MTN_MOMO_DISBURSEMENT_API_USER = "8f2c9d3e-1b7a-4c55-9e0f-3a6d2b1c4e5f"
    settings.MTN_MOMO_DISBURSEMENT_API_KEY = "disbursement-api-key"
    settings.MTN_MOMO_DISBURSEMENT_SUBSCRIPTION_KEY = "disbursement-subscription-key"
    settings.MTN_MOMO_DISBURSEMENT_TARGET_ENVIRONMENT = "mtnivorycoast"
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.post(MOMO_TOKEN_URL, json={"access_token": "eyJ0eXAiOiJKV1Qi", "token_type": "access_token",
                                        "expires_in": 3600})  # fmt: skip
        yield mock


@pytest.fixture
def on_b2c(settings):
    settings.MPESA_BASE_URL = MPESA
    settings.MPESA_CONSUMER_KEY, settings.MPESA_CONSUMER_SECRET = "consumer-key", "consumer-secret"
    settings.MPESA_B2C_SHORTCODE = "600996"
    settings.MPESA_B2C_INITIATOR_NAME = "testapi"
    settings.MPESA_B2C_SECURITY_CREDENTIAL = "EsJocK7+NjqZPC3I3EO+TbvS+xVb9TymWwaKABoaZr/Z/n0UysSs=="
    settings.MPESA_B2C_RESULT_URL = RESULT_URL
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.get(MPESA_TOKEN_URL, json={"access_token": "SGWcJPtNtYNPGm6uSYR9yPYrAI3Bm", "expires_in": "3599"})
        yield mock


def transfer_resource(status: str = "SUCCESSFUL", reason: str | None = None, external: str = "1") -> dict:
    body = {
        "amount": "146220", "currency": "XOF", "financialTransactionId": "363440463", "externalId": external,
        "payee": {"partyIdType": "MSISDN", "partyId": "2250701234567"}, "payerMessage": "Nzila commission",
        "payeeNote": "Payout", "status": status,
    }  # fmt: skip
    if reason:
        body["reason"] = reason
    return body


def b2c_result(payout: Payout, code: int = 0, description: str = "The service request is processed successfully."):
    result = {
        "ResultType": 0, "ResultCode": code, "ResultDesc": description,
        "OriginatorConversationID": str(payout.reference), "ConversationID": "AG_20191219_00004e48cf7e3533f581",
        "TransactionID": "NLJ41HAY6Q",
        "ReferenceData": {"ReferenceItem": {"Key": "QueueTimeoutURL", "Value": "https://internalsandbox.safaricom.co.ke"}},
    }  # fmt: skip
    if code == 0:
        result["ResultParameters"] = {"ResultParameter": [
            {"Key": "TransactionAmount", "Value": 33333}, {"Key": "TransactionReceipt", "Value": "NLJ41HAY6Q"},
            {"Key": "B2CRecipientIsRegisteredCustomer", "Value": "Y"},
            {"Key": "ReceiverPartyPublicName", "Value": "254708374149 - John Doe"},
            {"Key": "TransactionCompletedDateTime", "Value": "19.12.2019 11:45:50"},
        ]}  # fmt: skip
    return {"Result": result}


def status_result(payout: Payout, transaction_status: str = "Completed") -> dict:
    parameters = [
        {"Key": "DebitPartyName", "Value": "600996 - Safaricom B2C"},
        {"Key": "CreditPartyName", "Value": "254708374149 - John Doe"},
        {"Key": "OriginatorConversationID", "Value": str(payout.reference)},
        {"Key": "ReasonType", "Value": "Business Payment to Customer via API"},
        {"Key": "TransactionStatus", "Value": transaction_status}, {"Key": "Amount", "Value": 33333},
        {"Key": "ConversationID", "Value": "AG_20191219_00004e48cf7e3533f581"},
        {"Key": "ReceiptNo", "Value": "NLJ41HAY6Q"},
    ]  # fmt: skip
    return {"Result": {
        "ConversationID": "AG_20191219_000041b09c3b0a4b8a3c", "OriginatorConversationID": "8520-4528513-1",
        "ResultCode": 0, "ResultDesc": "The service request is processed successfully.", "ResultType": 0,
        "TransactionID": "NLJ0000000", "ResultParameters": {"ResultParameter": parameters},
    }}  # fmt: skip


def daraja_posts(url: str, body: dict) -> InboxEvent:
    """Daraja posts to one of the URLs we gave it: the view verifies and stores it, then a worker applies it."""
    parsed = urlparse(url)
    response = APIClient().post(f"{parsed.path}?{parsed.query}", body, format="json")
    assert response.status_code == 200, response.content
    event = InboxEvent.objects.get(provider="mpesa_b2c", event_id=response.json()["event"])
    return inbox_event_process(event_id=event.pk)


def sent_to(mock, url: str) -> list:
    return [call for call in mock.calls if call.request.url == url]


def test_staff_pay_a_commission_by_mtn_momo_and_everything_agrees(on_disbursement, commission, broker, staff):
    broker_payout_account_set(broker=broker, mobile_money_phone="+2250701234567", preferred_rail=PayoutRail.MTN_MOMO)
    on_disbursement.post(TRANSFER_URL, status=202)
    on_disbursement.get(TRANSFER_STATUS_URL, json=transfer_resource())

    payout = commission_payout_start(commission=commission, rail=PayoutRail.MTN_MOMO, user=staff)

    token_call = sent_to(on_disbursement, MOMO_TOKEN_URL)[0]
    assert (
        token_call.request.headers["Authorization"]
        == "Basic " + base64.b64encode(b"8f2c9d3e-1b7a-4c55-9e0f-3a6d2b1c4e5f:disbursement-api-key").decode()
    )
    assert token_call.request.headers["Ocp-Apim-Subscription-Key"] == "disbursement-subscription-key"
    (transfer,) = sent_to(on_disbursement, TRANSFER_URL)
    headers = transfer.request.headers
    assert headers["X-Reference-Id"] == str(payout.reference)
    assert (headers["X-Target-Environment"], headers["Authorization"]) == ("mtnivorycoast", "Bearer eyJ0eXAiOiJKV1Qi")
    assert json.loads(transfer.request.body) == {
        "amount": "146220", "currency": "XOF", "externalId": str(payout.pk),
        "payee": {"partyIdType": "MSISDN", "partyId": "2250701234567"},
        "payerMessage": f"Nzila commission {commission.pk}", "payeeNote": f"Payout {payout.pk}",
    }  # fmt: skip
    assert on_disbursement.calls[-1].request.url == f"{TRANSFER_URL}/{payout.reference}"
    assert (payout.status, payout.provider_reference, payout.provider_status) == (
        PayoutStatus.SUCCEEDED, "363440463", "SUCCESSFUL",
    )  # fmt: skip
    assert (payout.amount, payout.currency, payout.rate) == (XOF_PAID, "XOF", Decimal("406.165325140777"))
    assert (payout.rate_date, payout.destination.reveal()) == (timezone.localdate(), "+2250701234567")
    assert_paid_everywhere(commission, payout, "360.00")
    audited = AuditLog.objects.filter(action__startswith="payout.").order_by("id")
    assert list(audited.values_list("action", flat=True)) == ["payout.start", "payout.succeed"]
    assert AuditLog.objects.get(action="commission.pay").user == staff
    notice = Notification.objects.get(event="commission.paid", user=broker)
    # Each amount as its currency is written (a title's spaces are plain, a body's are not broken).
    assert notice.title == f"Your commission on deal {commission.deal_id} was paid: F CFA 146,220"
    assert notice.body.startswith(
        f"Your commission of CA$360.00 on deal {commission.deal_id} was paid by MTN MoMo: F\u202fCFA\xa0146,220 "
        "to ••••4567.\n\nReference: 363440463"  # the number, encrypted at rest, is not written out in clear
    )


def stored(table: str, column: str, pk: int) -> str:
    """A column as the database holds it, read in SQL."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def test_payout_details_are_encrypted_at_rest_and_the_rail_gets_the_phone_in_clear(
    on_disbursement, commission, broker, staff
):
    account = broker_payout_account_set(
        broker=broker,
        mobile_money_phone="+225 07 01 23 45 67",
        bank_details="SGBCI, K. Traoré, CI008 01234 987654321098",
    )
    on_disbursement.post(TRANSFER_URL, status=202)
    on_disbursement.get(TRANSFER_STATUS_URL, json=transfer_resource())

    payout = commission_payout_start(commission=commission, rail=PayoutRail.MTN_MOMO, user=staff)

    (transfer,) = sent_to(on_disbursement, TRANSFER_URL)
    assert json.loads(transfer.request.body)["payee"] == {"partyIdType": "MSISDN", "partyId": "2250701234567"}
    columns = [
        stored("commissions_brokerpayoutaccount", "mobile_money_phone", account.pk),
        stored("commissions_brokerpayoutaccount", "bank_details", account.pk),
        stored("commissions_payout", "destination", payout.pk),
    ]
    for column, clear in zip(columns, ["2250701234567", "987654321098", "2250701234567"], strict=True):
        assert column.startswith("gAAAAA")  # a Fernet token
        assert clear not in column
    stored_account = BrokerPayoutAccount.objects.get(pk=account.pk)
    assert (stored_account.mobile_money_phone.reveal(), stored_account.bank_details.reveal()) == (
        "+2250701234567", "SGBCI, K. Traoré, CI008 01234 987654321098",
    )  # fmt: skip  # the phone is normalized (E.164) before it is encrypted
    assert (str(stored_account.mobile_money_phone), stored_account.mobile_money_phone.masked()) == (
        "[encrypted]",
        "••••4567",
    )
    assert Payout.objects.get(pk=payout.pk).destination.reveal() == "+2250701234567"
    assert "2250701234567" not in str(list(AuditLog.objects.values_list("changes", flat=True)))


def test_a_payout_phone_keeps_its_validation_message(broker):
    with pytest.raises(ValidationError) as refused:
        broker_payout_account_set(broker=broker, mobile_money_phone="not a phone")

    assert refused.value.message_dict == {"mobile_money_phone": ["The phone number entered is not valid."]}
    assert not BrokerPayoutAccount.objects.filter(broker=broker).exists()


def test_mtn_answering_409_already_exists_counts_as_requested(on_disbursement, commission, broker, staff):
    broker_payout_account_set(broker=broker, mobile_money_phone="+2250701234567")
    already = {"code": "RESOURCE_ALREADY_EXIST", "message": "Duplicated reference id. Creation of resource failed."}
    on_disbursement.post(TRANSFER_URL, status=409, json=already)
    on_disbursement.get(TRANSFER_STATUS_URL, json=transfer_resource())

    payout = commission_payout_start(commission=commission, rail=PayoutRail.MTN_MOMO, user=staff)

    assert payout.status == PayoutStatus.SUCCEEDED
    assert len(sent_to(on_disbursement, TRANSFER_URL)) == 1
    assert_paid_everywhere(commission, payout, "360.00")


def test_a_failed_mtn_payout_leaves_the_commission_approved_for_a_new_payout(
    on_disbursement, commission, broker, staff
):
    broker_payout_account_set(broker=broker, mobile_money_phone="+2250701234567")
    on_disbursement.post(TRANSFER_URL, status=202)
    on_disbursement.get(TRANSFER_STATUS_URL, json=transfer_resource(status="FAILED", reason="PAYEE_NOT_FOUND"))

    failed = commission_payout_start(commission=commission, rail=PayoutRail.MTN_MOMO, user=staff)

    assert (failed.status, failed.provider_status) == (PayoutStatus.FAILED, "FAILED")
    assert failed.failure_reason == "MTN MoMo declined the payment (PAYEE_NOT_FOUND)."
    commission.refresh_from_db()
    assert commission.status == CommissionStatus.APPROVED
    assert not Notification.objects.filter(event="commission.paid").exists()

    on_disbursement.replace(responses.GET, TRANSFER_STATUS_URL, json=transfer_resource())
    paid = commission_payout_start(commission=commission, rail=PayoutRail.MTN_MOMO, user=staff)

    references = [call.request.headers["X-Reference-Id"] for call in sent_to(on_disbursement, TRANSFER_URL)]
    assert references == [str(failed.reference), str(paid.reference)]
    assert paid.status == PayoutStatus.SUCCEEDED
    assert_paid_everywhere(commission, paid, "360.00")


def test_an_mtn_transfer_still_pending_is_settled_by_the_job(on_disbursement, commission, broker, staff):
    broker_payout_account_set(broker=broker, mobile_money_phone="+2250701234567")
    on_disbursement.post(TRANSFER_URL, body=requests.exceptions.ReadTimeout("read timed out"))

    payout = commission_payout_start(commission=commission, rail=PayoutRail.MTN_MOMO, user=staff)

    assert payout.status == PayoutStatus.PROCESSING
    on_disbursement.get(TRANSFER_STATUS_URL, json=transfer_resource(status="PENDING"))
    assert settle_processing_payouts.delay().get() == {"checked": 0, "settled": 0, "unreachable": 0}  # too early
    Payout.objects.filter(pk=payout.pk).update(requested_at=timezone.now() - timedelta(minutes=11))
    assert settle_processing_payouts.delay().get() == {"checked": 1, "settled": 0, "unreachable": 0}
    payout.refresh_from_db()
    assert (payout.status, payout.provider_status) == (PayoutStatus.PROCESSING, "PENDING")
    assert settle_processing_payouts.delay().get()["checked"] == 0  # asked a moment ago

    Payout.objects.filter(pk=payout.pk).update(status_checked_at=timezone.now() - timedelta(minutes=11))
    on_disbursement.replace(responses.GET, TRANSFER_STATUS_URL, json=transfer_resource())
    assert settle_processing_payouts.delay().get() == {"checked": 1, "settled": 1, "unreachable": 0}
    payout.refresh_from_db()
    assert payout.status == PayoutStatus.SUCCEEDED
    assert_paid_everywhere(commission, payout, "360.00")


def test_an_mtn_transfer_mtn_never_received_fails_and_mtn_out_of_reach_sends_nothing(
    on_disbursement, commission, broker, staff
):
    broker_payout_account_set(broker=broker, mobile_money_phone="+2250701234567")
    on_disbursement.post(TRANSFER_URL, body=requests.exceptions.ReadTimeout("read timed out"))
    lost = commission_payout_start(commission=commission, rail=PayoutRail.MTN_MOMO, user=staff)
    Payout.objects.filter(pk=lost.pk).update(requested_at=timezone.now() - timedelta(minutes=11))
    not_found = {"code": "RESOURCE_NOT_FOUND", "message": "Requested resource was not found."}
    on_disbursement.get(TRANSFER_STATUS_URL, status=404, json=not_found)

    assert settle_processing_payouts.delay().get() == {"checked": 1, "settled": 1, "unreachable": 0}

    lost.refresh_from_db()
    assert (lost.status, lost.failure_reason) == (
        PayoutStatus.FAILED, "MTN MoMo has no transfer with this payout's reference: nothing was paid.",
    )  # fmt: skip
    cache.clear()  # the token is asked for again, and MTN is out of reach
    on_disbursement.replace(responses.POST, MOMO_TOKEN_URL, body=requests.exceptions.ConnectionError("refused"))

    unsent = commission_payout_start(commission=commission, rail=PayoutRail.MTN_MOMO, user=staff)

    assert (unsent.status, unsent.failure_reason) == (
        PayoutStatus.FAILED, "MTN MoMo could not be reached; nothing was sent.",
    )  # fmt: skip
    assert len(sent_to(on_disbursement, TRANSFER_URL)) == 1
    commission.refresh_from_db()
    assert commission.status == CommissionStatus.APPROVED


def test_staff_pay_by_mpesa_b2c_and_its_result_settles_it(on_b2c, commission, broker, staff):
    broker_payout_account_set(broker=broker, mobile_money_phone="+254708374149", preferred_rail=PayoutRail.MPESA_B2C)
    accepted = {
        "ConversationID": "AG_20191219_00004e48cf7e3533f581", "OriginatorConversationID": "set by us",
        "ResponseCode": "0", "ResponseDescription": "Accept the service request successfully.",
    }  # fmt: skip
    on_b2c.post(B2C_URL, json=accepted)

    payout = commission_payout_start(commission=commission, rail=PayoutRail.MPESA_B2C, user=staff)

    (request,) = sent_to(on_b2c, B2C_URL)
    assert request.request.headers["Authorization"] == "Bearer SGWcJPtNtYNPGm6uSYR9yPYrAI3Bm"
    sent = json.loads(request.request.body)
    result_url, timeout_url = sent.pop("ResultURL"), sent.pop("QueueTimeOutURL")
    assert sent == {
        "OriginatorConversationID": str(payout.reference), "InitiatorName": "testapi",
        "SecurityCredential": "EsJocK7+NjqZPC3I3EO+TbvS+xVb9TymWwaKABoaZr/Z/n0UysSs==", "PartyA": "600996",
        "CommandID": "BusinessPayment", "Amount": 33333, "PartyB": "254708374149",
        "Remarks": f"Nzila commission {commission.pk}", "Occasion": f"Payout {payout.pk}",
    }  # fmt: skip
    assert result_url.startswith(f"{RESULT_URL}?payout={payout.pk}&kind=result&token=")
    assert timeout_url.startswith(f"{RESULT_URL}?payout={payout.pk}&kind=timeout&token=")
    assert (payout.status, payout.provider_reference) == (PayoutStatus.PROCESSING, "AG_20191219_00004e48cf7e3533f581")
    assert (payout.amount, payout.currency) == (KES_PAID, "KES")

    assert daraja_posts(timeout_url, {"anything": "Daraja sends"}).status == InboxEventStatus.IGNORED
    event = daraja_posts(result_url, b2c_result(payout))
    replayed = daraja_posts(result_url, b2c_result(payout))

    assert event.status == InboxEventStatus.PROCESSED
    assert (replayed.pk, InboxEvent.objects.filter(provider="mpesa_b2c").count()) == (event.pk, 2)
    payout.refresh_from_db()
    assert (payout.status, payout.provider_reference) == (PayoutStatus.SUCCEEDED, "NLJ41HAY6Q")
    assert_paid_everywhere(commission, payout, "360.00")
    assert Notification.objects.get(event="commission.paid").user == broker


def test_an_mpesa_payout_whose_answer_was_lost_is_never_sent_again_and_a_status_query_settles_it(
    on_b2c, commission, broker, staff
):
    broker_payout_account_set(broker=broker, mobile_money_phone="+254708374149")
    on_b2c.post(B2C_URL, body=requests.exceptions.ReadTimeout("read timed out"))

    payout = commission_payout_start(commission=commission, rail=PayoutRail.MPESA_B2C, user=staff)

    assert (payout.status, payout.provider_reference) == (PayoutStatus.PROCESSING, "")
    with pytest.raises(DomainError) as refusal:
        commission_payout_start(commission=commission, rail=PayoutRail.MPESA_B2C, user=staff)
    assert (refusal.value.status_code, refusal.value.code, refusal.value.extra) == (
        409, "payout_exists", {"payout": payout.pk},
    )  # fmt: skip

    Payout.objects.filter(pk=payout.pk).update(requested_at=timezone.now() - timedelta(minutes=11))
    acknowledged = {
        "OriginatorConversationID": "8520-4528513-1", "ConversationID": "AG_20191219_000041b09c3b0a4b8a3c",
        "ResponseCode": "0", "ResponseDescription": "Accept the service request successfully.",
    }  # fmt: skip
    on_b2c.post(STATUS_QUERY_URL, json=acknowledged)
    assert settle_processing_payouts.delay().get() == {"checked": 1, "settled": 0, "unreachable": 0}

    assert len(sent_to(on_b2c, B2C_URL)) == 1
    query = json.loads(sent_to(on_b2c, STATUS_QUERY_URL)[0].request.body)
    status_url = query.pop("ResultURL")
    query.pop("QueueTimeOutURL")
    assert query == {
        "Initiator": "testapi", "SecurityCredential": "EsJocK7+NjqZPC3I3EO+TbvS+xVb9TymWwaKABoaZr/Z/n0UysSs==",
        "PartyA": "600996", "CommandID": "TransactionStatusQuery", "TransactionID": "",
        "OriginatorConversationID": str(payout.reference), "IdentifierType": "4", "Remarks": f"Payout {payout.pk}",
        "Occasion": "",
    }  # fmt: skip
    assert status_url.startswith(f"{RESULT_URL}?payout={payout.pk}&kind=status&token=")

    assert daraja_posts(status_url, status_result(payout)).status == InboxEventStatus.PROCESSED
    payout.refresh_from_db()
    assert (payout.status, payout.provider_reference, payout.provider_status) == (
        PayoutStatus.SUCCEEDED, "NLJ41HAY6Q", "Completed",
    )  # fmt: skip
    assert len(sent_to(on_b2c, B2C_URL)) == 1
    assert_paid_everywhere(commission, payout, "360.00")


def test_a_failed_mpesa_result_fails_the_payout_and_leaves_the_commission_approved(on_b2c, commission, broker, staff):
    broker_payout_account_set(broker=broker, mobile_money_phone="+254708374149")
    on_b2c.post(B2C_URL, json={"ConversationID": "AG_1", "OriginatorConversationID": "x", "ResponseCode": "0",
                               "ResponseDescription": "Accept the service request successfully."})  # fmt: skip
    payout = commission_payout_start(commission=commission, rail=PayoutRail.MPESA_B2C, user=staff)
    result_url = json.loads(sent_to(on_b2c, B2C_URL)[0].request.body)["ResultURL"]

    daraja_posts(result_url, b2c_result(payout, code=2001, description="The initiator information is invalid."))

    payout.refresh_from_db()
    assert (payout.status, payout.provider_status) == (PayoutStatus.FAILED, "2001")
    assert payout.failure_reason == "M-Pesa: The initiator information is invalid."
    commission.refresh_from_db()
    assert commission.status == CommissionStatus.APPROVED


def test_a_forged_or_misdirected_daraja_post_is_refused(on_b2c, commission, broker, staff):
    broker_payout_account_set(broker=broker, mobile_money_phone="+254708374149")
    on_b2c.post(B2C_URL, body=requests.exceptions.ReadTimeout("read timed out"))
    payout = commission_payout_start(commission=commission, rail=PayoutRail.MPESA_B2C, user=staff)
    result_url = json.loads(sent_to(on_b2c, B2C_URL)[0].request.body)["ResultURL"]
    token = parse_qs(urlparse(result_url).query)["token"][0]
    other = b2c_result(payout)
    other["Result"]["OriginatorConversationID"] = "16740-34861180-1"

    for payout_id, kind, token_given, body in [
        (str(payout.pk), "result", "guess", b2c_result(payout)),
        (str(payout.pk), "refund", token, b2c_result(payout)),
        (str(payout.pk), "result", token, other),
        (str(payout.pk), "result", token, {"not": "a result"}),
    ]:
        with pytest.raises(WebhookSignatureInvalid):
            mpesa_b2c_result_verify(payout_id=payout_id, kind=kind, token=token_given, body=json.dumps(body).encode())

    payout.refresh_from_db()
    assert payout.status == PayoutStatus.PROCESSING

"""M-Pesa B2C through Safaricom's Daraja API (on MPESA_BASE_URL, with the app's OAuth token):
https://developer.safaricom.co.ke/APIs/BusinessToCustomer and .../TransactionStatus

- Payment request: POST /mpesa/b2c/v3/paymentrequest {OriginatorConversationID (the payout's reference),
  InitiatorName, SecurityCredential, CommandID: BusinessPayment, Amount (whole shillings), PartyA (our
  shortcode), PartyB (the phone), Remarks, QueueTimeOutURL, ResultURL, Occasion}; the answer only
  acknowledges it: {ConversationID, OriginatorConversationID, ResponseCode: "0", ResponseDescription}.
  It is not idempotent: sent once. An answer that was lost leaves the payout processing; it is never
  sent again.
- The outcome is posted to ResultURL: {"Result": {ResultType, ResultCode (0: paid), ResultDesc,
  OriginatorConversationID, ConversationID, TransactionID, ResultParameters: {ResultParameter: [{Key:
  TransactionAmount}, {Key: TransactionReceipt}, ...]}}}.
- Transaction status: POST /mpesa/transactionstatus/v1/query {Initiator, SecurityCredential, CommandID:
  TransactionStatusQuery, OriginatorConversationID, PartyA, IdentifierType: "4", ResultURL, ...}; acknowledged
  like the request, its answer posted to ResultURL too, with ResultParameters {TransactionStatus: Completed
  | ..., ReceiptNo, Amount, ...}.

Daraja does not sign what it posts: each URL we give carries the payout's token (an HMAC under
SECRET_KEY), and a result must name the payout's OriginatorConversationID.
"""

import hashlib
import json
from urllib.parse import urlencode

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext

from commissions.models import Payout, PayoutRail, PayoutStatus
from commissions.payouts.base import MobileMoneyPayoutRail, PayoutResult, failed, processing, refused
from payments.gateways.base import GatewayOutcomeUnknown, GatewayRefused
from payments.gateways.mobile_money import CallbackMalformed, msisdn
from payments.gateways.mpesa import mpesa_post
from payments.models import PaymentMethod

REQUIRED_SETTINGS = (
    "MPESA_BASE_URL", "MPESA_CONSUMER_KEY", "MPESA_CONSUMER_SECRET", "MPESA_B2C_SHORTCODE",
    "MPESA_B2C_INITIATOR_NAME", "MPESA_B2C_SECURITY_CREDENTIAL", "MPESA_B2C_RESULT_URL",
)  # fmt: skip

# What Daraja posts to our URLs: the payment's result, a transaction status answer, or a queue timeout
# (Daraja could not process the request in time; a status query decides).
RESULT, STATUS, TIMEOUT = "result", "status", "timeout"
CALLBACK_KINDS = (RESULT, STATUS, TIMEOUT)
# TransactionStatus values of a status answer that settle the payout.
STATUS_SUCCEEDED = {"completed"}
STATUS_FAILED = {"failed", "cancelled", "expired", "declined", "reversed"}


def callback_token(payout: Payout) -> str:
    return salted_hmac("commissions.payout-callback", f"{payout.pk}:{payout.reference}", algorithm="sha256").hexdigest()


def callback_token_valid(payout: Payout, token: str) -> bool:
    return constant_time_compare(callback_token(payout), token or "")


def callback_url(payout: Payout, kind: str) -> str:
    query = urlencode({"payout": payout.pk, "kind": kind, "token": callback_token(payout)})
    return f"{settings.MPESA_B2C_RESULT_URL}?{query}"


def _parameters(result: dict) -> dict:
    items = (result.get("ResultParameters") or {}).get("ResultParameter") or []
    if isinstance(items, dict):  # Daraja sends a lone parameter as an object
        items = [items]
    return {str(item["Key"]): item.get("Value") for item in items}


def result_read(*, body: bytes, kind: str, payout: Payout) -> tuple[str, PayoutResult]:
    """(event id, what it says) of a body Daraja posted about `payout`; CallbackMalformed when it is not
    Daraja's shape, or is about another payout. A queue timeout only says Daraja gave up waiting: whatever
    its body, the payout stays processing and the status query decides."""
    if kind == TIMEOUT:
        return f"{payout.reference}:{TIMEOUT}:{hashlib.sha256(body).hexdigest()[:16]}", processing()
    try:
        result = json.loads(body)["Result"]
        code = str(result["ResultCode"])
        conversation = str(result.get("ConversationID") or "")
        parameters = _parameters(result)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise CallbackMalformed(f"Not a Daraja result: {error.__class__.__name__}") from error
    originator = (parameters if kind == STATUS else result).get("OriginatorConversationID")
    if originator is not None and str(originator) != str(payout.reference):
        raise CallbackMalformed("The result is about another payout.")
    event_id = f"{conversation or payout.reference}:{kind}:{code}"
    description = str(result.get("ResultDesc") or "")
    if kind == STATUS:
        return event_id, _status_read(code=code, description=description, parameters=parameters)
    receipt = str(parameters.get("TransactionReceipt") or result.get("TransactionID") or "")
    if code == "0":
        return event_id, PayoutResult(status=PayoutStatus.SUCCEEDED, provider_reference=receipt, provider_status=code)
    reason = description or gettext("M-Pesa did not make the payment.")
    return event_id, failed(
        gettext("M-Pesa: %(reason)s") % {"reason": reason}, provider_reference=conversation, provider_status=code
    )


def _status_read(*, code: str, description: str, parameters: dict) -> PayoutResult:
    """A status answer settles the payout only when the query itself succeeded and the transaction is
    final; anything else leaves it processing (the job asks again)."""
    transaction_status = str(parameters.get("TransactionStatus") or "")
    receipt = str(parameters.get("ReceiptNo") or "")
    if code != "0":
        return processing(provider_status=f"query {code}")
    if transaction_status.lower() in STATUS_SUCCEEDED:
        return PayoutResult(
            status=PayoutStatus.SUCCEEDED, provider_reference=receipt, provider_status=transaction_status
        )
    if transaction_status.lower() in STATUS_FAILED:
        return failed(
            gettext("M-Pesa says the payment is %(status)s.") % {"status": transaction_status},
            provider_reference=receipt, provider_status=transaction_status,
        )  # fmt: skip
    return processing(provider_status=transaction_status or description[:64])


class MpesaB2CRail(MobileMoneyPayoutRail):
    code = PayoutRail.MPESA_B2C
    collection_method = PaymentMethod.MPESA
    required_settings = REQUIRED_SETTINGS

    def __init__(self):
        self.base_url = settings.MPESA_BASE_URL.rstrip("/")

    def _credentials(self) -> dict:
        return {"SecurityCredential": settings.MPESA_B2C_SECURITY_CREDENTIAL, "PartyA": settings.MPESA_B2C_SHORTCODE}

    def send(self, *, payout: Payout) -> PayoutResult:
        body = {
            "OriginatorConversationID": str(payout.reference), "InitiatorName": settings.MPESA_B2C_INITIATOR_NAME,
            **self._credentials(), "CommandID": "BusinessPayment", "Amount": int(payout.amount),
            "PartyB": msisdn(payout.destination.reveal()), "Remarks": f"Nzila commission {payout.commission_id}",
            "QueueTimeOutURL": callback_url(payout, TIMEOUT), "ResultURL": callback_url(payout, RESULT),
            "Occasion": f"Payout {payout.pk}",
        }  # fmt: skip
        try:
            answer = mpesa_post(self.base_url, "/mpesa/b2c/v3/paymentrequest", body, idempotent=False).json()
        except GatewayOutcomeUnknown:
            return processing()  # never sent again: the transaction status query settles it
        except GatewayRefused as refusal:
            return refused(type(self), refusal)
        except ValueError:
            return processing()  # an answer we cannot read: it may have been accepted
        if str(answer.get("ResponseCode")) != "0":
            reason = str(answer.get("ResponseDescription") or gettext("M-Pesa refused the request."))
            return failed(gettext("M-Pesa: %(reason)s") % {"reason": reason})
        return processing(provider_reference=str(answer.get("ConversationID") or ""), provider_status="accepted")

    def status(self, *, payout: Payout) -> PayoutResult:
        """Ask for the payout's outcome; Daraja posts it to our URL, so the payout stays processing here."""
        body = {
            "Initiator": settings.MPESA_B2C_INITIATOR_NAME, **self._credentials(),
            "CommandID": "TransactionStatusQuery", "TransactionID": "",
            "OriginatorConversationID": str(payout.reference), "IdentifierType": "4",
            "ResultURL": callback_url(payout, STATUS), "QueueTimeOutURL": callback_url(payout, TIMEOUT),
            "Remarks": f"Payout {payout.pk}", "Occasion": "",
        }  # fmt: skip
        mpesa_post(self.base_url, "/mpesa/transactionstatus/v1/query", body, idempotent=True)
        return processing(provider_status="status_asked")

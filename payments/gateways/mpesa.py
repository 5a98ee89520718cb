"""M-Pesa through Safaricom's Daraja API (Lipa na M-Pesa Online, "STK push"):
https://developer.safaricom.co.ke/APIs/MpesaExpressSimulate and .../MpesaExpressQuery

- OAuth: GET /oauth/v1/generate?grant_type=client_credentials with basic auth (consumer key:secret).
- STK push: POST /mpesa/stkpush/v1/processrequest; Password = base64(shortcode + passkey + timestamp),
  the timestamp YYYYMMDDHHmmss in Nairobi time. Amounts are whole shillings. The answer carries the
  CheckoutRequestID, our provider reference.
- Callback: {"Body": {"stkCallback": {MerchantRequestID, CheckoutRequestID, ResultCode, ResultDesc,
  CallbackMetadata: {Item: [{Name: Amount}, {Name: MpesaReceiptNumber}, {Name: PhoneNumber}, ...]}}}}.
- STK query: POST /mpesa/stkpushquery/v1/query, same password; while the payer has not answered, Daraja
  answers HTTP 500 with errorCode 500.001.1001 ("The transaction is being processed"): pending.

ResultCodes: 0 paid; 1 insufficient balance; 1032 cancelled by the payer; 1037 the phone could not be
reached (timeout); 2001 wrong PIN; 1001 another transaction in progress; 1019 expired.
"""

import base64
import json
from datetime import datetime
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from payments.gateways.base import ChargeResult, GatewayError
from payments.gateways.mobile_money import (
    CallbackMalformed,
    MobileMoneyGateway,
    MobileMoneyReport,
    cached_token,
    msisdn,
    phone_e164,
    rail_request,
)
from payments.models import Payment, PaymentMethod, PaymentStatus

NAIROBI = ZoneInfo("Africa/Nairobi")
STILL_PROCESSING = "500.001.1001"

RESULT_CODES = {
    "1": ("insufficient_funds", _("The M-Pesa balance is insufficient for the transaction.")),
    "1032": ("cancelled_by_user", _("The payer cancelled the M-Pesa request.")),
    "1037": ("timeout", _("The payer's phone could not be reached, or did not answer in time.")),
    "2001": ("wrong_pin", _("The M-Pesa PIN entered was wrong.")),
    "1001": ("transaction_in_progress", _("Another M-Pesa transaction is in progress for this phone.")),
    "1019": ("expired", _("The M-Pesa request expired.")),
    "1025": ("provider_error", _("M-Pesa could not send the prompt.")),
    "9999": ("provider_error", _("M-Pesa could not send the prompt.")),
}

REQUIRED_SETTINGS = (
    "MPESA_BASE_URL", "MPESA_CONSUMER_KEY", "MPESA_CONSUMER_SECRET", "MPESA_SHORTCODE", "MPESA_PASSKEY",
)  # fmt: skip


def _result(code: str, description: str, reference: str) -> tuple[str, str, str]:
    if code == "0":
        return PaymentStatus.SUCCEEDED, "", ""
    failure_code, reason = RESULT_CODES.get(code, ("mpesa_" + code, ""))
    reason = str(reason or description or gettext("M-Pesa declined the payment."))
    return PaymentStatus.FAILED, failure_code, reason[:255]


def mpesa_token(base_url: str) -> str:
    """Daraja's OAuth token of our app (its consumer key and secret), cached until it is about to expire."""

    def fetch():
        response = rail_request(
            "M-Pesa", "GET", f"{base_url}/oauth/v1/generate", params={"grant_type": "client_credentials"},
            auth=(settings.MPESA_CONSUMER_KEY, settings.MPESA_CONSUMER_SECRET), idempotent=True,
        )  # fmt: skip
        body = response.json()
        return body["access_token"], int(body.get("expires_in") or 3599)

    return cached_token(f"mpesa-token:{settings.MPESA_CONSUMER_KEY}", fetch)


def mpesa_post(base_url: str, path: str, body: dict, *, idempotent: bool):
    """One POST to Daraja with our token; a request that is not idempotent is sent once."""
    headers = {"Authorization": f"Bearer {mpesa_token(base_url)}"}
    return rail_request("M-Pesa", "POST", f"{base_url}{path}", json=body, headers=headers, idempotent=idempotent)


class MpesaGateway(MobileMoneyGateway):
    code = "mpesa"
    method = PaymentMethod.MPESA

    provider_name = "M-Pesa"
    required_settings = REQUIRED_SETTINGS
    base_url_setting = "MPESA_BASE_URL"

    def _password(self) -> tuple[str, str]:
        timestamp = datetime.now(NAIROBI).strftime("%Y%m%d%H%M%S")
        raw = f"{settings.MPESA_SHORTCODE}{settings.MPESA_PASSKEY}{timestamp}".encode()
        return base64.b64encode(raw).decode(), timestamp

    def start(self, *, payment: Payment, phone: str, callback: str) -> ChargeResult:
        password, timestamp = self._password()
        number = int(msisdn(phone))
        body = {
            "BusinessShortCode": settings.MPESA_SHORTCODE, "Password": password, "Timestamp": timestamp,
            "TransactionType": "CustomerPayBillOnline", "Amount": int(payment.amount), "PartyA": number,
            "PartyB": settings.MPESA_SHORTCODE, "PhoneNumber": number, "CallBackURL": callback,
            "AccountReference": f"NZ{payment.deal_id}"[:12], "TransactionDesc": f"Deal {payment.deal_id}"[:13],
        }  # fmt: skip
        # Sent once: a push whose answer is lost is settled by its callback (our token, its CheckoutRequestID).
        answer = mpesa_post(self.base_url, "/mpesa/stkpush/v1/processrequest", body, idempotent=False).json()
        reference = str(answer.get("CheckoutRequestID", ""))
        if str(answer.get("ResponseCode")) != "0" or not reference:
            return ChargeResult(
                status=PaymentStatus.FAILED, provider_reference=reference, failure_code="provider_refused",
                failure_reason=str(answer.get("ResponseDescription") or gettext("M-Pesa refused the request."))[:255],
            )  # fmt: skip
        return ChargeResult(status=PaymentStatus.PENDING, provider_reference=reference)

    def status(self, *, payment: Payment) -> MobileMoneyReport:
        password, timestamp = self._password()
        body = {
            "BusinessShortCode": settings.MPESA_SHORTCODE, "Password": password, "Timestamp": timestamp,
            "CheckoutRequestID": payment.provider_reference,
        }  # fmt: skip
        try:
            answer = mpesa_post(self.base_url, "/mpesa/stkpushquery/v1/query", body, idempotent=True).json()
        except GatewayError as error:
            response = getattr(error, "response", None)
            if response is not None and _error_code(response) == STILL_PROCESSING:
                return MobileMoneyReport(status=PaymentStatus.PENDING, provider_reference=payment.provider_reference)
            raise
        code = str(answer.get("ResultCode", ""))
        if code == "":
            return MobileMoneyReport(status=PaymentStatus.PENDING, provider_reference=payment.provider_reference)
        status, failure_code, reason = _result(code, str(answer.get("ResultDesc", "")), payment.provider_reference)
        return MobileMoneyReport(
            status=status, provider_reference=payment.provider_reference, provider_status=code,
            failure_code=failure_code, failure_reason=reason,
        )  # fmt: skip

    def parse_callback(self, *, body: bytes, headers) -> MobileMoneyReport:
        try:
            callback = json.loads(body)["Body"]["stkCallback"]
            reference = str(callback["CheckoutRequestID"])
            code = str(callback["ResultCode"])
            items = (callback.get("CallbackMetadata") or {}).get("Item") or []
            metadata = {str(item["Name"]): item.get("Value") for item in items}
            amount = Decimal(str(metadata["Amount"])) if "Amount" in metadata else None
        except (ValueError, KeyError, TypeError, AttributeError, InvalidOperation) as error:
            raise CallbackMalformed(f"Not an M-Pesa STK callback: {error.__class__.__name__}") from error
        status, failure_code, reason = _result(code, str(callback.get("ResultDesc", "")), reference)
        parsed_phone = phone_e164(f"+{metadata['PhoneNumber']}") if metadata.get("PhoneNumber") else None
        return MobileMoneyReport(
            status=status, provider_reference=reference, event_id=reference, amount=amount,
            currency="KES" if amount is not None else "", phone=parsed_phone[0] if parsed_phone else "",
            receipt=str(metadata.get("MpesaReceiptNumber") or ""), provider_status=code,
            failure_code=failure_code, failure_reason=reason,
        )  # fmt: skip


def _error_code(response) -> str:
    try:
        return str(response.json().get("errorCode", ""))
    except ValueError:
        return ""

"""Airtel Money through Airtel Africa's Collections API: https://developers.airtel.africa/documentation

- Token: POST /auth/oauth2/token {client_id, client_secret, grant_type: client_credentials}.
- USSD push: POST /merchant/v1/payments/ with X-Country and X-Currency, the subscriber's number without
  its country code, and our transaction id (derived from the payment, so a retry reuses it).
- Status: GET /standard/v1/payments/{id} → data.transaction.status TS (success), TF (failed), TIP (in
  progress), TA (ambiguous), TE (expired), with the response_code saying why.
- Callback: {"transaction": {"id", "message", "status_code": TS | TF, "airtel_money_id"}}.

Neither the callback nor the status carries the amount or the number: Airtel's answer can only be
checked against our transaction id (and the callback URL's token); the push itself fixed amount and number.

Response codes: DP00800001001 success; 002 wrong PIN; 007 insufficient funds; 008 refused by the payer;
024 timed out; 029 expired; 006 in progress; 000 ambiguous.
"""

import hashlib
import json

import phonenumbers
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from currencies.money import money_round
from payments.gateways.base import ChargeResult, GatewayRefused
from payments.gateways.mobile_money import (
    CallbackMalformed,
    MobileMoneyGateway,
    MobileMoneyReport,
    cached_token,
    rail_request,
)
from payments.models import Payment, PaymentMethod, PaymentStatus

REQUIRED_SETTINGS = ("AIRTEL_MONEY_BASE_URL", "AIRTEL_MONEY_CLIENT_ID", "AIRTEL_MONEY_CLIENT_SECRET")

RESPONSE_CODES = {
    "DP00800001002": ("wrong_pin", _("The Airtel Money PIN entered was wrong.")),
    "DP00800001007": ("insufficient_funds", _("The Airtel Money balance is insufficient for the transaction.")),
    "DP00800001008": ("cancelled_by_user", _("The payer refused the Airtel Money request.")),
    "DP00800001024": ("timeout", _("The payer did not answer the Airtel Money request in time.")),
    "DP00800001029": ("expired", _("The Airtel Money request expired.")),
    "DP00800001003": ("limit_exceeded", _("The amount exceeds the payer's Airtel Money limit.")),
    "DP00800001010": ("not_allowed", _("Airtel Money does not allow this payment.")),
}
STATUSES = {"TS": PaymentStatus.SUCCEEDED, "TF": PaymentStatus.FAILED, "TE": PaymentStatus.FAILED}


def transaction_id_for(payment: Payment) -> str:
    digest = hashlib.sha256(f"{payment.pk}:{payment.idempotency_key}".encode()).hexdigest()[:10]
    return f"NZ{payment.pk}X{digest}"


def _report(*, reference: str, status_code: str, response_code: str, message: str, receipt: str) -> MobileMoneyReport:
    status = STATUSES.get(status_code.upper(), PaymentStatus.PENDING)
    failure_code = reason = ""
    if status == PaymentStatus.FAILED:
        failure_code, reason = RESPONSE_CODES.get(
            response_code, ("expired", "") if status_code == "TE" else ("declined", "")
        )
        reason = str(reason or message or gettext("Airtel Money declined the payment."))
    return MobileMoneyReport(
        status=status, provider_reference=reference, event_id=f"{reference}:{status_code}", receipt=receipt,
        provider_status=(response_code or status_code)[:64], failure_code=failure_code, failure_reason=reason[:255],
    )  # fmt: skip


class AirtelMoneyGateway(MobileMoneyGateway):
    code = "airtel_money"
    method = PaymentMethod.AIRTEL_MONEY

    provider_name = "Airtel Money"
    required_settings = REQUIRED_SETTINGS
    base_url_setting = "AIRTEL_MONEY_BASE_URL"

    def _token(self) -> str:
        def fetch():
            body = {
                "client_id": settings.AIRTEL_MONEY_CLIENT_ID, "client_secret": settings.AIRTEL_MONEY_CLIENT_SECRET,
                "grant_type": "client_credentials",
            }  # fmt: skip
            answer = rail_request(
                "Airtel Money", "POST", f"{self.base_url}/auth/oauth2/token", json=body, idempotent=True
            ).json()
            return answer["access_token"], int(answer.get("expires_in") or 180)

        return cached_token(f"airtel-money-token:{settings.AIRTEL_MONEY_CLIENT_ID}", fetch)

    def _headers(self, *, country: str, currency: str) -> dict:
        return {"Authorization": f"Bearer {self._token()}", "X-Country": country, "X-Currency": currency}

    def start(self, *, payment: Payment, phone: str, callback: str) -> ChargeResult:
        _phone, country = self.payer_of(payment)
        national = str(phonenumbers.parse(phone, None).national_number)
        reference = transaction_id_for(payment)
        body = {
            "reference": f"Nzila deal {payment.deal_id}",
            "subscriber": {"country": country, "currency": payment.currency, "msisdn": national},
            "transaction": {
                "amount": int(money_round(payment.amount, payment.currency)),  # whole units (the rail's rule)
                "country": country, "currency": payment.currency, "id": reference,
            },
        }  # fmt: skip
        # Sent once: a push whose answer is lost is settled by asking Airtel about our transaction id.
        answer = rail_request(
            "Airtel Money", "POST", f"{self.base_url}/merchant/v1/payments/", json=body,
            headers=self._headers(country=country, currency=payment.currency), idempotent=False, reference=reference,
        ).json()  # fmt: skip
        outcome = answer.get("status") or {}
        if not outcome.get("success", False):
            code = str(outcome.get("response_code", ""))
            failure_code, reason = RESPONSE_CODES.get(code, ("provider_refused", ""))
            reason = str(reason or outcome.get("message") or gettext("Airtel Money refused the request."))
            return ChargeResult(
                status=PaymentStatus.FAILED, provider_reference=reference, failure_code=failure_code,
                failure_reason=reason[:255],
            )  # fmt: skip
        return ChargeResult(status=PaymentStatus.PENDING, provider_reference=reference)

    def status(self, *, payment: Payment) -> MobileMoneyReport:
        reference = payment.provider_reference
        _phone, country = self.payer_of(payment)
        headers = self._headers(country=country, currency=payment.currency)
        answer = rail_request(
            "Airtel Money", "GET", f"{self.base_url}/standard/v1/payments/{reference}", headers=headers,
            idempotent=True,
        ).json()  # fmt: skip
        try:
            transaction = answer["data"]["transaction"]
            outcome = answer.get("status") or {}
            return _report(
                reference=reference, status_code=str(transaction.get("status", "")),
                response_code=str(outcome.get("response_code", "")), message=str(transaction.get("message") or ""),
                receipt=str(transaction.get("airtel_money_id") or ""),
            )  # fmt: skip
        except (KeyError, TypeError, AttributeError) as error:
            raise GatewayRefused(
                gettext("%(provider)s: an answer we cannot read (%(error)s)")
                % {"provider": "Airtel Money", "error": error.__class__.__name__}
            ) from error

    def parse_callback(self, *, body: bytes, headers) -> MobileMoneyReport:
        try:
            transaction = json.loads(body)["transaction"]
            reference = str(transaction["id"])
            status_code = str(transaction["status_code"])
        except (ValueError, KeyError, TypeError) as error:
            raise CallbackMalformed(f"Not an Airtel Money callback: {error.__class__.__name__}") from error
        return _report(
            reference=reference, status_code=status_code, response_code="",
            message=str(transaction.get("message") or ""), receipt=str(transaction.get("airtel_money_id") or ""),
        )  # fmt: skip

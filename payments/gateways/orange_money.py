"""Orange Money through Orange's Web Payment API (Orange Developer, "Orange Money Webpay"):

- Token: POST /oauth/v3/token, basic auth (client id : secret), grant_type=client_credentials.
- Payment: POST /orange-money-webpay/{country}/v1/webpayment {merchant_key, currency, order_id, amount,
  return_url, cancel_url, notif_url, lang, reference} → 201 {pay_token, payment_url, notif_token}. The
  payer opens payment_url (ours to give back: the payment's client_secret) and confirms there.
- Notification: Orange posts {status, notif_token, txnid} to notif_url; notif_token must be the one the
  payment was given (we keep its SHA-256 only).
- Status: POST /orange-money-webpay/{country}/v1/transactionstatus {order_id, amount, pay_token} →
  {status: INITIATED | PENDING | SUCCESS | FAILED | EXPIRED, order_id, txnid}.

Orange's notification does not say why a payment failed (insufficient funds, a cancelled or wrong-PIN
attempt all read FAILED); EXPIRED is the payer not paying in time. The {country} segment is the payer's
country in lower case (ci, sn, ml, cm).
"""

import hashlib
import json

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
from payments.models import MobileMoneyPayment, Payment, PaymentMethod, PaymentStatus

REQUIRED_SETTINGS = (
    "ORANGE_MONEY_BASE_URL", "ORANGE_MONEY_CLIENT_ID", "ORANGE_MONEY_CLIENT_SECRET", "ORANGE_MONEY_MERCHANT_KEY",
)  # fmt: skip

STATUSES = {"SUCCESS": PaymentStatus.SUCCEEDED, "FAILED": PaymentStatus.FAILED, "EXPIRED": PaymentStatus.FAILED}
FAILURES = {
    "FAILED": ("declined", _("Orange Money declined the payment (refused, wrong code or insufficient balance).")),
    "EXPIRED": ("expired", _("The payer did not confirm the Orange Money payment in time.")),
}


def order_id_for(payment: Payment) -> str:
    digest = hashlib.sha256(f"{payment.pk}:{payment.idempotency_key}".encode()).hexdigest()[:10]
    return f"NZ{payment.pk}-{digest}"


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _report(body: dict, *, reference: str) -> MobileMoneyReport:
    provider_status = str(body["status"]).upper()
    status = STATUSES.get(provider_status, PaymentStatus.PENDING)
    failure_code, reason = FAILURES.get(provider_status, ("", "")) if status == PaymentStatus.FAILED else ("", "")
    txnid = str(body.get("txnid") or "")
    return MobileMoneyReport(
        status=status, provider_reference=reference, event_id=f"{txnid}:{provider_status}" if txnid else "",
        receipt=txnid, provider_status=provider_status, failure_code=failure_code, failure_reason=str(reason),
        callback_secret=str(body.get("notif_token") or ""),
    )  # fmt: skip


class OrangeMoneyGateway(MobileMoneyGateway):
    code = "orange_money"
    method = PaymentMethod.ORANGE_MONEY
    requires_callback_secret = True

    provider_name = "Orange Money"
    required_settings = REQUIRED_SETTINGS
    base_url_setting = "ORANGE_MONEY_BASE_URL"

    def _token(self) -> str:
        def fetch():
            answer = rail_request(
                "Orange Money", "POST", f"{self.base_url}/oauth/v3/token",
                auth=(settings.ORANGE_MONEY_CLIENT_ID, settings.ORANGE_MONEY_CLIENT_SECRET),
                data={"grant_type": "client_credentials"}, idempotent=True,
            ).json()  # fmt: skip
            return answer["access_token"], int(answer.get("expires_in") or 3600)

        return cached_token(f"orange-money-token:{settings.ORANGE_MONEY_CLIENT_ID}", fetch)

    def _post(self, path: str, *, country: str, body: dict, idempotent: bool):
        url = f"{self.base_url}/orange-money-webpay/{country.lower()}/v1/{path}"
        headers = {"Authorization": f"Bearer {self._token()}", "Accept": "application/json"}
        return rail_request("Orange Money", "POST", url, json=body, headers=headers, idempotent=idempotent).json()

    @staticmethod
    def _amount(payment: Payment) -> int:
        return int(money_round(payment.amount, payment.currency))  # XOF and XAF: whole francs

    def start(self, *, payment: Payment, phone: str, callback: str) -> ChargeResult:
        _phone, country = self.payer_of(payment)
        site = settings.SITE_URL.rstrip("/")
        body = {
            "merchant_key": settings.ORANGE_MONEY_MERCHANT_KEY, "currency": payment.currency,
            "order_id": order_id_for(payment), "amount": self._amount(payment),
            "return_url": f"{site}/deals/{payment.deal_id}", "cancel_url": f"{site}/deals/{payment.deal_id}",
            "notif_url": callback, "lang": "fr", "reference": f"Nzila {payment.deal_id}",
        }  # fmt: skip
        # Sent once: a payment page whose answer is lost was never shown to the payer; the payment expires.
        answer = self._post("webpayment", country=country, body=body, idempotent=False)
        pay_token, payment_url = str(answer.get("pay_token") or ""), str(answer.get("payment_url") or "")
        notif_token = str(answer.get("notif_token") or "")
        if not (pay_token and payment_url and notif_token):
            raise GatewayRefused(
                gettext("Orange Money: no payment page (%(message)s)")
                % {"message": answer.get("message") or gettext("no message")}
            )
        MobileMoneyPayment.objects.filter(payment=payment).update(provider_token_digest=token_digest(notif_token))
        return ChargeResult(status=PaymentStatus.PENDING, provider_reference=pay_token, client_secret=payment_url)

    def status(self, *, payment: Payment) -> MobileMoneyReport:
        _phone, country = self.payer_of(payment)
        body = {
            "order_id": order_id_for(payment),
            "amount": self._amount(payment),
            "pay_token": payment.provider_reference,
        }
        answer = self._post("transactionstatus", country=country, body=body, idempotent=True)
        try:
            report = _report(answer, reference=payment.provider_reference)
        except (KeyError, TypeError) as error:
            raise GatewayRefused(
                gettext("%(provider)s: an answer we cannot read (%(error)s)")
                % {"provider": "Orange Money", "error": error.__class__.__name__}
            ) from error
        if answer.get("order_id") not in (None, order_id_for(payment)):
            raise GatewayRefused(gettext("Orange Money: the status is about another order."))
        return report

    def parse_callback(self, *, body: bytes, headers) -> MobileMoneyReport:
        try:
            data = json.loads(body)
            if not isinstance(data, dict) or not data.get("notif_token"):
                raise TypeError("no notif_token")
            return _report(data, reference="")
        except (ValueError, KeyError, TypeError) as error:
            raise CallbackMalformed(f"Not an Orange Money notification: {error.__class__.__name__}") from error

"""MTN MoMo through the Collections API: https://momodeveloper.mtn.com/API-collections

- Token: POST /collection/token/ with basic auth (API user : API key) and Ocp-Apim-Subscription-Key.
- Request to pay: POST /collection/v1_0/requesttopay with X-Reference-Id (a UUID, ours: the provider
  reference), X-Target-Environment, X-Callback-Url and the subscription key; 202 Accepted, no body. The
  UUID is derived from the payment, so a retry of the same payment reuses it and MTN's 409
  RESOURCE_ALREADY_EXIST means "already requested", never a second push.
- Status: GET /collection/v1_0/requesttopay/{X-Reference-Id} → {amount, currency, financialTransactionId,
  externalId, payer: {partyIdType, partyId}, status: PENDING | SUCCESSFUL | FAILED, reason}.
- Callback: the same body, sent to X-Callback-Url (MTN sends it with PUT; POST is taken too).

Failure reasons (ErrorReason): NOT_ENOUGH_FUNDS, APPROVAL_REJECTED (the payer declined, or gave up after
a wrong PIN: MTN does not tell them apart), EXPIRED (the payer did not answer), TRANSACTION_CANCELED,
PAYER_NOT_FOUND, PAYER_LIMIT_REACHED, INTERNAL_PROCESSING_ERROR, COULD_NOT_PERFORM_TRANSACTION ...
"""

import json
import uuid
from decimal import Decimal, InvalidOperation

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
    msisdn,
    phone_e164,
    rail_request,
)
from payments.models import Payment, PaymentMethod, PaymentStatus

REQUIRED_SETTINGS = (
    "MTN_MOMO_BASE_URL", "MTN_MOMO_API_USER", "MTN_MOMO_API_KEY", "MTN_MOMO_SUBSCRIPTION_KEY",
    "MTN_MOMO_TARGET_ENVIRONMENT",
)  # fmt: skip

REASONS = {
    "NOT_ENOUGH_FUNDS": ("insufficient_funds", _("The MTN MoMo balance is insufficient for the transaction.")),
    "APPROVAL_REJECTED": ("cancelled_by_user", _("The payer declined the MTN MoMo request (or the PIN was wrong).")),
    "TRANSACTION_CANCELED": ("cancelled_by_user", _("The MTN MoMo request was cancelled.")),
    "EXPIRED": ("timeout", _("The payer did not approve the MTN MoMo request in time.")),
    "PAYER_NOT_FOUND": ("payer_not_found", _("This number has no MTN MoMo account.")),
    "PAYER_LIMIT_REACHED": ("payer_limit_reached", _("The payer's MTN MoMo limit is reached.")),
    "NOT_ALLOWED": ("not_allowed", _("MTN MoMo does not allow this payment.")),
}
STATUSES = {"SUCCESSFUL": PaymentStatus.SUCCEEDED, "FAILED": PaymentStatus.FAILED, "REJECTED": PaymentStatus.FAILED}


def reference_for(payment: Payment) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"nzila-payment:{payment.pk}:{payment.idempotency_key}"))


def report_from(body: dict, *, reference: str) -> MobileMoneyReport:
    """Our reading of a requesttopay resource (the status answer and the callback share it)."""
    provider_status = str(body["status"]).upper()
    status = STATUSES.get(provider_status, PaymentStatus.PENDING)
    failure_code = reason_text = ""
    if status == PaymentStatus.FAILED:
        reason = body.get("reason") or ""
        reason_code = str(reason.get("code", "") if isinstance(reason, dict) else reason).upper()
        failure_code, reason_text = REASONS.get(
            reason_code, ("mtn_" + reason_code.lower() if reason_code else "declined", "")
        )
        reason_text = str(
            reason_text
            or gettext("MTN MoMo declined the payment (%(reason)s).")
            % {"reason": reason_code or gettext("no reason given")}
        )
    amount = body.get("amount")
    payer = body.get("payer") or {}
    phone = (
        phone_e164(f"+{payer['partyId']}")
        if payer.get("partyIdType", "MSISDN") == "MSISDN" and payer.get("partyId")
        else None
    )
    return MobileMoneyReport(
        status=status, provider_reference=reference,
        event_id=f"{body.get('financialTransactionId') or body.get('externalId') or reference}:{provider_status}",
        amount=Decimal(str(amount)) if amount not in (None, "") else None,
        currency=str(body.get("currency") or "").upper(), phone=phone[0] if phone else "",
        receipt=str(body.get("financialTransactionId") or ""), external_id=str(body.get("externalId") or ""),
        provider_status=provider_status, failure_code=failure_code, failure_reason=reason_text[:255],
    )  # fmt: skip


def mtn_momo_token(*, base_url: str, product: str, api_user: str, api_key: str, subscription_key: str) -> str:
    """A token of one MTN MoMo product ("collection", "disbursement": each has its own API user and keys),
    cached until it is about to expire."""

    def fetch():
        response = rail_request(
            "MTN MoMo", "POST", f"{base_url}/{product}/token/", auth=(api_user, api_key),
            headers={"Ocp-Apim-Subscription-Key": subscription_key}, idempotent=True,
        )  # fmt: skip
        body = response.json()
        return body["access_token"], int(body.get("expires_in") or 3600)

    return cached_token(f"mtn-momo-token:{api_user}", fetch)


class MtnMomoGateway(MobileMoneyGateway):
    code = "mtn_momo"
    method = PaymentMethod.MTN_MOMO
    charge_is_idempotent = True  # the X-Reference-Id is derived from the payment: MTN keeps one request per id

    provider_name = "MTN MoMo"
    required_settings = REQUIRED_SETTINGS
    base_url_setting = "MTN_MOMO_BASE_URL"

    def _token(self) -> str:
        return mtn_momo_token(
            base_url=self.base_url, product="collection", api_user=settings.MTN_MOMO_API_USER,
            api_key=settings.MTN_MOMO_API_KEY, subscription_key=settings.MTN_MOMO_SUBSCRIPTION_KEY,
        )  # fmt: skip

    def _headers(self) -> dict:
        return {
            "Authorization": f"Bearer {self._token()}",
            "X-Target-Environment": settings.MTN_MOMO_TARGET_ENVIRONMENT,
            "Ocp-Apim-Subscription-Key": settings.MTN_MOMO_SUBSCRIPTION_KEY,
        }

    def start(self, *, payment: Payment, phone: str, callback: str) -> ChargeResult:
        reference = reference_for(payment)
        body = {
            "amount": f"{money_round(payment.amount, payment.currency):f}", "currency": payment.currency,
            "externalId": str(payment.pk), "payer": {"partyIdType": "MSISDN", "partyId": msisdn(phone)},
            "payerMessage": f"Nzila deal {payment.deal_id}", "payeeNote": f"Payment {payment.pk}",
        }  # fmt: skip
        headers = {**self._headers(), "X-Reference-Id": reference, "X-Callback-Url": callback}
        try:
            rail_request(
                "MTN MoMo", "POST", f"{self.base_url}/collection/v1_0/requesttopay", json=body, headers=headers,
                idempotent=True,
            )  # fmt: skip
        except GatewayRefused as refusal:
            response = getattr(refusal, "response", None)
            if response is None or response.status_code != 409:  # 409: this reference was requested already
                raise
        return ChargeResult(status=PaymentStatus.PENDING, provider_reference=reference)

    def status(self, *, payment: Payment) -> MobileMoneyReport:
        reference = payment.provider_reference
        response = rail_request(
            "MTN MoMo", "GET", f"{self.base_url}/collection/v1_0/requesttopay/{reference}", headers=self._headers(),
            idempotent=True,
        )  # fmt: skip
        try:
            return report_from(response.json(), reference=reference)
        except (ValueError, KeyError, TypeError, AttributeError, InvalidOperation) as error:
            raise GatewayRefused(
                gettext("%(provider)s: an answer we cannot read (%(error)s)")
                % {"provider": "MTN MoMo", "error": error.__class__.__name__}
            ) from error

    def parse_callback(self, *, body: bytes, headers) -> MobileMoneyReport:
        try:
            data = json.loads(body)
            if not isinstance(data, dict):
                raise TypeError("not an object")
            return report_from(data, reference="")
        except (ValueError, KeyError, TypeError, AttributeError, InvalidOperation) as error:
            raise CallbackMalformed(f"Not an MTN MoMo callback: {error.__class__.__name__}") from error

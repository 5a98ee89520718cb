"""MTN MoMo through the Disbursement API (its own API user and keys, on MTN_MOMO_BASE_URL):
https://momodeveloper.mtn.com/API-collections#api=disbursement

- Token: POST /disbursement/token/ with basic auth (disbursement API user : API key) and its
  Ocp-Apim-Subscription-Key.
- Transfer: POST /disbursement/v1_0/transfer with X-Reference-Id (the payout's reference, a UUID),
  X-Target-Environment and the subscription key; body {amount, currency, externalId, payee: {partyIdType:
  MSISDN, partyId}, payerMessage, payeeNote}; 202 Accepted, no body. MTN keeps one transfer per
  X-Reference-Id, so the call is idempotent (the HTTP policy may retry it) and 409 RESOURCE_ALREADY_EXIST
  means "already requested", never a second transfer.
- Status: GET /disbursement/v1_0/transfer/{X-Reference-Id} → {amount, currency, financialTransactionId,
  externalId, payee, status: PENDING | SUCCESSFUL | FAILED, reason}: the shape of a request to pay, read by
  payments' `report_from`. 404 RESOURCE_NOT_FOUND: MTN never received the transfer.
"""

from decimal import InvalidOperation

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from commissions.models import Payout, PayoutRail, PayoutStatus
from commissions.payouts.base import MobileMoneyPayoutRail, PayoutResult, failed, processing, refused
from currencies.money import money_round
from nzila_export.stored_text import text_to_store
from payments.gateways.base import GatewayError, GatewayRefused
from payments.gateways.mobile_money import msisdn, rail_request
from payments.gateways.mtn_momo import mtn_momo_token, report_from
from payments.models import PaymentMethod, PaymentStatus

PROVIDER = "MTN MoMo"
REQUIRED_SETTINGS = (
    "MTN_MOMO_BASE_URL", "MTN_MOMO_DISBURSEMENT_API_USER", "MTN_MOMO_DISBURSEMENT_API_KEY",
    "MTN_MOMO_DISBURSEMENT_SUBSCRIPTION_KEY", "MTN_MOMO_DISBURSEMENT_TARGET_ENVIRONMENT",
)  # fmt: skip
STATUSES = {
    PaymentStatus.SUCCEEDED: PayoutStatus.SUCCEEDED,
    PaymentStatus.FAILED: PayoutStatus.FAILED,
    PaymentStatus.PENDING: PayoutStatus.PROCESSING,
}


def answered(refusal: GatewayRefused, status_code: int) -> bool:
    return refusal.response is not None and refusal.response.status_code == status_code


class MtnMomoDisbursementRail(MobileMoneyPayoutRail):
    code = PayoutRail.MTN_MOMO
    collection_method = PaymentMethod.MTN_MOMO
    required_settings = REQUIRED_SETTINGS

    def __init__(self):
        self.base_url = settings.MTN_MOMO_BASE_URL.rstrip("/")

    def _headers(self) -> dict:
        token = mtn_momo_token(
            base_url=self.base_url, product="disbursement", api_user=settings.MTN_MOMO_DISBURSEMENT_API_USER,
            api_key=settings.MTN_MOMO_DISBURSEMENT_API_KEY,
            subscription_key=settings.MTN_MOMO_DISBURSEMENT_SUBSCRIPTION_KEY,
        )  # fmt: skip
        return {
            "Authorization": f"Bearer {token}",
            "X-Target-Environment": settings.MTN_MOMO_DISBURSEMENT_TARGET_ENVIRONMENT,
            "Ocp-Apim-Subscription-Key": settings.MTN_MOMO_DISBURSEMENT_SUBSCRIPTION_KEY,
        }

    def send(self, *, payout: Payout) -> PayoutResult:
        headers = {**self._headers(), "X-Reference-Id": str(payout.reference)}  # a failure here sent nothing
        body = {
            "amount": f"{money_round(payout.amount, payout.currency):f}", "currency": payout.currency,
            "externalId": str(payout.pk),
            "payee": {"partyIdType": "MSISDN", "partyId": msisdn(payout.destination.reveal())},
            "payerMessage": f"Nzila commission {payout.commission_id}", "payeeNote": f"Payout {payout.pk}",
        }  # fmt: skip
        try:
            rail_request(
                PROVIDER, "POST", f"{self.base_url}/disbursement/v1_0/transfer", json=body, headers=headers,
                idempotent=True,
            )  # fmt: skip
        except GatewayRefused as refusal:
            if not answered(refusal, 409):  # 409: this reference was requested already
                return refused(type(self), refusal)
        except GatewayError:
            return processing()  # it may have reached MTN: the status query says
        try:
            return self.status(payout=payout)
        except GatewayError:
            return processing()

    def status(self, *, payout: Payout) -> PayoutResult:
        reference = str(payout.reference)
        try:
            response = rail_request(
                PROVIDER, "GET", f"{self.base_url}/disbursement/v1_0/transfer/{reference}", headers=self._headers(),
                idempotent=True,
            )  # fmt: skip
        except GatewayRefused as refusal:
            if answered(refusal, 404):
                return failed(
                    text_to_store(_("MTN MoMo has no transfer with this payout's reference: nothing was paid."))
                )
            raise
        try:
            report = report_from(response.json(), reference=reference)
        except (ValueError, KeyError, TypeError, AttributeError, InvalidOperation) as error:
            raise GatewayError(f"{PROVIDER}: an answer we cannot read ({error.__class__.__name__})") from error
        return PayoutResult(
            status=STATUSES[report.status], provider_reference=report.receipt, provider_status=report.provider_status,
            failure_reason=report.failure_reason,
        )  # fmt: skip

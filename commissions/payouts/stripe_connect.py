"""Stripe Connect: a transfer from our Stripe balance to the broker's connected account, in CAD.
https://docs.stripe.com/api/transfers/create and https://docs.stripe.com/connect/separate-charges-and-transfers

- Transfer: transfers.create {amount (cents), currency: cad, destination: acct_..., transfer_group (the
  payout's reference), metadata} with the Idempotency-Key payout-<reference>: the client retries network
  errors with the same key, so Stripe makes one transfer per payout. A transfer exists once created: it is
  the payout's success.
- Status: transfers.list {transfer_group}: the payout's transfer, or none (Stripe never made it).
Through payments' Stripe client (`stripe_client`, `stripe_call`): the one module that imports stripe.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from commissions.models import BrokerPayoutAccount, Payout, PayoutRail, PayoutStatus
from commissions.payouts.base import (
    Destination,
    PayoutDestinationMissing,
    PayoutRailBase,
    PayoutResult,
    failed,
    processing,
    refused,
)
from currencies.money import REFERENCE_CURRENCY, to_minor_units
from nzila_export.stored_text import text_to_store
from payments.gateways.base import GatewayError, GatewayRefused
from payments.gateways.stripe import stripe_call, stripe_client, stripe_exponent


class StripeConnectRail(PayoutRailBase):
    code = PayoutRail.STRIPE_CONNECT
    required_settings = ("STRIPE_SECRET_KEY",)
    address_field = "stripe_account_id"

    def __init__(self):
        self.client = stripe_client()

    @classmethod
    def destination_of(cls, account: BrokerPayoutAccount | None) -> Destination:
        account_id = cls.address_of(account)
        if not account_id.startswith("acct_"):
            raise PayoutDestinationMissing(
                gettext("The broker has no Stripe connected account to be paid by Stripe Connect."),
                field="stripe_account_id",
            )
        return Destination(address=account_id, currency=REFERENCE_CURRENCY)

    def send(self, *, payout: Payout) -> PayoutResult:
        params = {
            "amount": to_minor_units(payout.amount, payout.currency, exponent=stripe_exponent(payout.currency)),
            "currency": payout.currency.lower(), "destination": payout.destination.reveal(),
            "transfer_group": str(payout.reference),
            "metadata": {"payout_id": str(payout.pk), "commission_id": str(payout.commission_id)},
        }  # fmt: skip
        try:
            transfer = stripe_call(
                self.client.v1.transfers.create,
                params=params,
                options={"idempotency_key": f"payout-{payout.reference}"},
            )
        except GatewayRefused as refusal:
            return refused(type(self), refusal)
        except GatewayError:
            return processing()  # Stripe may have made it: the status query finds it by its transfer group
        return PayoutResult(status=PayoutStatus.SUCCEEDED, provider_reference=transfer.id, provider_status="created")

    def status(self, *, payout: Payout) -> PayoutResult:
        transfers = stripe_call(
            self.client.v1.transfers.list, params={"transfer_group": str(payout.reference), "limit": 1}
        )
        if not transfers.data:
            return failed(text_to_store(_("Stripe has no transfer for this payout: nothing was paid.")))
        transfer = transfers.data[0]
        return PayoutResult(status=PayoutStatus.SUCCEEDED, provider_reference=transfer.id, provider_status="created")

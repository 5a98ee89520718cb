"""The local payout rail (development, COMMISSION_PAYOUTS_LOCAL): it answers for a rail whose settings
are not set, with the rail's own destination and currency, and succeeds at once. It moves no money and
calls no one; its provider reference says so (local-<reference>)."""

from commissions.models import BrokerPayoutAccount, Payout, PayoutStatus
from commissions.payouts.base import Destination, PayoutRailBase, PayoutResult


class LocalPayoutRail:
    sends_money = True

    def __init__(self, rail: type[PayoutRailBase]):
        self.rail = rail
        self.code = rail.code

    def destination_of(self, account: BrokerPayoutAccount | None) -> Destination:
        return self.rail.destination_of(account)

    def send(self, *, payout: Payout) -> PayoutResult:
        return PayoutResult(
            status=PayoutStatus.SUCCEEDED, provider_reference=f"local-{payout.reference}", provider_status="local"
        )

    def status(self, *, payout: Payout) -> PayoutResult:
        return self.send(payout=payout)

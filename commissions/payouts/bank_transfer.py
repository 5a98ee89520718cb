"""Bank transfers: staff make the transfer at the bank and record it with the bank's reference
(commission_mark_paid). Nothing is sent from here, so the rail needs no settings."""

from commissions.models import BrokerPayoutAccount, PayoutRail
from commissions.payouts.base import Destination, PayoutRailBase
from currencies.money import REFERENCE_CURRENCY


class BankTransferRail(PayoutRailBase):
    code = PayoutRail.BANK_TRANSFER
    sends_money = False
    address_field = "bank_details"

    @classmethod
    def destination_of(cls, account: BrokerPayoutAccount | None) -> Destination:
        return Destination(address=cls.address_of(account), currency=REFERENCE_CURRENCY)

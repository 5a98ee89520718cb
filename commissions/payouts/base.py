"""The interface every payout rail implements, and what it answers. A rail's `send` is made once per
payout, after the payout's row is committed; `status` asks the provider where a payout stands, changing
nothing. Amounts cross as Decimal with their currency; a rail converts to its own units at its edge.

What `send` promises (commissions.services.payouts relies on it):
- it answers a PayoutResult: succeeded, failed (the provider refused: nothing was paid), or processing
  (the provider has it, or its answer was lost: a status query settles it, the payout is never sent again);
- it raises GatewayError only when nothing was sent (the provider out of reach before the send).
The transport is payments': the one HTTP policy through `rail_request`, and the gateways' errors.
"""

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils.translation import gettext

from commissions.models import BrokerPayoutAccount, Payout, PayoutRail, PayoutStatus
from nzila_export.exceptions import DomainError
from nzila_export.field_encryption import revealed
from payments.gateways.base import GatewayRefused, SettingsConfigured
from payments.gateways.mobile_money import RAILS, phone_e164


class PayoutRailUnavailable(DomainError):
    status_code = 422
    code = "payout_rail_unavailable"


class PayoutDestinationMissing(DomainError):
    status_code = 422
    code = "payout_destination_missing"


@dataclass(frozen=True)
class Destination:
    address: str  # E.164 phone, connected account id or bank details
    currency: str  # what the rail pays in there
    whole_units_only: bool = False  # M-Pesa pays whole shillings


@dataclass(frozen=True)
class PayoutResult:
    status: str  # a PayoutStatus: processing, succeeded or failed
    provider_reference: str = ""
    provider_status: str = ""
    failure_reason: str = ""


class PayoutRailAdapter(Protocol):
    code: str
    sends_money: bool  # False: staff pay outside and record it (commission_mark_paid)

    @classmethod
    def destination_of(cls, account: BrokerPayoutAccount | None) -> Destination:
        """Where and in what currency the broker is paid; PayoutDestinationMissing when it cannot be."""
        ...

    def send(self, *, payout: Payout) -> PayoutResult: ...

    def status(self, *, payout: Payout) -> PayoutResult: ...


class PayoutRailBase(SettingsConfigured):
    """What every rail class shares: its code, the settings it needs and the address it pays to."""

    sends_money = True
    address_field = ""  # the BrokerPayoutAccount field holding the broker's address on this rail

    @classmethod
    def missing_settings(cls) -> list[str]:
        return [name for name in cls.required_settings if not getattr(settings, name)]

    @classmethod
    def label(cls) -> str:
        return str(PayoutRail(cls.code).label)

    @classmethod
    def address_of(cls, account: BrokerPayoutAccount | None) -> str:
        """The broker's address on this rail, in clear (the phone and bank details are encrypted at rest)."""
        return revealed(getattr(account, cls.address_field, "")).strip() if account is not None else ""


class MobileMoneyPayoutRail(PayoutRailBase):
    """A rail paying a phone: in the currency of the phone's country, among the countries the same rail
    takes payments in (payments.gateways.mobile_money.RAILS)."""

    collection_method = ""  # the PaymentMethod whose countries and currencies this rail shares
    address_field = "mobile_money_phone"

    @classmethod
    def destination_of(cls, account: BrokerPayoutAccount | None) -> Destination:
        parsed = phone_e164(cls.address_of(account))
        if parsed is None:
            raise PayoutDestinationMissing(
                gettext("The broker has no valid mobile-money number to be paid by %(rail)s.") % {"rail": cls.label()},
                field="mobile_money_phone",
            )
        number, country = parsed
        rail = RAILS[cls.collection_method]
        if country not in rail.countries:
            raise PayoutDestinationMissing(
                gettext("%(rail)s pays numbers from %(countries)s; the broker's is from %(country)s.")
                % {"rail": cls.label(), "countries": ", ".join(sorted(rail.countries)), "country": country},
                field="mobile_money_phone",
            )
        return Destination(address=number, currency=rail.countries[country], whole_units_only=rail.whole_units_only)


def processing(*, provider_reference: str = "", provider_status: str = "") -> PayoutResult:
    return PayoutResult(
        status=PayoutStatus.PROCESSING, provider_reference=provider_reference, provider_status=provider_status
    )


def failed(reason: str, *, provider_reference: str = "", provider_status: str = "") -> PayoutResult:
    return PayoutResult(
        status=PayoutStatus.FAILED, provider_reference=provider_reference, provider_status=provider_status,
        failure_reason=reason[:255],
    )  # fmt: skip


def refused(rail: type[PayoutRailBase], refusal: GatewayRefused) -> PayoutResult:
    """The provider refused the payout itself (a 4xx): nothing was paid."""
    response = refusal.response
    said = response.text[:150] if response is not None else str(refusal)
    return failed(
        gettext("%(rail)s refused the payout: %(answer)s") % {"rail": rail.label(), "answer": said},
        provider_status=str(response.status_code) if response is not None else "",
    )

"""Payout rails, one module per provider, found in one registry by code. `payout_rail(code)` returns the
rail's adapter when its settings are set; in local mode (COMMISSION_PAYOUTS_LOCAL, development) the local
rail answers for one that is not; otherwise PayoutRailUnavailable (422) names the settings it lacks."""

from django.conf import settings
from django.utils.translation import gettext

from commissions.models import PayoutRail
from commissions.payouts.bank_transfer import BankTransferRail
from commissions.payouts.base import PayoutRailAdapter, PayoutRailBase, PayoutRailUnavailable
from commissions.payouts.local import LocalPayoutRail
from commissions.payouts.mpesa_b2c import MpesaB2CRail
from commissions.payouts.mtn_momo import MtnMomoDisbursementRail
from commissions.payouts.stripe_connect import StripeConnectRail

PAYOUT_RAILS: dict[str, type[PayoutRailBase]] = {
    rail.code: rail for rail in (BankTransferRail, StripeConnectRail, MtnMomoDisbursementRail, MpesaB2CRail)
}


def payout_rail_class(code: str) -> type[PayoutRailBase]:
    if code not in PAYOUT_RAILS:
        raise PayoutRailUnavailable(
            gettext("“%(rail)s” is not a payout rail (one of %(rails)s).")
            % {"rail": code, "rails": ", ".join(PAYOUT_RAILS)},
            field="rail",
        )
    return PAYOUT_RAILS[code]


def payout_rail(code: str) -> PayoutRailAdapter:
    rail = payout_rail_class(code)
    if rail.configured():
        return rail()
    if settings.COMMISSION_PAYOUTS_LOCAL:
        return LocalPayoutRail(rail)
    raise PayoutRailUnavailable(
        gettext("%(rail)s payouts are not configured on this platform: %(settings)s must be set.")
        % {"rail": PayoutRail(code).label, "settings": ", ".join(rail.missing_settings())},
        field="rail",
        missing_settings=rail.missing_settings(),
    )

"""FraudDetectionEngine: how risky a deal looks, from signals we can measure, each with its reason.

Points per signal (capped at 100): a buyer account under 7 days old +20; an agreed price more than 30 %
below the listing's value +25 (or more than 50 % above it +10); a buyer whose country is not the
destination +15; three or more deals opened by the buyer within 24 hours +20; a dealer using a free
e-mail provider +10; an agreed price over CAD 50,000 +10. Levels: under 30 low (proceed), 30 to 60
medium (review), over 60 high: the deal is held for staff review.

The signals it shares with payments' fraud controls (a new account, a country mismatch, a high value)
are defined once, here, and payments.fraud reads them; the points and wording are each app's own.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from currencies.conversion import ExchangeRateUnavailable
from deals.models import Deal, RiskLevel
from nzila_export.stored_text import message_to_store, text_to_store
from vehicles.pricing import price_in_cad

NEW_ACCOUNT_AGE = timedelta(days=7)
RAPID_DEALS_WINDOW = timedelta(hours=24)
RAPID_DEALS_COUNT = 3
UNDERPRICED_RATIO = Decimal("0.70")
OVERPRICED_RATIO = Decimal("1.50")
HIGH_VALUE_CAD = Decimal("50000")
FREE_EMAIL_DOMAINS = frozenset(
    {"gmail.com", "yahoo.com", "yahoo.fr", "hotmail.com", "hotmail.fr", "outlook.com", "live.com", "aol.com",
     "icloud.com", "mail.com", "gmx.com", "proton.me", "protonmail.com", "yandex.com"}
)  # fmt: skip
MEDIUM_FROM = 30
HIGH_ABOVE = 60


def account_is_new(*, user, now: datetime) -> bool:
    return now - user.date_joined < NEW_ACCOUNT_AGE


def countries_differ(*, account_country, other_country) -> bool:
    """Both known and different (an unknown country is no signal)."""
    return bool(account_country) and bool(other_country) and str(account_country).upper() != str(other_country).upper()


def value_exceeds(*, amount_cad: Decimal | None, threshold_cad: Decimal) -> bool:
    return amount_cad is not None and amount_cad > threshold_cad


@dataclass(frozen=True)
class RiskAssessment:
    risk_score: int
    risk_level: str
    red_flags: list[dict] = field(default_factory=list)  # nzila_export.stored_text messages
    recommendation: str = ""  # nzila_export.stored_text's English source


class FraudDetectionEngine:
    def assess_deal_risk(self, deal: Deal) -> RiskAssessment:
        """The score (0-100), its level, the reasons (red flags) and what to do, as texts to store."""
        flags: list[tuple[int, dict]] = []

        def flag(points: int, message, **values) -> None:
            flags.append((points, message_to_store(message, **values)))

        now = timezone.now()
        buyer, dealer, vehicle = deal.buyer, deal.dealer, deal.vehicle
        if account_is_new(user=buyer, now=now):
            flag(20, _("The buyer's account is less than 7 days old."))
        agreed_cad = _agreed_price_cad(deal)
        if agreed_cad is not None and vehicle.price_cad:
            ratio = agreed_cad / vehicle.price_cad
            if ratio < UNDERPRICED_RATIO:
                flag(
                    25,
                    _("The agreed price is %(percent)s %% below the listing's value."),
                    percent=f"{100 - ratio * 100:.0f}",
                )
            elif ratio > OVERPRICED_RATIO:
                flag(
                    10,
                    _("The agreed price is %(percent)s %% above the listing's value."),
                    percent=f"{ratio * 100 - 100:.0f}",
                )
        if countries_differ(account_country=buyer.country, other_country=deal.destination_country):
            flag(
                15, _("The buyer's country (%(country)s) is not the destination (%(destination)s)."),
                country=buyer.country, destination=deal.destination_country,
            )  # fmt: skip
        recent = Deal.objects.filter(buyer=buyer, created_at__gte=now - RAPID_DEALS_WINDOW).exclude(pk=deal.pk).count()
        if recent + 1 >= RAPID_DEALS_COUNT:
            flag(20, _("The buyer opened %(count)s deals within 24 hours."), count=recent + 1)
        if dealer.email.rsplit("@", 1)[-1].lower() in FREE_EMAIL_DOMAINS:
            flag(10, _("The dealer uses a free e-mail provider."))
        if value_exceeds(amount_cad=agreed_cad, threshold_cad=HIGH_VALUE_CAD):
            flag(10, _("The agreed price is over CAD 50,000."))

        score = min(sum(points for points, _reason in flags), 100)
        if score > HIGH_ABOVE:
            level, recommendation = RiskLevel.HIGH, _("Hold the deal until staff have reviewed it.")
        elif score >= MEDIUM_FROM:
            level, recommendation = RiskLevel.MEDIUM, _("Proceed, and check the flagged points before payment.")
        else:
            level, recommendation = RiskLevel.LOW, _("Proceed.")
        return RiskAssessment(score, level, [reason for _points, reason in flags], text_to_store(recommendation))


def _agreed_price_cad(deal: Deal) -> Decimal | None:
    """The agreed price in CAD, or None when there is no rate today: the price signals are then left
    out rather than judged at a guessed rate."""
    try:
        return price_in_cad(amount=deal.agreed_price, currency=deal.currency)
    except ExchangeRateUnavailable:
        return None

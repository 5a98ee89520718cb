"""LeadScoringEngine: the rule-based lead score of the design notes, in one place.

A lead scores 0-100 from six parts (the points each can earn):

- engagement, 30: days since the last contact (never contacted: since the inquiry came in):
  up to 1 day 30, 3 days 20, 7 days 10, 14 days 5, older 0;
- price range, 20: the car's price in CAD: 5,000-29,999 20 (the bulk of used-car exports to West and
  Central Africa), 30,000-59,999 14, 2,000-4,999 or 60,000-99,999 8, under 2,000 or 100,000+ 3,
  unknown 0;
- source quality, 15: referral 15 > broker 12 > direct 9 > website 6 > whatsapp 4;
- buyer history, 15: the buyer's completed deals: none (or no account) 0, one 10, two or more 15;
- lead age, 10: days since the inquiry came in: up to 2 days 10, 7 days 7, 30 days 4, older 0;
- broker assigned, 10: a broker works the lead 10, else 0.

WhatsApp ranks last: a chat message is the lowest-effort way to ask and often a one-line price check
from an unverified number, while a website inquiry at least filled in a form with name and e-mail.

Priority: high from 70, medium from 45, low below.

The learning model of a later issue replaces this class by implementing `LeadScorer` and naming itself
in `settings.LEAD_SCORING_ENGINE` (a dotted path; default this class); callers get the engine from
`get_lead_scoring_engine()` and never import the class directly.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Protocol, TypedDict

from django.conf import settings
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from leads.models import STALLED_AFTER, LeadPriority, LeadSource, LeadStatus
from nzila_export.stored_text import message_to_store

DEFAULT_ENGINE = "leads.scoring.LeadScoringEngine"

HIGH_PRIORITY_FROM = 70
MEDIUM_PRIORITY_FROM = 45

SOURCE_POINTS = {
    LeadSource.REFERRAL: 15,
    LeadSource.BROKER: 12,
    LeadSource.DIRECT: 9,
    LeadSource.WEBSITE: 6,
    LeadSource.WHATSAPP: 4,
}

# (up to this many days, points); past the last band, 0.
ENGAGEMENT_BANDS = [(1, 30), (3, 20), (7, 10), (14, 5)]
LEAD_AGE_BANDS = [(2, 10), (7, 7), (30, 4)]

# (from this CAD price, below that one, points)
PRICE_BANDS = [
    (Decimal(5_000), Decimal(30_000), 20),
    (Decimal(30_000), Decimal(60_000), 14),
    (Decimal(2_000), Decimal(5_000), 8),
    (Decimal(60_000), Decimal(100_000), 8),
]
PRICE_OUTSIDE_BANDS_POINTS = 3

# Of a lead's score, the share that turns into a sale at each open stage (heuristic until the
# learning model has outcomes to learn from); a destination that refuses the car halves it.
STAGE_CONVERSION_FACTOR = {
    LeadStatus.NEW: Decimal("0.35"),
    LeadStatus.CONTACTED: Decimal("0.50"),
    LeadStatus.QUALIFIED: Decimal("0.70"),
    LeadStatus.NEGOTIATING: Decimal("0.85"),
}

FIRST_CONTACT_DUE_HOURS = {LeadPriority.HIGH: 2, LeadPriority.MEDIUM: 24, LeadPriority.LOW: 48}


class NextAction(TypedDict):
    """`action`: a stable code (none, first_contact, offer_eligible_alternatives, follow_up, qualify,
    send_offer, close_deal); `reason`: why, for people, an nzila_export.stored_text message (a plain
    English string in rows written before); `due_within_hours`: int, or None when nothing is due."""

    action: str
    reason: dict | str
    due_within_hours: int | None


class LeadScorer(Protocol):
    """What an engine offers; built with the lead (saved or not) and the moment to score at."""

    def __init__(self, lead, *, now: datetime | None = None) -> None: ...

    def score(self) -> int: ...

    def breakdown(self) -> dict[str, int]: ...

    def priority(self) -> str: ...

    def get_conversion_probability(self) -> float: ...

    def recommend_next_action(self) -> NextAction: ...


def get_lead_scoring_engine() -> type[LeadScorer]:
    return import_string(getattr(settings, "LEAD_SCORING_ENGINE", DEFAULT_ENGINE))


class LeadScoringEngine:
    def __init__(self, lead, *, now: datetime | None = None, completed_deals: int | None = None):
        self.lead = lead
        self.now = now or timezone.now()
        self._completed_deals = completed_deals

    # --- score ------------------------------------------------------------------------------------
    def breakdown(self) -> dict[str, int]:
        """Points per part: {"engagement", "price_range", "source_quality", "buyer_history",
        "lead_age", "broker_assigned"}; they add up to `score()`."""
        return {
            "engagement": self._engagement_points(),
            "price_range": self._price_points(),
            "source_quality": SOURCE_POINTS.get(self.lead.source, 0),
            "buyer_history": self._buyer_history_points(),
            "lead_age": _banded(self._days_since(self._received_at()), LEAD_AGE_BANDS),
            "broker_assigned": 10 if self.lead.broker_id else 0,
        }

    def score(self) -> int:
        """0-100."""
        return max(0, min(100, sum(self.breakdown().values())))

    def priority(self) -> str:
        """ "high", "medium" or "low" (LeadPriority)."""
        score = self.score()
        if score >= HIGH_PRIORITY_FROM:
            return LeadPriority.HIGH
        if score >= MEDIUM_PRIORITY_FROM:
            return LeadPriority.MEDIUM
        return LeadPriority.LOW

    def get_conversion_probability(self) -> float:
        """The chance this lead ends in a sale, 0.0-1.0 rounded to 2 places: 1.0 once converted,
        0.0 once lost; otherwise score/100 times the stage's factor, halved when the destination
        refuses the car."""
        status = self.lead.status
        if status == LeadStatus.CONVERTED:
            return 1.0
        if status == LeadStatus.LOST:
            return 0.0
        probability = Decimal(self.score()) / 100 * STAGE_CONVERSION_FACTOR.get(status, Decimal("0.35"))
        if self.lead.destination_allowed is False:
            probability /= 2
        return float(round(probability, 2))

    def recommend_next_action(self) -> NextAction:
        """{"action": str, "reason": stored message, "due_within_hours": int | None}; see NextAction."""
        lead = self.lead
        if lead.status == LeadStatus.CONVERTED:
            return _next_action("none", _("The lead is converted."), due_within_hours=None)
        if lead.status == LeadStatus.LOST:
            return _next_action("none", _("The lead is lost."), due_within_hours=None)
        first_contact_due = FIRST_CONTACT_DUE_HOURS[self.priority()]
        if lead.destination_allowed is False and lead.status in (LeadStatus.NEW, LeadStatus.CONTACTED):
            return _next_action(
                "offer_eligible_alternatives",
                _("The destination refuses this car; offer similar cars it admits."),
                due_within_hours=first_contact_due,
            )
        if self._is_stalled():
            return _next_action(
                "follow_up",
                _("No contact for %(days)s days."),
                due_within_hours=4,
                days=self._days_since(self._last_touch()),
            )
        if lead.status == LeadStatus.NEW:
            return _next_action(
                "first_contact", _("New inquiry, not yet answered."), due_within_hours=first_contact_due
            )
        if lead.status == LeadStatus.CONTACTED:
            return _next_action("qualify", _("Confirm budget, destination port and timing."), due_within_hours=48)
        if lead.status == LeadStatus.QUALIFIED:
            return _next_action("send_offer", _("The buyer is qualified: send a price offer."), due_within_hours=24)
        return _next_action("close_deal", _("In negotiation: agree the price and open a deal."), due_within_hours=24)

    # --- parts ------------------------------------------------------------------------------------
    def _received_at(self) -> datetime:
        return self.lead.created_at or self.now

    def _last_touch(self) -> datetime:
        return self.lead.last_contacted_at or self._received_at()

    def _days_since(self, moment: datetime) -> int:
        return max((self.now - moment).days, 0)

    def _is_stalled(self) -> bool:
        return self.now - self._last_touch() > STALLED_AFTER

    def _engagement_points(self) -> int:
        return _banded(self._days_since(self._last_touch()), ENGAGEMENT_BANDS)

    def _price_points(self) -> int:
        price = _price_cad(self.lead.vehicle)
        if price is None:
            return 0
        for low, high, points in PRICE_BANDS:
            if low <= price < high:
                return points
        return PRICE_OUTSIDE_BANDS_POINTS

    def _buyer_history_points(self) -> int:
        if self._completed_deals is None:
            from leads.selectors import buyer_completed_deals_count

            buyer = self.lead.buyer if self.lead.buyer_id else None
            self._completed_deals = buyer_completed_deals_count(buyer=buyer) if buyer is not None else 0
        if self._completed_deals >= 2:
            return 15
        return 10 if self._completed_deals == 1 else 0


def _next_action(action: str, reason: Promise, *, due_within_hours: int | None, **values) -> NextAction:
    return NextAction(action=action, reason=message_to_store(reason, **values), due_within_hours=due_within_hours)


def _banded(days: int, bands: list[tuple[int, int]]) -> int:
    for up_to_days, points in bands:
        if days <= up_to_days:
            return points
    return 0


def _price_cad(vehicle) -> Decimal | None:
    price_cad = getattr(vehicle, "price_cad", None)
    if price_cad is not None:
        return Decimal(price_cad)
    if getattr(vehicle, "currency", None) == "CAD" and getattr(vehicle, "price", None) is not None:
        return Decimal(vehicle.price)
    return None

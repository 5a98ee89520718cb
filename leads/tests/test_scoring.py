from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.tests.factories import BrokerFactory
from deals.models import DealStatus
from deals.tests.factories import DealFactory
from leads.models import Lead, LeadSource, LeadStatus
from leads.scoring import LeadScoringEngine, get_lead_scoring_engine
from leads.selectors import buyer_completed_deals_count
from leads.tests.factories import AvailableVehicleFactory, LeadFactory
from nzila_export.stored_text import stored_text_read

pytestmark = pytest.mark.django_db


def _lead(*, received_days_ago: float, last_contact_days_ago: float | None = None, price_cad="20000", **fields) -> Lead:
    now = timezone.now()
    vehicle = AvailableVehicleFactory(price=Decimal(price_cad), currency="CAD", price_cad=Decimal(price_cad))
    lead = LeadFactory(vehicle=vehicle, **fields)
    Lead.objects.filter(pk=lead.pk).update(
        created_at=now - timedelta(days=received_days_ago),
        last_contacted_at=None if last_contact_days_ago is None else now - timedelta(days=last_contact_days_ago),
    )
    lead.refresh_from_db()
    return lead


def _read(next_action: dict) -> dict:
    return {**next_action, "reason": stored_text_read(next_action["reason"])}


def test_a_fresh_referral_with_a_broker_scores_85_and_high():
    lead = _lead(received_days_ago=0.1, source=LeadSource.REFERRAL, broker=BrokerFactory())
    engine = LeadScoringEngine(lead)
    assert engine.breakdown() == {
        "engagement": 30,
        "price_range": 20,
        "source_quality": 15,
        "buyer_history": 0,
        "lead_age": 10,
        "broker_assigned": 10,
    }
    assert (engine.score(), engine.priority()) == (85, "high")
    assert engine.get_conversion_probability() == 0.30  # 0.85 x 0.35 (new)
    assert _read(engine.recommend_next_action()) == {
        "action": "first_contact",
        "reason": "New inquiry, not yet answered.",
        "due_within_hours": 2,
    }


def test_an_old_whatsapp_lead_on_an_expensive_car_scores_low_and_is_followed_up():
    lead = _lead(
        received_days_ago=10,
        last_contact_days_ago=5,
        price_cad="150000",
        source=LeadSource.WHATSAPP,
        status=LeadStatus.CONTACTED,
    )
    engine = LeadScoringEngine(lead)
    assert engine.breakdown() == {
        "engagement": 10,
        "price_range": 3,
        "source_quality": 4,
        "buyer_history": 0,
        "lead_age": 4,
        "broker_assigned": 0,
    }
    assert (engine.score(), engine.priority()) == (21, "low")
    assert engine.get_conversion_probability() == 0.10  # 0.21 x 0.50 (contacted), rounded
    assert _read(engine.recommend_next_action()) == {
        "action": "follow_up",
        "reason": "No contact for 5 days.",
        "due_within_hours": 4,
    }


@pytest.mark.parametrize(
    ("source", "points"),
    [("referral", 15), ("broker", 12), ("direct", 9), ("website", 6), ("whatsapp", 4)],
)
def test_source_quality_ranks_referral_first_and_whatsapp_last(source, points):
    lead = _lead(received_days_ago=0, source=source)
    assert LeadScoringEngine(lead).breakdown()["source_quality"] == points


@pytest.mark.parametrize(
    ("price_cad", "points"),
    [("1500", 3), ("2000", 8), ("5000", 20), ("29999.99", 20), ("30000", 14), ("60000", 8), ("100000", 3)],
)
def test_price_range_points(price_cad, points):
    lead = _lead(received_days_ago=0, price_cad=price_cad)
    assert LeadScoringEngine(lead).breakdown()["price_range"] == points


@pytest.mark.parametrize(("days", "engagement", "age"), [(1, 30, 10), (3, 20, 7), (7, 10, 7), (14, 5, 4), (31, 0, 0)])
def test_engagement_and_age_decay_with_days_never_contacted(days, engagement, age):
    lead = _lead(received_days_ago=days + 0.01)
    breakdown = LeadScoringEngine(lead).breakdown()
    assert (breakdown["engagement"], breakdown["lead_age"]) == (engagement, age)


@pytest.mark.parametrize(("completed_deals", "points"), [(0, 0), (1, 10), (2, 15), (7, 15)])
def test_buyer_history_points(completed_deals, points):
    lead = _lead(received_days_ago=0)
    assert LeadScoringEngine(lead, completed_deals=completed_deals).breakdown()["buyer_history"] == points


def test_buyer_history_counts_the_buyers_completed_deals_only():
    lead = _lead(received_days_ago=0)
    assert buyer_completed_deals_count(buyer=lead.buyer) == 0
    DealFactory(buyer=lead.buyer, status=DealStatus.COMPLETED)
    DealFactory(buyer=lead.buyer, status=DealStatus.CANCELLED)
    DealFactory(status=DealStatus.COMPLETED)
    assert buyer_completed_deals_count(buyer=lead.buyer) == 1
    assert LeadScoringEngine(lead).breakdown()["buyer_history"] == 10


def test_priority_thresholds():
    # 30 + 20 + 6 + 0 + 10 + 0 = 66: medium; with 10 points of history, 76: high.
    lead = _lead(received_days_ago=0)
    assert (LeadScoringEngine(lead).score(), LeadScoringEngine(lead).priority()) == (66, "medium")
    assert LeadScoringEngine(lead, completed_deals=1).priority() == "high"
    old = _lead(received_days_ago=40, price_cad="150000")  # 0 + 3 + 6 + 0 + 0 + 0
    assert (LeadScoringEngine(old).score(), LeadScoringEngine(old).priority()) == (9, "low")


def test_closed_leads_have_certain_probabilities_and_nothing_to_do():
    converted = _lead(received_days_ago=1, status=LeadStatus.CONVERTED)
    lost = _lead(received_days_ago=1, status=LeadStatus.LOST, lost_reason="Bought elsewhere")
    assert LeadScoringEngine(converted).get_conversion_probability() == 1.0
    assert LeadScoringEngine(lost).get_conversion_probability() == 0.0
    assert _read(LeadScoringEngine(lost).recommend_next_action()) == {
        "action": "none",
        "reason": "The lead is lost.",
        "due_within_hours": None,
    }


def test_a_refused_destination_halves_the_probability_and_suggests_alternatives():
    lead = _lead(received_days_ago=0, destination_allowed=False, destination_reasons=["too old"])
    engine = LeadScoringEngine(lead)
    assert engine.score() == 66
    assert engine.get_conversion_probability() == 0.12  # 0.66 x 0.35 / 2
    assert engine.recommend_next_action()["action"] == "offer_eligible_alternatives"


@pytest.mark.parametrize(
    ("status", "action", "hours"),
    [("contacted", "qualify", 48), ("qualified", "send_offer", 24), ("negotiating", "close_deal", 24)],
)
def test_next_action_follows_the_stage(status, action, hours):
    lead = _lead(received_days_ago=0.1, status=status)
    recommended = LeadScoringEngine(lead).recommend_next_action()
    assert (recommended["action"], recommended["due_within_hours"]) == (action, hours)


class FixedScoreEngine(LeadScoringEngine):
    def score(self) -> int:
        return 42


def test_the_engine_is_chosen_in_settings(settings):
    assert get_lead_scoring_engine() is LeadScoringEngine
    settings.LEAD_SCORING_ENGINE = "leads.tests.test_scoring.FixedScoreEngine"
    assert get_lead_scoring_engine() is FixedScoreEngine

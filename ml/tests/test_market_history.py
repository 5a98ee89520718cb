"""The generator writes the rows it reports, the same rows for a seed, rows that carry the hidden process, and
removes only what it made."""

import math
import re
from datetime import UTC, datetime

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from deals.models import Deal, DealEvent
from leads.destination_rules import destination_rule_rows
from leads.models import DestinationRule, Lead, LeadContact
from leads.tests.factories import LeadFactory
from ml import market_history as process
from ml.market_rows import generated_users, market_draw
from payments.models import Payment
from vehicles.models import Vehicle, ViewHistory

GENERATE = ["generate_market_history", "--listings=300", "--years=1", "--seed=11", "--end=2026-06-01"]
COUNTED = {
    "listings": lambda people: Vehicle.all_objects.filter(dealer__in=people),
    "views": lambda people: ViewHistory.objects.filter(user__in=people),
    "leads": lambda people: Lead.objects.filter(dealer__in=people),
    "lead contacts": lambda people: LeadContact.objects.filter(lead__dealer__in=people),
    "deals": lambda people: Deal.objects.filter(dealer__in=people),
    "deal events": lambda people: DealEvent.objects.filter(deal__dealer__in=people),
    "payments": lambda people: Payment.objects.filter(deal__dealer__in=people),
}


def generate(capsys) -> dict[str, int]:
    call_command(*GENERATE)
    said = capsys.readouterr().out
    return {kind: int(count.replace(",", "")) for count, kind in re.findall(r"([\d,]+) ([a-z ]+?)(?:,| in )", said)}


def snapshot() -> dict[str, list]:
    people = generated_users()
    return {
        "listings": list(COUNTED["listings"](people).order_by("id").values_list(
            "dealer__username", "make", "model", "year", "vin", "mileage_km", "condition", "price", "province",
            "status", "created_at", "updated_at",
        )),
        "views": list(COUNTED["views"](people).order_by("id").values_list(
            "user__username", "vehicle__vin", "viewed_at",
        )),
        "leads": list(COUNTED["leads"](people).order_by("id").values_list(
            "buyer__username", "vehicle__vin", "source", "status", "destination_allowed", "created_at",
            "last_contacted_at",
        )),
        "deals": list(COUNTED["deals"](people).order_by("id").values_list("status", "agreed_price", "created_at")),
        "payments": list(COUNTED["payments"](people).order_by("id").values_list(
            "status", "amount", "fraud_risk_score", "ip_address", "created_at",
        )),
    }  # fmt: skip


@pytest.mark.django_db
def test_the_generator_makes_the_rows_it_reports_and_the_same_rows_for_a_seed(destination_rules, capsys):
    reported = generate(capsys)
    people = generated_users()
    assert reported["dealers"] == people.filter(role="dealer").count() == 3
    assert reported["buyers"] == people.filter(role="buyer").count() == 30
    assert {kind: reported[kind] for kind in COUNTED} == {kind: rows(people).count() for kind, rows in COUNTED.items()}
    assert reported["listings"] == 300
    assert min(reported.values()) > 0
    first = snapshot()

    call_command("generate_market_history", "--clear")
    generate(capsys)
    assert snapshot() == first


@pytest.mark.django_db
def test_generated_prices_carry_the_depreciation_of_the_hidden_process(destination_rules, capsys):
    generate(capsys)
    listings = list(Vehicle.all_objects.filter(dealer__in=generated_users()).exclude(price=process.MIN_PRICE_CAD))
    categories = [(listing.condition, listing.province, f"{listing.make} {listing.model}") for listing in listings]
    columns = {
        "age": [2026 - listing.year for listing in listings],
        "10,000 km": [listing.mileage_km / 10_000 for listing in listings],
        **{
            value: [float(value in categorised) for categorised in categories]
            for value in sorted({value for categorised in categories for value in categorised})
        },
    }
    design = np.column_stack(list(columns.values()))
    coefficients, *_ = np.linalg.lstsq(design, np.log([float(listing.price) for listing in listings]), rcond=None)
    fitted = dict(zip(columns, np.exp(coefficients), strict=True))
    # The model year is counted from 2026 here, from the year listed in the process: a constant shift.
    assert fitted["age"] == pytest.approx(process.DEPRECIATION_PER_YEAR, abs=0.03)
    assert fitted["10,000 km"] == pytest.approx(process.DEPRECIATION_PER_10000_KM, abs=0.02)


@pytest.mark.django_db
def test_clearing_removes_the_generated_rows_and_only_them(destination_rules, capsys):
    real_lead = LeadFactory()
    real_view = ViewHistory.objects.create(vehicle=real_lead.vehicle, user=real_lead.buyer)
    before = User.objects.count(), Vehicle.all_objects.count(), Lead.objects.count()
    generate(capsys)
    with pytest.raises(CommandError, match="already here"):
        call_command(*GENERATE)

    call_command("generate_market_history", "--clear")
    assert "vehicles.Vehicle" in capsys.readouterr().out
    assert (User.objects.count(), Vehicle.all_objects.count(), Lead.objects.count()) == before
    assert ViewHistory.objects.get() == real_view
    assert not generated_users().exists()
    assert not Deal.objects.exists()
    assert not Payment.objects.exists()


@pytest.mark.django_db
def test_the_generator_refuses_a_production_database_unless_forced(settings, capsys):
    settings.DJANGO_ENV, settings.DEBUG = "production", False
    with pytest.raises(CommandError, match="production"):
        call_command("generate_market_history", "--clear")
    call_command("generate_market_history", "--clear", "--force")
    assert capsys.readouterr().out.startswith("Removed nothing in")


# The aggregate checks draw a larger market in memory, once: the rows above carry what the draw holds.
@pytest.fixture(scope="module")
def market():
    rules = {row["country"]: DestinationRule(**row) for row in destination_rule_rows()}
    return market_draw(listings=8_000, years=2, seed=5, end=datetime(2026, 6, 1, tzinfo=UTC), rules=rules)


def _rate(flags) -> float:
    return float(np.mean(flags)) if len(flags) else math.nan


def test_overpriced_cars_slow_answers_and_refused_destinations_convert_less(market):
    ratio = market.listings.price_vs_market
    decided = [lead for lead in market.leads if lead.status in ("converted", "lost")]
    answered = [lead for lead in decided if lead.allowed and lead.contacted is not None]
    median = np.median([ratio[lead.listing] for lead in answered])
    cheap = [lead.status == "converted" for lead in answered if ratio[lead.listing] < median]
    dear = [lead.status == "converted" for lead in answered if ratio[lead.listing] >= median]
    assert _rate(cheap) > _rate(dear) + 0.05
    quick = [lead.status == "converted" for lead in answered if lead.contacted - lead.created < 3 * 3600]
    slow = [lead.status == "converted" for lead in answered if lead.contacted - lead.created > 24 * 3600]
    assert _rate(quick) > _rate(slow)
    assert not [lead for lead in decided if lead.status == "converted" and not lead.allowed]
    assert not [lead for lead in decided if lead.status == "converted" and lead.contacted is None]


def test_payments_from_a_new_device_or_another_country_are_more_often_fraud(market):
    payments = [deal.payment for deal in market.deals if deal.payment is not None]
    assert _rate([p.fraud for p in payments if p.country_mismatch]) > 2 * _rate(
        [p.fraud for p in payments if not p.country_mismatch]
    )
    assert _rate([p.fraud for p in payments if p.new_device]) > 2 * _rate(
        [p.fraud for p in payments if not p.new_device]
    )
    assert 0.01 < _rate([p.fraud for p in payments]) < 0.1  # fmt: skip


def test_buyers_view_what_they_like_and_their_recent_taste_the_most(market):
    buyers, listings, views = market.buyers, market.listings, market.views
    taste = (views.at >= buyers.drift_at[views.buyer]).astype(int)
    liked = (listings.body[views.listing][:, None] == buyers.bodies[views.buyer, taste]).any(axis=1)
    by_chance = np.mean([np.isin(listings.body, bodies).mean() for bodies in buyers.bodies[:, 0]])
    assert liked.mean() > by_chance + 0.15
    after_drift = views.at >= buyers.drift_at[views.buyer]
    old_taste = (listings.body[views.listing][:, None] == buyers.bodies[views.buyer, 0]).any(axis=1)
    assert liked[after_drift].mean() > old_taste[after_drift].mean() + 0.2

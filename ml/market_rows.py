"""The generated market as rows (`generate_market_history`), and their removal (`--clear`).

Generated rows are marked by their people: every generated account has its e-mail address at GENERATED_DOMAIN
(a reserved `.invalid` name, never deliverable, and no usable password), and every other generated row hangs
on a generated dealer (its listings, their views, leads and deals, the deals' payments) or a generated buyer
(its views). Clearing deletes exactly those, whatever else the database holds.

The rows are history, not events: they are bulk-inserted in batches in one transaction with the times the
draw gave them, without the services (no notifications, no per-row audit, no scores; the whole run is
audited once). Payments have no ledger entries: the ledger is append-only and this market must be removable.
"""

import hashlib
import math
import random
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal

import numpy as np
from django.db import transaction

from accounts.models import Role, User
from audit.services import audit_record
from deals.models import Deal, DealEvent, DealStatus
from leads.models import ContactChannel, DestinationRule, Lead, LeadContact, LeadStatus
from ml import market_history as process
from ml import market_leads as draw
from ml.market_deals import CARD_PROVIDER, DECLINED, DealDraw, PaymentDraw, deals_draw
from payments.models import Payment, PaymentMethod, PaymentStatus
from vehicles.cache import listings_changed
from vehicles.models import Vehicle, VehicleStatus, ViewHistory
from vehicles.services import vehicle_names_register

GENERATED_DOMAIN = "generated-market.invalid"
UNUSABLE_PASSWORD = "!generated-market"  # "!" makes it unusable (django.contrib.auth.hashers)
BATCH = 5_000
FIRST_NAMES = ["Kouamé", "Adaeze", "Awa", "Moussa", "Ama", "Chinedu", "Fatou", "Jean", "Amina", "Kofi", "Grace"]
LAST_NAMES = ["Yao", "Okafor", "Diop", "Traoré", "Mensah", "Nwosu", "Ndiaye", "Mbala", "Kamara", "Boateng"]
CONTACT_CHANNELS = [ContactChannel.WHATSAPP, ContactChannel.PHONE, ContactChannel.EMAIL]
CLOSED = (LeadStatus.CONVERTED, LeadStatus.LOST)


class MarketHistoryRefused(Exception):
    """The market cannot be generated here as asked; nothing was written."""


@dataclass
class Market:
    """One draw of the hidden process, before any row is written."""

    start: float
    end: float
    dealer_provinces: list[str]
    dealer_response_hours: np.ndarray
    buyers: draw.Buyers
    brokers: list[str]  # each broker's country
    listings: draw.Listings
    views: draw.Views
    leads: list[draw.Lead]
    deals: list[DealDraw]


def market_draw(*, listings: int, years: int, seed: int, end: datetime, rules: dict[str, DestinationRule]) -> Market:
    rng, py_rng = np.random.default_rng(seed), random.Random(seed)  # noqa: S311 - reproducible fake data
    start, end_at = draw.market_window(years=years, end=end)
    provinces, response = draw.dealers_draw(rng, count=max(3, math.ceil(listings / process.LISTINGS_PER_DEALER)))
    countries = sorted(rules)
    buyers = draw.buyers_draw(
        rng, count=max(20, listings // process.LISTINGS_PER_BUYER), countries=countries, start=start, end=end_at
    )
    brokers = [
        countries[index] for index in rng.integers(0, len(countries), max(2, listings // process.LISTINGS_PER_BROKER))
    ]
    drawn = draw.listings_draw(rng, py_rng, count=listings, dealer_provinces=provinces, start=start, end=end_at)
    views = draw.views_draw(rng, buyers=buyers, listings=drawn)
    leads = draw.leads_draw(
        rng, views=views, buyers=buyers, listings=drawn, brokers=len(brokers), rules=rules, end=end_at
    )
    leads = draw.leads_decide(rng, leads=leads, listings=drawn, dealer_response=response, end=end_at)
    deals = deals_draw(rng, leads=leads, listings=drawn, buyers=buyers, rules=rules, end=end_at)
    before_taken = views.at < drawn.closed_at[views.listing]
    views = draw.Views(views.buyer[before_taken], views.listing[before_taken], views.at[before_taken])
    return Market(start, end_at, provinces, response, buyers, brokers, drawn, views, leads, deals)


def generated_users():
    return User.objects.filter(email__endswith=f"@{GENERATED_DOMAIN}")


def market_history_generate(*, listings: int, years: int, seed: int, end: date) -> dict[str, int]:
    """Draw the market of `listings` listings over `years` years ending at `end` (midnight UTC) and write it."""
    if generated_users().exists():
        raise MarketHistoryRefused("A generated market is already here: remove it first (--clear).")
    rules = {str(rule.country): rule for rule in DestinationRule.objects.exclude(ports=[])}
    if not rules:
        raise MarketHistoryRefused("No destination rules with ports: load them first (load_destination_rules).")
    market = market_draw(
        listings=listings, years=years, seed=seed, end=datetime.combine(end, time.min, UTC), rules=rules
    )
    with transaction.atomic(), _times_as_drawn(Vehicle, Lead, LeadContact, Deal, DealEvent, Payment):
        counts = _rows_write(market)
        vehicle_names_register()  # the fuzzy-search vocabulary, which bulk inserts do not feed
        listings_changed(vehicle_ids=[], public=True)
        audit_record(
            action="market_history.generate",
            changes={"listings": listings, "years": years, "seed": seed, "end": end.isoformat(), "rows": counts},
            object_repr="generated market",
        )
    return counts


def market_history_clear() -> dict[str, int]:
    """Delete the generated rows, and only them: how many of each model (by label), cascades included."""
    counts = Counter()
    with transaction.atomic():
        people = generated_users()
        deals = Deal.objects.filter(dealer__in=people)
        # In the order their protected references allow: payments, deals, leads, listings, then the people.
        for rows in (
            Payment.objects.filter(deal__in=deals), deals, Lead.objects.filter(dealer__in=people),
            Vehicle.all_objects.filter(dealer__in=people), people,
        ):  # fmt: skip
            counts.update(rows.delete()[1])
        counts = {label: count for label, count in counts.items() if count}
        listings_changed(vehicle_ids=[], public=True)
        audit_record(action="market_history.clear", changes={"rows": counts}, object_repr="generated market")
    return counts


@contextmanager
def _times_as_drawn(*models):
    """Let bulk inserts keep the historical times set on the rows: created_at and updated_at are auto_now(_add)
    fields, which Django would set to now. Process-wide while it lasts: for this command's process only."""
    fields = [
        (field, field.auto_now, field.auto_now_add)
        for model in models
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    for field, _, _ in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in fields:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _inserted(model, rows) -> list:
    """Bulk insert `rows` (an iterable of unsaved instances) in batches; the rows, with their ids."""
    rows = list(rows)
    for first in range(0, len(rows), BATCH):
        model.objects.bulk_create(rows[first : first + BATCH])
    return rows


def _accounts(market: Market) -> dict[str, list[User]]:
    def account(role: str, number: int, joined: float, **fields) -> User:
        username = f"market-{role}-{number:06d}"
        return User(
            username=username, email=f"{username}@{GENERATED_DOMAIN}", role=role, password=UNUSABLE_PASSWORD,
            date_joined=draw.moment(joined), **fields,
        )  # fmt: skip

    opened = market.start - 365 * process.DAY
    buyers = market.buyers
    return {
        "dealers": _inserted(User, (
            account(Role.DEALER, number, opened, company_name=f"Generated Motors {number}", country="CA")
            for number in range(len(market.dealer_provinces))
        )),
        "buyers": _inserted(User, (
            account(
                Role.BUYER, number, buyers.joined[number], country=country,
                first_name=FIRST_NAMES[number % len(FIRST_NAMES)], last_name=LAST_NAMES[number % len(LAST_NAMES)],
            )
            for number, country in enumerate(buyers.country)
        )),
        "brokers": _inserted(User, (
            account(Role.BROKER, number, opened, company_name=f"Generated Brokers {number}", country=country)
            for number, country in enumerate(market.brokers)
        )),
        "reviewer": _inserted(User, [account(Role.STAFF, 0, opened)]),
    }  # fmt: skip


def _listing_status(market: Market, listing: int, deal: DealDraw | None) -> tuple[str, float]:
    """The listing's status at the end, and when it took it."""
    if deal is not None:
        if deal.status == DealStatus.CANCELLED:
            return VehicleStatus.ARCHIVED, deal.moves[-1][1]
        paid = deal.moved_at(DealStatus.PAID)
        return (VehicleStatus.SOLD, paid) if paid is not None else (VehicleStatus.RESERVED, deal.moves[0][1])
    if market.listings.expires[listing] <= market.end:
        return VehicleStatus.ARCHIVED, market.listings.expires[listing]
    return VehicleStatus.AVAILABLE, market.listings.published[listing]


def _vehicles(market: Market, dealers: list[User]) -> list[Vehicle]:
    drawn = market.listings
    deal_of = {deal.lead.listing: deal for deal in market.deals}

    def vehicle(index: int) -> Vehicle:
        status, changed = _listing_status(market, index, deal_of.get(index))
        price = Decimal(int(drawn.price[index]))
        published = draw.moment(drawn.published[index])
        return Vehicle(
            **{**drawn.specs[index], "price": price, "status": status},
            dealer=dealers[drawn.dealer[index]], price_cad=price, published_at=published, created_at=published,
            updated_at=draw.moment(changed),
        )  # fmt: skip

    return _inserted(Vehicle, (vehicle(index) for index in range(len(drawn.specs))))


def _rows_write(market: Market) -> dict[str, int]:
    accounts = _accounts(market)
    dealers, buyers, brokers = accounts["dealers"], accounts["buyers"], accounts["brokers"]
    vehicles = _vehicles(market, dealers)
    views = market.views
    for first in range(0, len(views.at), BATCH):
        part = slice(first, first + BATCH)
        ViewHistory.objects.bulk_create(
            ViewHistory(vehicle_id=vehicles[listing].pk, user_id=buyers[buyer].pk, viewed_at=draw.moment(at))
            for buyer, listing, at in zip(views.buyer[part], views.listing[part], views.at[part], strict=True)
        )
    leads = _inserted(Lead, (_lead(lead, vehicles=vehicles, buyers=buyers, brokers=brokers) for lead in market.leads))
    contacts = _inserted(LeadContact, (
        LeadContact(
            lead=row, channel=CONTACT_CHANNELS[number % len(CONTACT_CHANNELS)], note="Answered the inquiry.",
            contacted_at=row.last_contacted_at, contacted_by_id=row.dealer_id, created_at=row.last_contacted_at,
            updated_at=row.last_contacted_at,
        )
        for number, row in enumerate(leads) if row.last_contacted_at is not None
    ))  # fmt: skip
    lead_rows = {id(drawn): row for drawn, row in zip(market.leads, leads, strict=True)}
    deals = _inserted(Deal, (_deal(deal, lead=lead_rows[id(deal.lead)]) for deal in market.deals))
    events = _inserted(DealEvent, (
        DealEvent(
            deal=row, from_status=before, to_status=status, actor_id=row.dealer_id, created_at=draw.moment(when),
            reason=row.cancellation_reason if status == DealStatus.CANCELLED else "",
        )
        for deal, row in zip(market.deals, deals, strict=True)
        for before, (status, when) in zip(["", *(moved for moved, _ in deal.moves)], deal.moves, strict=False)
    ))  # fmt: skip
    payments = _inserted(Payment, (
        payment
        for number, (deal, row) in enumerate(zip(market.deals, deals, strict=True)) if deal.payment is not None
        for payment in _payments(deal.payment, deal=row, number=number, reviewer=accounts["reviewer"][0])
    ))  # fmt: skip
    return {
        "dealers": len(dealers), "buyers": len(buyers), "brokers": len(brokers), "listings": len(vehicles),
        "views": len(views.at), "leads": len(leads), "lead contacts": len(contacts), "deals": len(deals),
        "deal events": len(events), "payments": len(payments),
    }  # fmt: skip


def _lead(lead: draw.Lead, *, vehicles: list[Vehicle], buyers: list[User], brokers: list[User]) -> Lead:
    vehicle, buyer = vehicles[lead.listing], buyers[lead.buyer]
    contacted = draw.moment(lead.contacted) if lead.contacted is not None else None
    created = draw.moment(lead.created)
    return Lead(
        vehicle=vehicle, dealer_id=vehicle.dealer_id, buyer=buyer,
        broker=brokers[lead.broker] if lead.broker is not None else None, full_name=buyer.get_full_name(),
        email=buyer.email, message=lead.message, destination_country=buyer.country, source=lead.source,
        status=lead.status, lost_reason=lead.lost_reason, last_contacted_at=contacted,
        destination_allowed=lead.allowed, destination_reasons=lead.reasons_to_store, created_at=created,
        updated_at=draw.moment(lead.outcome_at) if lead.status in CLOSED else (contacted or created),
    )  # fmt: skip


def _deal(deal: DealDraw, *, lead: Lead) -> Deal:
    return Deal(
        vehicle_id=lead.vehicle_id, dealer_id=lead.dealer_id, buyer_id=lead.buyer_id, broker_id=lead.broker_id,
        lead=lead, agreed_price=Decimal(f"{deal.agreed_price:.2f}"), currency="CAD",
        destination_country=lead.destination_country, destination_port=deal.port, incoterm=deal.incoterm,
        status=deal.status, status_changed_at=draw.moment(deal.moves[-1][1]),
        cancellation_reason=deal.cancellation_reason, created_at=draw.moment(deal.moves[0][1]),
        updated_at=draw.moment(deal.moves[-1][1]),
    )  # fmt: skip


def _payments(drawn: PaymentDraw, *, deal: Deal, number: int, reviewer: User) -> list[Payment]:
    """The declined attempts, then the payment."""
    amount = deal.agreed_price
    provider = CARD_PROVIDER if drawn.method == PaymentMethod.CARD else str(drawn.method)

    def payment(attempt: int, at: float, **fields) -> Payment:
        key = f"market-{number}-{attempt}"
        moment = draw.moment(at)
        return Payment(
            deal=deal, payer_id=deal.buyer_id, created_by_id=deal.buyer_id, amount=amount, currency="CAD",
            deal_amount=amount, deal_currency="CAD", deal_rate=1, amount_cad=amount, cad_rate=1,
            method=drawn.method, provider=provider, provider_reference=key, provider_requested_at=moment,
            idempotency_key=key, request_fingerprint=hashlib.sha256(key.encode()).hexdigest(),
            ip_address=drawn.ip_address, created_at=moment, **fields,
        )  # fmt: skip

    attempts = [
        payment(attempt, at, status=PaymentStatus.FAILED, status_changed_at=draw.moment(at), failure_code=DECLINED,
                updated_at=draw.moment(at))
        for attempt, at in enumerate(drawn.failed_at, start=1)
    ]  # fmt: skip
    reviewed = draw.moment(drawn.reviewed_at) if drawn.reviewed_at is not None else None
    final = payment(
        0, drawn.at, status=drawn.status, status_changed_at=draw.moment(drawn.status_changed),
        failure_code=drawn.failure_code, fraud_risk_score=drawn.risk.score, fraud_reasons=drawn.risk.reasons_as_dicts(),
        review_decision=drawn.review_decision, reviewed_at=reviewed, reviewed_by=reviewer if reviewed else None,
        updated_at=draw.moment(drawn.status_changed),
    )  # fmt: skip
    if drawn.status == PaymentStatus.FAILED and not drawn.review_decision:
        final.provider_requested_at = None  # blocked: never sent to the provider
    return [*attempts, final]

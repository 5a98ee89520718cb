"""Drawing the marketplace side of the generated market, as ml.market_history states it: dealers, buyers and
their tastes, listings and their prices, views, and leads with their answer and outcome."""

import math
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import numpy as np

from leads.eligibility import destination_check
from leads.models import LeadSource, LeadStatus
from ml.market_history import (
    ACTIVE_DAYS,
    BODY_TYPES,
    BROKER_ASSIGNED_PROBABILITY,
    BUYER_COUNTRY_WEIGHTS,
    DAY,
    DEAL_AFTER_DAYS,
    DEALER_RESPONSE_MEDIAN_HOURS,
    DEALER_RESPONSE_SIGMA,
    DEALER_SILENCE_PROBABILITY,
    LEAD_DELAY_MINUTES,
    LEAD_SOURCE_WEIGHTS,
    LOST_AFTER_DAYS,
    MAKES,
    MIN_PRICE_CAD,
    NEW_PRICES,
    PRICE_BAND_MEDIAN_CAD,
    PRICE_BAND_SIGMA,
    PRICE_BAND_WIDTH,
    PRICE_NOISE_SIGMA,
    PROVINCE_WEIGHTS,
    RESPONSE_SIGMA,
    SHELF_LIFE_DAYS,
    TASTE_BODY_TYPES,
    TASTE_DRIFT_PROBABILITY,
    TASTE_MAKES,
    VIEW_CANDIDATES,
    VIEW_SEARCH_PROBABILITY,
    VIEWS_PER_BUYER,
    conversion_logit,
    inquiry_probability,
    market_value,
    sigmoid,
    view_utility,
)
from vehicles.demo import vehicle_spec

LOST_REASONS = ["The buyer stopped answering.", "Bought another car.", "The price was too high for the buyer."]
LOST_TO_ANOTHER_BUYER = "Sold to another buyer."
LOST_TO_DESTINATION = "The destination does not admit this car."
INQUIRY_MESSAGES = [
    "Is this car still available? Shipping to {destination}.",
    "Quel est le prix rendu {destination} ?",
    "Can you send more photos and the total cost to {destination}?",
    "Bonjour, je suis intéressé. Livraison possible à {destination} ?",
]


def moment(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


@dataclass
class Listings:
    """The listings, in order of publication, as parallel arrays, and their vehicle_spec fields."""

    specs: list[dict]
    dealer: np.ndarray
    published: np.ndarray
    expires: np.ndarray
    value: np.ndarray
    price: np.ndarray
    body: np.ndarray  # index in BODY_TYPES
    make: np.ndarray  # index in MAKES
    closed_at: np.ndarray = field(init=False)  # taken by a deal (inf: never)

    def __post_init__(self):
        self.closed_at = np.full(len(self.specs), np.inf)

    @property
    def price_vs_market(self) -> np.ndarray:
        return self.price / self.value


@dataclass
class Buyers:
    country: list[str]
    joined: np.ndarray
    active_from: np.ndarray
    active_to: np.ndarray
    drift_at: np.ndarray  # inf: the taste never changes
    bodies: np.ndarray  # (buyer, taste 0 or 1, TASTE_BODY_TYPES)
    makes: np.ndarray  # (buyer, taste, TASTE_MAKES)
    band: np.ndarray  # (buyer, taste, low and high)


@dataclass
class Lead:
    buyer: int
    listing: int
    created: float
    source: str
    broker: int | None
    allowed: bool
    reasons_to_store: list[dict]
    message: str
    contacted: float | None = None
    status: str = LeadStatus.NEW
    outcome_at: float | None = None
    lost_reason: str = ""
    deal_at: float | None = None


@dataclass
class Views:
    buyer: np.ndarray
    listing: np.ndarray
    at: np.ndarray


def dealers_draw(rng: np.random.Generator, *, count: int) -> tuple[list[str], np.ndarray]:
    """Each dealer's province and median response time in hours."""
    provinces = list(PROVINCE_WEIGHTS)
    weights = np.array(list(PROVINCE_WEIGHTS.values()), dtype=float)
    drawn = rng.choice(len(provinces), size=count, p=weights / weights.sum())
    response = np.exp(rng.normal(math.log(DEALER_RESPONSE_MEDIAN_HOURS), DEALER_RESPONSE_SIGMA, count))
    return [provinces[index] for index in drawn], response


def buyers_draw(rng: np.random.Generator, *, count: int, countries: list[str], start: float, end: float) -> Buyers:
    weights = np.array([BUYER_COUNTRY_WEIGHTS.get(country, 1) for country in countries], dtype=float)
    country = [countries[index] for index in rng.choice(len(countries), size=count, p=weights / weights.sum())]
    active_from = rng.uniform(start, max(start, end - 30 * DAY), count)
    active_to = np.minimum(active_from + rng.uniform(*ACTIVE_DAYS, count) * DAY, end)
    drifts = rng.random(count) < TASTE_DRIFT_PROBABILITY
    drift_at = np.where(drifts, (active_from + active_to) / 2, np.inf)
    bodies = np.array(
        [[rng.choice(len(BODY_TYPES), TASTE_BODY_TYPES, replace=False) for _ in (0, 1)] for _ in range(count)]
    )
    makes = np.array([[rng.choice(len(MAKES), TASTE_MAKES, replace=False) for _ in (0, 1)] for _ in range(count)])
    centre = np.exp(rng.normal(math.log(PRICE_BAND_MEDIAN_CAD), PRICE_BAND_SIGMA, (count, 2)))
    band = np.stack([centre / PRICE_BAND_WIDTH, centre * PRICE_BAND_WIDTH], axis=-1)
    joined = active_from - rng.uniform(0, 60, count) * DAY
    return Buyers(country, joined, active_from, active_to, drift_at, bodies, makes, band)


def listings_draw(
    rng: np.random.Generator,
    py_rng: random.Random,
    *,
    count: int,
    dealer_provinces: list[str],
    start: float,
    end: float,
) -> Listings:
    published = np.sort(rng.uniform(start, end, count))
    dealer = rng.integers(0, len(dealer_provinces), count)
    noise = rng.normal(0, PRICE_NOISE_SIGMA, count)
    shelf = rng.uniform(*SHELF_LIFE_DAYS, count) * DAY
    specs, values = [], np.empty(count)
    for index in range(count):
        listed = moment(published[index])
        spec = vehicle_spec(
            rng=py_rng, serial=index, provinces=(dealer_provinces[dealer[index]],), this_year=listed.year
        )
        values[index] = market_value(
            new_price=NEW_PRICES[spec["make"], spec["model"]],
            age=listed.year - spec["year"],
            mileage_km=spec["mileage_km"],
            condition=spec["condition"],
            province=spec["province"],
            years_since_start=(published[index] - start) / (365.25 * DAY),
        )
        specs.append(spec)
    price = np.maximum(MIN_PRICE_CAD, np.round(values * np.exp(noise), -2))
    body = np.array([BODY_TYPES.index(spec["body_type"]) for spec in specs], dtype=int)
    make = np.array([MAKES.index(spec["make"]) for spec in specs], dtype=int)
    return Listings(specs, dealer, published, published + shelf, values, price, body, make)


def views_draw(rng: np.random.Generator, *, buyers: Buyers, listings: Listings, chunk: int = 50_000) -> Views:
    """(d): each buyer's views, each the best of VIEW_CANDIDATES listings up at that moment on the shelf it browses
    (a search of its taste then, or the whole market) for its taste then."""
    counts = rng.poisson(VIEWS_PER_BUYER, len(buyers.country))
    buyer = np.repeat(np.arange(len(counts)), counts)
    at = buyers.active_from[buyer] + rng.random(len(buyer)) * (buyers.active_to - buyers.active_from)[buyer]
    members, shelf_keys = _shelves(listings)
    chosen = np.full(len(buyer), -1)
    oldest_up = SHELF_LIFE_DAYS[1] * DAY
    for first in range(0, len(buyer), chunk):
        part = slice(first, first + chunk)
        who, when = buyer[part], at[part]
        taste = (when >= buyers.drift_at[who]).astype(int)
        shelf = _shelf_browsed(rng, buyers=buyers, who=who, taste=taste)
        low = np.searchsorted(shelf_keys, shelf * _SHELF_SPAN + when - oldest_up)
        high = np.searchsorted(shelf_keys, shelf * _SHELF_SPAN + when, side="right")
        position = low[:, None] + (rng.random((len(who), VIEW_CANDIDATES)) * (high - low)[:, None]).astype(int)
        drawn = members[np.minimum(position, len(members) - 1)]
        up = (
            (high > low)[:, None]
            & (listings.published[drawn] <= when[:, None])
            & (listings.expires[drawn] > when[:, None])
        )
        body_match = (listings.body[drawn][:, :, None] == buyers.bodies[who, taste][:, None, :]).any(-1)
        make_match = (listings.make[drawn][:, :, None] == buyers.makes[who, taste][:, None, :]).any(-1)
        band = buyers.band[who, taste]
        in_band = (listings.price[drawn] >= band[:, :1]) & (listings.price[drawn] <= band[:, 1:])
        utility = view_utility(
            body_match=body_match, make_match=make_match, in_band=in_band,
            price_vs_market=listings.price_vs_market[drawn],
        ) + rng.gumbel(size=drawn.shape)  # fmt: skip
        utility[~up] = -np.inf
        best = utility.argmax(axis=1)
        rows = np.arange(len(who))
        chosen[part] = np.where(up[rows, best], drawn[rows, best], -1)
    kept = chosen >= 0
    order = np.argsort(at[kept], kind="stable")
    return Views(buyer[kept][order], chosen[kept][order], at[kept][order])


# A shelf's listings are found by one sorted search over (shelf x _SHELF_SPAN + publication second).
_SHELF_SPAN = 1e10


def _shelves(listings: Listings) -> tuple[np.ndarray, np.ndarray]:
    """What a buyer can browse: shelf m (m < len(MAKES)) is make m's listings, shelf len(MAKES) + b body type b's,
    the last one the whole market. The listings of every shelf one after the other, each shelf in order of
    publication, and each one's sort key."""
    count = len(listings.published)
    belongs = [listings.make == make for make in range(len(MAKES))]
    belongs += [listings.body == body for body in range(len(BODY_TYPES))]
    belongs.append(np.ones(count, dtype=bool))
    members = np.concatenate([np.flatnonzero(on_shelf) for on_shelf in belongs])
    shelf = np.repeat(np.arange(len(belongs)), [int(on_shelf.sum()) for on_shelf in belongs])
    return members, shelf * _SHELF_SPAN + listings.published[members]


def _shelf_browsed(rng: np.random.Generator, *, buyers: Buyers, who: np.ndarray, taste: np.ndarray) -> np.ndarray:
    """With VIEW_SEARCH_PROBABILITY a search: one of the taste's makes or body types (even odds), else the market."""
    count = len(who)
    make = buyers.makes[who, taste, rng.integers(TASTE_MAKES, size=count)]
    body = len(MAKES) + buyers.bodies[who, taste, rng.integers(TASTE_BODY_TYPES, size=count)]
    searched = np.where(rng.random(count) < 0.5, make, body)
    return np.where(rng.random(count) < VIEW_SEARCH_PROBABILITY, searched, len(MAKES) + len(BODY_TYPES))


def taste_matches(*, buyers: Buyers, listings: Listings, buyer: np.ndarray, listing: np.ndarray, at: np.ndarray):
    taste = (at >= buyers.drift_at[buyer]).astype(int)
    body = (listings.body[listing][:, None] == buyers.bodies[buyer, taste]).any(-1)
    make = (listings.make[listing][:, None] == buyers.makes[buyer, taste]).any(-1)
    band = buyers.band[buyer, taste]
    price = listings.price[listing]
    return body.astype(int) + make.astype(int) + ((price >= band[:, 0]) & (price <= band[:, 1])).astype(int)


def leads_draw(
    rng: np.random.Generator, *, views: Views, buyers: Buyers, listings: Listings, brokers: int, rules: dict, end: float
) -> list[Lead]:
    """(d): which views become leads by `end`, with their source, broker and destination check (`rules`: the
    DestinationRule of each buyer country)."""
    matches = taste_matches(buyers=buyers, listings=listings, buyer=views.buyer, listing=views.listing, at=views.at)
    probability = inquiry_probability(matches=matches, price_vs_market=listings.price_vs_market[views.listing])
    inquires = rng.random(len(views.at)) < probability
    delay = rng.uniform(*LEAD_DELAY_MINUTES, len(views.at)) * 60
    sources = list(LEAD_SOURCE_WEIGHTS)
    source_weights = np.array(list(LEAD_SOURCE_WEIGHTS.values()), dtype=float)
    leads, seen = [], set()
    for index in np.flatnonzero(inquires):
        buyer, listing, created = int(views.buyer[index]), int(views.listing[index]), views.at[index] + delay[index]
        if (buyer, listing) in seen or created >= min(listings.expires[listing], end):
            continue
        seen.add((buyer, listing))
        source = sources[rng.choice(len(sources), p=source_weights / source_weights.sum())]
        assigned = source == LeadSource.BROKER or rng.random() < BROKER_ASSIGNED_PROBABILITY
        country = buyers.country[buyer]
        check = destination_check(
            vehicle=SimpleNamespace(year=listings.specs[listing]["year"]),
            country=country,
            rule=rules[country],
            today=moment(created).date(),
        )
        message = INQUIRY_MESSAGES[rng.integers(len(INQUIRY_MESSAGES))].format(destination=rules[country].name)
        leads.append(
            Lead(
                buyer, listing, created, source, int(rng.integers(brokers)) if assigned else None,
                check.allowed, check.reasons_to_store, message,
            )
        )  # fmt: skip
    leads.sort(key=lambda lead: lead.created)
    return leads


def leads_decide(
    rng: np.random.Generator, *, leads: list[Lead], listings: Listings, dealer_response: np.ndarray, end: float
) -> list[Lead]:
    """(a): answer, conversion or loss of each lead, in time order; the first converting lead takes the car.
    Returns the leads that exist (a lead after its car was taken is never made)."""
    opened_by_buyer: dict[int, list[float]] = {}
    made = []
    for lead in leads:
        listing = lead.listing
        if listings.closed_at[listing] <= lead.created:
            continue
        made.append(lead)
        silent = rng.random() < DEALER_SILENCE_PROBABILITY
        hours = float(dealer_response[listings.dealer[listing]] * math.exp(rng.normal(0, RESPONSE_SIGMA)))
        if not silent:
            lead.contacted = lead.created + hours * 3600
        age = moment(lead.created).year - listings.specs[listing]["year"]
        past = sum(1 for opened in opened_by_buyer.get(lead.buyer, []) if opened < lead.created)
        logit = conversion_logit(
            price_vs_market=float(listings.price_vs_market[listing]), past_deals=past, response_hours=hours,
            age=age, source=lead.source, has_broker=lead.broker is not None,
        )  # fmt: skip
        converts = rng.random() < sigmoid(logit) and lead.allowed and not silent
        if converts and np.isinf(listings.closed_at[listing]):
            lead.deal_at = lead.contacted + rng.uniform(*DEAL_AFTER_DAYS) * DAY
            listings.closed_at[listing] = lead.deal_at
            opened_by_buyer.setdefault(lead.buyer, []).append(lead.deal_at)
            lead.outcome_at = lead.deal_at
            lead.status = LeadStatus.CONVERTED
        else:
            lead.outcome_at = lead.created + rng.uniform(*LOST_AFTER_DAYS) * DAY
            lead.status = LeadStatus.LOST
            lead.lost_reason = (
                LOST_TO_ANOTHER_BUYER if converts else
                LOST_TO_DESTINATION if not lead.allowed else
                LOST_REASONS[rng.integers(len(LOST_REASONS))]
            )  # fmt: skip
        if lead.contacted is not None and lead.contacted > end:
            lead.contacted = None
        if lead.outcome_at > end:  # still open: negotiating once answered when it is to convert
            answered = lead.contacted is not None
            converting = lead.status == LeadStatus.CONVERTED
            lead.status = (
                LeadStatus.NEW if not answered else LeadStatus.NEGOTIATING if converting else LeadStatus.CONTACTED
            )
            lead.lost_reason = ""
    return made


def market_window(*, years: int, end: datetime) -> tuple[float, float]:
    return (end - timedelta(days=round(365.25 * years))).timestamp(), end.timestamp()

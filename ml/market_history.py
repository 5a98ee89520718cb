"""The generated market's HIDDEN PROCESS: what drives conversion, price, fraud and taste in the history that
`generate_market_history` writes, so that the learned models can be trained before the platform has a history,
and tested on whether they recover it. Every parameter is a constant of this module, and each outcome's formula
a function of it; the draws are in ml.market_leads and ml.market_deals, the rows in ml.market_rows.

One seed draws dealers, buyers and brokers, and `listings` listings over `years` years ending at `end`; times
are uniform unless stated. Population: one dealer per LISTINGS_PER_DEALER listings, in a province drawn with
PROVINCE_WEIGHTS; one buyer per LISTINGS_PER_BUYER listings, in a destination whose import rule names ports
(leads.DestinationRule), drawn with BUYER_COUNTRY_WEIGHTS; one broker per LISTINGS_PER_BROKER listings.

(b) Price. A listing is a vehicles.demo.vehicle_spec (a vehicles.catalogue make and model, its body and fuel,
an age, mileage and condition that go together, a city of its dealer's province), published at a uniform
moment. Its market value (`market_value`), age being the year listed minus the model year:

    new price x DEPRECIATION_PER_YEAR ** age x DEPRECIATION_PER_10000_KM ** (mileage / 10,000)
    x CONDITION_FACTOR[condition] x PROVINCE_FACTOR[province] x MARKET_TREND_PER_YEAR ** (years since the start)

The asking price is value x exp(noise), noise ~ Normal(0, PRICE_NOISE_SIGMA), rounded to CAD 100 and at least
MIN_PRICE_CAD. price vs market = asking price / value: the dealer's markup, which no feature explains and which
drives (a) and (d). A listing stays up SHELF_LIFE_DAYS (uniform) unless a deal takes it; then it is archived.

(d) Buyer preferences. Each buyer has a taste: TASTE_BODY_TYPES body types and TASTE_MAKES makes (uniform among
the catalogue's) and a price band [centre / PRICE_BAND_WIDTH, centre x PRICE_BAND_WIDTH], centre ~
LogNormal(ln PRICE_BAND_MEDIAN_CAD, PRICE_BAND_SIGMA). It is active ACTIVE_DAYS from a uniform start and makes
Poisson(VIEWS_PER_BUYER) views at uniform moments of them. With TASTE_DRIFT_PROBABILITY its taste changes
half-way to a second one drawn alike, so recent views predict the next ones better than old ones (recency).
A view browses a shelf: with VIEW_SEARCH_PROBABILITY a search for one of the taste's makes or body types (even
odds; then a make or body type of it uniformly), else the whole market. It takes, of VIEW_CANDIDATES listings
drawn among those up at that moment on that shelf, the one of highest `view_utility` + Gumbel noise (a logit
choice):

    VIEW_BODY_WEIGHT [body in taste] + VIEW_MAKE_WEIGHT [make in taste] + VIEW_PRICE_BAND_WEIGHT [price in band]
    + VIEW_PRICE_VS_MARKET x ln(price vs market)

and becomes an inquiry LEAD_DELAY_MINUTES later (a lead; one per buyer and listing) with `inquiry_probability`
sigmoid(INQUIRY_INTERCEPT + INQUIRY_PER_TASTE_MATCH x criteria of the taste met (0-3) + INQUIRY_PRICE_VS_MARKET
x ln(price vs market)). Its source is drawn with LEAD_SOURCE_WEIGHTS; a broker submits the broker ones and is
assigned to the others with BROKER_ASSIGNED_PROBABILITY. Views of a car after a deal took it are not made.

(a) Lead conversion. Each dealer answers after LogNormal(ln DEALER_RESPONSE_MEDIAN_HOURS, DEALER_RESPONSE_SIGMA)
hours at its median, x LogNormal(0, RESPONSE_SIGMA) per lead, and never answers a lead with
DEALER_SILENCE_PROBABILITY (no contact logged: that lead is lost). A lead whose destination refuses the car on
the day (leads.eligibility.destination_check: steering, age cap) never converts. Any other lead converts with
probability sigmoid(`conversion_logit`):

    CONVERSION_INTERCEPT + CONVERSION_PRICE_VS_MARKET x ln(price vs market)
    + CONVERSION_PER_PAST_DEAL x min(deals the buyer opened before the lead, CONVERSION_PAST_DEALS_CAP)
    + CONVERSION_PER_LOG_RESPONSE_HOUR x ln(1 + response hours) + CONVERSION_PER_YEAR_OF_AGE x age
    + CONVERSION_SOURCE[source] + CONVERSION_BROKER_ASSIGNED [a broker works the lead]

Leads are taken in time order and the first to convert takes the car: its deal opens DEAL_AFTER_DAYS after the
answer; a later lead that would convert is lost ("sold to another buyer"). A lead that does not convert is lost
LOST_AFTER_DAYS after it came in. A lead whose outcome falls after `end` is still open: new, contacted, or
negotiating when it is to convert.

Deals. At the listing's price less DEAL_DISCOUNT (uniform), to the first port of the buyer's country, CIF with
CIF_PROBABILITY; pending documents, then pending payment, after DEAL_STAGE_DAYS each; withdrawn by the buyer
with DEAL_CANCEL_PROBABILITY before payment (cancelled, car archived). The buyer pays in full
LogNormal(ln PAYMENT_DELAY_MEDIAN_MINUTES, PAYMENT_DELAY_SIGMA) minutes after the deal became payable, by a
method drawn with PAYMENT_METHOD_WEIGHTS; once paid (the car sold) the deal goes in transit, delivered and
completed after DEAL_STAGE_DAYS each. Nothing after `end` has happened.

(c) Payment fraud. Before the payment, Poisson(FAILED_ATTEMPTS_MEAN) declined attempts minutes earlier from
the same address. The billing country differs from the buyer's with COUNTRY_MISMATCH_PROBABILITY. The device is
new with NEW_DEVICE_PROBABILITY: its IP address (`Payment.ip_address`) is none of those of the buyer's payments
made more than NEW_DEVICE_LOOKBACK before (a buyer without such payments pays from its usual address). The
payment is a fraud with probability sigmoid(`fraud_logit`):

    FRAUD_INTERCEPT + FRAUD_PER_LOG_AMOUNT x ln(amount in CAD / 10,000)
    + FRAUD_PER_LOG_MINUTE x ln(1 + minutes since the deal became payable)
    + FRAUD_PER_FAILED_ATTEMPT x declined attempts + FRAUD_COUNTRY_MISMATCH [billing country differs]
    + FRAUD_NEW_DEVICE [new device]

The platform's rule (payments.fraud's points and thresholds: new account, over CAD 10,000, country mismatch,
paid within 2 minutes, 3+ failures in 24 hours) scores every payment as it would have (`fraud_risk_score`,
`fraud_reasons`, where the country mismatch is recorded) and decides: blocked (failed, the deal cancelled),
held for staff, who decide REVIEW_AFTER_HOURS later (a fraud rejected and the deal cancelled, the rest
approved), or let through; a fraud let through is disputed DISPUTE_AFTER_DAYS later. A model learns from the
labelled outcomes, disputes and staff rejections; the truth stays on the draw (ml.market_deals.PaymentDraw).
"""

import math
from datetime import timedelta

import numpy as np

from deals.models import DealStatus
from leads.models import LeadSource
from payments.models import PaymentMethod
from vehicles.catalogue import CATALOGUE
from vehicles.models import Condition

DAY = 86_400.0

# Population.
LISTINGS_PER_DEALER = 500
LISTINGS_PER_BUYER = 10
LISTINGS_PER_BROKER = 2_000
PROVINCE_WEIGHTS = {"ON": 30, "QC": 22, "BC": 12, "AB": 12, "NS": 6, "NB": 4, "MB": 7, "SK": 7}
BUYER_COUNTRY_WEIGHTS = {
    "NG": 20, "GH": 12, "CI": 12, "SN": 8, "CM": 8, "BJ": 6, "CD": 6, "TG": 5, "GN": 4, "ML": 4, "BF": 3,
    "CG": 3, "GA": 3, "KE": 2, "TZ": 2, "UG": 2,
}  # fmt: skip

# (b) Price.
DEPRECIATION_PER_YEAR = 0.88
DEPRECIATION_PER_10000_KM = 0.97
CONDITION_FACTOR = {
    Condition.NEW: 1.0, Condition.USED_EXCELLENT: 1.0, Condition.USED_GOOD: 0.92, Condition.USED_FAIR: 0.82,
    Condition.SALVAGE: 0.45,
}  # fmt: skip
PROVINCE_FACTOR = {"ON": 1.02, "QC": 1.0, "BC": 1.05, "AB": 1.03, "NS": 0.97, "NB": 0.96, "MB": 0.98, "SK": 0.98}
MARKET_TREND_PER_YEAR = 1.03
PRICE_NOISE_SIGMA = 0.10
MIN_PRICE_CAD = 1_500
SHELF_LIFE_DAYS = (45, 180)

# (d) Buyer preferences, views and inquiries.
TASTE_BODY_TYPES = 2
TASTE_MAKES = 2
PRICE_BAND_MEDIAN_CAD = 20_000
PRICE_BAND_SIGMA = 0.6
PRICE_BAND_WIDTH = 1.4
ACTIVE_DAYS = (60, 365)
VIEWS_PER_BUYER = 60
TASTE_DRIFT_PROBABILITY = 0.3
VIEW_CANDIDATES = 32
VIEW_SEARCH_PROBABILITY = 0.7
VIEW_BODY_WEIGHT = 1.5
VIEW_MAKE_WEIGHT = 1.0
VIEW_PRICE_BAND_WEIGHT = 1.2
VIEW_PRICE_VS_MARKET = -3.0
INQUIRY_INTERCEPT = -3.2
INQUIRY_PER_TASTE_MATCH = 0.6
INQUIRY_PRICE_VS_MARKET = -4.0
LEAD_DELAY_MINUTES = (1, 120)
LEAD_SOURCE_WEIGHTS = {
    LeadSource.WEBSITE: 45, LeadSource.WHATSAPP: 25, LeadSource.DIRECT: 12, LeadSource.REFERRAL: 8,
    LeadSource.BROKER: 10,
}  # fmt: skip
BROKER_ASSIGNED_PROBABILITY = 0.15

# (a) Lead conversion.
DEALER_SILENCE_PROBABILITY = 0.10
DEALER_RESPONSE_MEDIAN_HOURS = 6.0
DEALER_RESPONSE_SIGMA = 0.8
RESPONSE_SIGMA = 0.7
CONVERSION_INTERCEPT = -0.8
CONVERSION_PRICE_VS_MARKET = -6.0
CONVERSION_PER_PAST_DEAL = 0.5
CONVERSION_PAST_DEALS_CAP = 3
CONVERSION_PER_LOG_RESPONSE_HOUR = -0.35
CONVERSION_PER_YEAR_OF_AGE = -0.06
CONVERSION_SOURCE = {
    LeadSource.REFERRAL: 0.5, LeadSource.BROKER: 0.3, LeadSource.DIRECT: 0.2, LeadSource.WEBSITE: 0.0,
    LeadSource.WHATSAPP: -0.3,
}  # fmt: skip
CONVERSION_BROKER_ASSIGNED = 0.4
DEAL_AFTER_DAYS = (2, 14)
LOST_AFTER_DAYS = (10, 30)

# Deals.
DEAL_DISCOUNT = (0.0, 0.05)
CIF_PROBABILITY = 0.7
DEAL_STAGE_DAYS = {
    DealStatus.PENDING_DOCUMENTS: (1, 4), DealStatus.PENDING_PAYMENT: (3, 12), DealStatus.IN_TRANSIT: (5, 15),
    DealStatus.DELIVERED: (25, 45), DealStatus.COMPLETED: (2, 10),
}  # fmt: skip
DEAL_CANCEL_PROBABILITY = 0.08
PAYMENT_DELAY_MEDIAN_MINUTES = 240
PAYMENT_DELAY_SIGMA = 2.0
PAYMENT_METHOD_WEIGHTS = {
    PaymentMethod.CARD: 50, PaymentMethod.MTN_MOMO: 20, PaymentMethod.ORANGE_MONEY: 15, PaymentMethod.MPESA: 8,
    PaymentMethod.AIRTEL_MONEY: 7,
}  # fmt: skip

# (c) Payment fraud.
FAILED_ATTEMPTS_MEAN = 0.3
COUNTRY_MISMATCH_PROBABILITY = 0.08
NEW_DEVICE_PROBABILITY = 0.15
NEW_DEVICE_LOOKBACK = timedelta(hours=24)
FRAUD_INTERCEPT = -2.5
FRAUD_PER_LOG_AMOUNT = 0.9
FRAUD_PER_LOG_MINUTE = -0.45
FRAUD_PER_FAILED_ATTEMPT = 0.8
FRAUD_COUNTRY_MISMATCH = 2.0
FRAUD_NEW_DEVICE = 1.6
REVIEW_AFTER_HOURS = (1, 24)
DISPUTE_AFTER_DAYS = (10, 60)

NEW_PRICES = {(make, model): new_price for make, models in CATALOGUE.items() for model, *_, new_price in models}
BODY_TYPES = sorted({body for models in CATALOGUE.values() for _, body, *_ in models})
MAKES = sorted(CATALOGUE)


def market_value(
    *, new_price: float, age: int, mileage_km: int, condition: str, province: str, years_since_start: float
) -> float:
    """(b): what the car is worth in CAD, before the dealer's markup."""
    return (
        new_price
        * DEPRECIATION_PER_YEAR**age
        * DEPRECIATION_PER_10000_KM ** (mileage_km / 10_000)
        * CONDITION_FACTOR[condition]
        * PROVINCE_FACTOR[province]
        * MARKET_TREND_PER_YEAR**years_since_start
    )


def sigmoid(logit):
    return 1 / (1 + np.exp(-logit))


def view_utility(*, body_match, make_match, in_band, price_vs_market):
    """(d), without the Gumbel noise."""
    return (
        VIEW_BODY_WEIGHT * body_match
        + VIEW_MAKE_WEIGHT * make_match
        + VIEW_PRICE_BAND_WEIGHT * in_band
        + VIEW_PRICE_VS_MARKET * np.log(price_vs_market)
    )


def inquiry_probability(*, matches, price_vs_market):
    return sigmoid(
        INQUIRY_INTERCEPT + INQUIRY_PER_TASTE_MATCH * matches + INQUIRY_PRICE_VS_MARKET * np.log(price_vs_market)
    )


def conversion_logit(
    *, price_vs_market: float, past_deals: int, response_hours: float, age: int, source: str, has_broker: bool
) -> float:
    """(a), for a lead the dealer answered and whose destination admits the car."""
    return (
        CONVERSION_INTERCEPT
        + CONVERSION_PRICE_VS_MARKET * math.log(price_vs_market)
        + CONVERSION_PER_PAST_DEAL * min(past_deals, CONVERSION_PAST_DEALS_CAP)
        + CONVERSION_PER_LOG_RESPONSE_HOUR * math.log1p(response_hours)
        + CONVERSION_PER_YEAR_OF_AGE * age
        + CONVERSION_SOURCE[source]
        + (CONVERSION_BROKER_ASSIGNED if has_broker else 0.0)
    )


def fraud_logit(*, amount_cad: float, minutes: float, failed_attempts: int, country_mismatch: bool, new_device: bool):
    return (
        FRAUD_INTERCEPT
        + FRAUD_PER_LOG_AMOUNT * math.log(amount_cad / 10_000)
        + FRAUD_PER_LOG_MINUTE * math.log1p(minutes)
        + FRAUD_PER_FAILED_ATTEMPT * failed_attempts
        + (FRAUD_COUNTRY_MISMATCH if country_mismatch else 0.0)
        + (FRAUD_NEW_DEVICE if new_device else 0.0)
    )

"""Drawing the export side of the generated market, as ml.market_history states it: each converted lead's deal
and its timeline, and its payment: declined attempts, device, fraud, the platform's rule, review and dispute."""

import ipaddress
import math
from dataclasses import dataclass, field

import numpy as np

from deals.fraud import NEW_ACCOUNT_AGE
from deals.models import DealStatus, Incoterm
from ml.market_history import (
    CIF_PROBABILITY,
    COUNTRY_MISMATCH_PROBABILITY,
    DAY,
    DEAL_CANCEL_PROBABILITY,
    DEAL_DISCOUNT,
    DEAL_STAGE_DAYS,
    DISPUTE_AFTER_DAYS,
    FAILED_ATTEMPTS_MEAN,
    NEW_DEVICE_LOOKBACK,
    NEW_DEVICE_PROBABILITY,
    PAYMENT_DELAY_MEDIAN_MINUTES,
    PAYMENT_DELAY_SIGMA,
    PAYMENT_METHOD_WEIGHTS,
    REVIEW_AFTER_HOURS,
    fraud_logit,
    sigmoid,
)
from ml.market_leads import Buyers, Lead, Listings
from payments.fraud import (
    BLOCKED_FAILURE_CODE,
    DECISION_BLOCK,
    DECISION_REVIEW,
    PAYMENT_HIGH_VALUE_CAD,
    POINTS_COUNTRY_MISMATCH,
    POINTS_HIGH_VALUE,
    POINTS_NEW_ACCOUNT,
    POINTS_RAPID_CHECKOUT,
    POINTS_RECENT_FAILURES,
    RAPID_CHECKOUT_WITHIN,
    RECENT_FAILURES_COUNT,
    RECENT_FAILURES_WINDOW,
    PaymentRisk,
    RiskReason,
)
from payments.models import PaymentStatus, ReviewDecision

AFTER_PAID = (DealStatus.IN_TRANSIT, DealStatus.DELIVERED, DealStatus.COMPLETED)
CARD_PROVIDER = "stripe"
CANCELLED_BY_BUYER = "The buyer withdrew."
CANCELLED_FOR_PAYMENT = "The payment was refused."
DECLINED = "card_declined"
REJECTED = "review_rejected"
USUAL_ADDRESSES = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT, as on the buyers' mobile networks
NEW_DEVICE_ADDRESSES = ipaddress.ip_network("10.0.0.0/8")


@dataclass
class PaymentDraw:
    at: float
    method: str
    failed_at: list[float]
    minutes: float
    country_mismatch: bool
    new_device: bool = False
    ip_address: str = ""
    fraud: bool = False
    risk: PaymentRisk | None = None
    status: str = PaymentStatus.SUCCEEDED
    status_changed: float = 0.0
    failure_code: str = ""
    review_decision: str = ""
    reviewed_at: float | None = None


@dataclass
class DealDraw:
    lead: Lead
    agreed_price: float
    port: str
    incoterm: str
    moves: list[tuple[str, float]]  # (status, when), from draft; those after `end` are dropped at the end
    cancellation_reason: str = ""
    payment: PaymentDraw | None = None
    later_days: list[float] = field(default_factory=list)  # the stages after paid, in days

    @property
    def status(self) -> str:
        return self.moves[-1][0]

    def moved_at(self, status: str) -> float | None:
        return next((when for moved, when in self.moves if moved == status), None)


def deals_draw(
    rng: np.random.Generator, *, leads: list[Lead], listings: Listings, buyers: Buyers, rules: dict, end: float
) -> list[DealDraw]:
    deals = []
    for lead in leads:
        if lead.deal_at is None or lead.deal_at > end:
            continue
        price = float(listings.price[lead.listing]) * (1 - rng.uniform(*DEAL_DISCOUNT))
        documents = lead.deal_at + rng.uniform(*DEAL_STAGE_DAYS[DealStatus.PENDING_DOCUMENTS]) * DAY
        payable = documents + rng.uniform(*DEAL_STAGE_DAYS[DealStatus.PENDING_PAYMENT]) * DAY
        deal = DealDraw(
            lead=lead,
            agreed_price=round(price, 2),
            port=rules[buyers.country[lead.buyer]].ports[0],
            incoterm=Incoterm.CIF if rng.random() < CIF_PROBABILITY else Incoterm.FOB,
            moves=[(DealStatus.DRAFT, lead.deal_at), (DealStatus.PENDING_DOCUMENTS, documents)],
            later_days=[rng.uniform(*DEAL_STAGE_DAYS[stage]) for stage in AFTER_PAID],
        )
        if rng.random() < DEAL_CANCEL_PROBABILITY:
            deal.moves.append((DealStatus.CANCELLED, rng.uniform(documents, payable)))
            deal.cancellation_reason = CANCELLED_BY_BUYER
        else:
            deal.moves.append((DealStatus.PENDING_PAYMENT, payable))
            minutes = math.exp(rng.normal(math.log(PAYMENT_DELAY_MEDIAN_MINUTES), PAYMENT_DELAY_SIGMA))
            methods = list(PAYMENT_METHOD_WEIGHTS)
            weights = np.array(list(PAYMENT_METHOD_WEIGHTS.values()), dtype=float)
            at = payable + minutes * 60
            deal.payment = PaymentDraw(
                at=at,
                method=methods[rng.choice(len(methods), p=weights / weights.sum())],
                failed_at=sorted(at - rng.uniform(1, 10, rng.poisson(FAILED_ATTEMPTS_MEAN)) * 60),
                minutes=minutes,
                country_mismatch=bool(rng.random() < COUNTRY_MISMATCH_PROBABILITY),
            )
        deals.append(deal)
    paid = [deal for deal in deals if deal.payment is not None and deal.payment.at <= end]
    payments_decide(rng, deals=paid, buyers=buyers, end=end)
    for deal in deals:
        deal.moves = [(status, when) for status, when in deal.moves if when <= end]
        if deal.status != DealStatus.CANCELLED:
            deal.cancellation_reason = ""
        if deal.payment is not None and deal.payment.at > end:
            deal.payment = None
    return deals


def payments_decide(rng: np.random.Generator, *, deals: list[DealDraw], buyers: Buyers, end: float) -> None:
    """(c), payment by payment in time order (a device is new against the buyer's earlier payments)."""
    made_by_buyer: dict[int, list[tuple[float, str, bool]]] = {}  # (when, address, failed)
    new_addresses = iter(NEW_DEVICE_ADDRESSES)
    next(new_addresses)
    for deal in sorted(deals, key=lambda deal: deal.payment.at):
        payment, buyer = deal.payment, deal.lead.buyer
        earlier = made_by_buyer.setdefault(buyer, [])
        usual = str(USUAL_ADDRESSES[buyer + 1])
        lookback = payment.at - NEW_DEVICE_LOOKBACK.total_seconds()
        had_payments = any(when < lookback for when, _, _ in earlier)
        payment.new_device = had_payments and bool(rng.random() < NEW_DEVICE_PROBABILITY)
        payment.ip_address = str(next(new_addresses)) if payment.new_device else usual
        payment.fraud = bool(
            rng.random()
            < sigmoid(
                fraud_logit(
                    amount_cad=deal.agreed_price, minutes=payment.minutes, failed_attempts=len(payment.failed_at),
                    country_mismatch=payment.country_mismatch, new_device=payment.new_device,
                )
            )
        )  # fmt: skip
        earlier.extend((when, payment.ip_address, True) for when in payment.failed_at)
        recent_failures = sum(
            1 for when, _, failed in earlier
            if failed and payment.at - RECENT_FAILURES_WINDOW.total_seconds() <= when < payment.at
        )  # fmt: skip
        payment.risk = _rule_risk(
            payment=payment, amount_cad=deal.agreed_price, recent_failures=recent_failures,
            account_age=payment.at - buyers.joined[buyer],
        )  # fmt: skip
        _payment_outcome(rng, deal=deal, end=end)
        earlier.append((payment.at, payment.ip_address, payment.status == PaymentStatus.FAILED))


def _rule_risk(*, payment: PaymentDraw, amount_cad: float, recent_failures: int, account_age: float) -> PaymentRisk:
    """payments.fraud's points, as `payment_risk_assess` would give them."""
    signals = [
        ("new_account", POINTS_NEW_ACCOUNT, account_age < NEW_ACCOUNT_AGE.total_seconds()),
        ("high_value", POINTS_HIGH_VALUE, amount_cad > PAYMENT_HIGH_VALUE_CAD),
        ("country_mismatch", POINTS_COUNTRY_MISMATCH, payment.country_mismatch),
        ("rapid_checkout", POINTS_RAPID_CHECKOUT, payment.minutes * 60 < RAPID_CHECKOUT_WITHIN.total_seconds()),
        ("recent_failures", POINTS_RECENT_FAILURES, recent_failures >= RECENT_FAILURES_COUNT),
    ]
    reasons = [RiskReason(code, points, f"Generated market: {code}.") for code, points, raised in signals if raised]
    return PaymentRisk(score=min(sum(reason.points for reason in reasons), 100), reasons=reasons)


def _payment_outcome(rng: np.random.Generator, *, deal: DealDraw, end: float) -> None:
    """The rule's decision, the review and the dispute as far as they happened by `end`, and the deal's moves."""
    payment = deal.payment
    decision = payment.risk.decision
    settled = payment.at
    if decision == DECISION_BLOCK:
        payment.status, payment.failure_code = PaymentStatus.FAILED, BLOCKED_FAILURE_CODE
    elif decision == DECISION_REVIEW:
        settled = payment.at + rng.uniform(*REVIEW_AFTER_HOURS) * 3600
        if settled > end:
            payment.status, payment.status_changed = PaymentStatus.HELD, payment.at
            return
        payment.reviewed_at = settled
        if payment.fraud:
            payment.status, payment.failure_code = PaymentStatus.FAILED, REJECTED
            payment.review_decision = ReviewDecision.REJECT
        else:
            payment.review_decision = ReviewDecision.APPROVE
    payment.status_changed = settled
    if payment.status == PaymentStatus.FAILED:
        deal.moves.append((DealStatus.CANCELLED, settled))
        deal.cancellation_reason = CANCELLED_FOR_PAYMENT
        return
    disputed = settled + rng.uniform(*DISPUTE_AFTER_DAYS) * DAY
    if payment.fraud and decision != DECISION_REVIEW and disputed <= end:
        payment.status, payment.status_changed = PaymentStatus.DISPUTED, disputed
    deal.moves.append((DealStatus.PAID, settled))
    for status, days in zip(AFTER_PAID, deal.later_days, strict=True):
        settled += days * DAY
        deal.moves.append((status, settled))

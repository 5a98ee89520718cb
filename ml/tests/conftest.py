import random
from datetime import UTC, datetime

import numpy as np
import pytest

from deals.models import DealStatus
from leads.destination_rules import destination_rule_rows
from leads.models import DestinationRule
from ml import market_leads as draw
from ml.market_rows import market_draw
from ml.payment_anomaly.features import LABEL_WAIT, PaymentRows, payment_features
from ml.payment_anomaly.training import payment_model_train
from ml.price_guidance.features import ListingRows
from ml.price_guidance.training import price_model_train
from payments.models import PaymentStatus, ReviewDecision


def generated_listing_rows(*, listings: int, years: int, seed: int, end: datetime) -> ListingRows:
    """Listings drawn by the market generator's own functions (ml.market_leads), in memory: the prices carry
    the hidden process of ml.market_history."""
    rng, py_rng = np.random.default_rng(seed), random.Random(seed)
    start, end_at = draw.market_window(years=years, end=end)
    provinces, _ = draw.dealers_draw(rng, count=max(3, listings // 500))
    drawn = draw.listings_draw(rng, py_rng, count=listings, dealer_provinces=provinces, start=start, end=end_at)
    return ListingRows.from_listings(
        {**spec, "price_cad": price, "listed_at": draw.moment(published)}
        for spec, price, published in zip(drawn.specs, drawn.price, drawn.published, strict=True)
    )


@pytest.fixture(scope="session")
def generated_listings() -> ListingRows:
    """3,000 listings over 2 years ending 2026-06-01: 600 held out, 360 calibrating the range."""
    return generated_listing_rows(listings=3_000, years=2, seed=16, end=datetime(2026, 6, 1, tzinfo=UTC))


@pytest.fixture(scope="session")
def price_training(generated_listings):
    """The price model trained on them (half a second), with its scores and the rule's: in memory, shared."""
    return price_model_train(rows=generated_listings)


def generated_payment_rows(*, listings: int, years: int, seed: int, end: datetime) -> PaymentRows:
    """The labelled payments of a market drawn by the generator's own functions (ml.market_rows.market_draw), in
    memory, with the features ml.payment_anomaly.features computes from the rows it would write."""
    rules = {row["country"]: DestinationRule(**row) for row in destination_rule_rows() if row["ports"]}
    market = market_draw(listings=listings, years=years, seed=seed, end=end, rules=rules)
    paid = sorted((deal for deal in market.deals if deal.payment is not None), key=lambda deal: deal.payment.at)
    newest = paid[-1].payment.at
    histories, rows = {}, []
    for deal in paid:
        payment, made_at = deal.payment, draw.moment(deal.payment.at)
        history = histories.setdefault(deal.lead.buyer, [])
        history.extend((draw.moment(at), PaymentStatus.FAILED, payment.ip_address) for at in payment.failed_at)
        fraud = payment.status == PaymentStatus.DISPUTED or payment.review_decision == ReviewDecision.REJECT
        if fraud or (payment.status == PaymentStatus.SUCCEEDED and payment.at <= newest - LABEL_WAIT.total_seconds()):
            features = payment_features(
                amount_cad=deal.agreed_price, payable_since=draw.moment(deal.moved_at(DealStatus.PENDING_PAYMENT)),
                made_at=made_at, reason_codes={reason.code for reason in payment.risk.reasons},
                ip_address=payment.ip_address, history=history,
            )  # fmt: skip
            rows.append({**features, "made_at": made_at, "rule_score": payment.risk.score, "fraud": fraud})
        history.append((made_at, payment.status, payment.ip_address))
    return PaymentRows.from_payments(rows)


@pytest.fixture(scope="session")
def generated_payments() -> PaymentRows:
    """About 3,500 labelled payments (some 200 frauds) of 40,000 listings over 2 years ending 2026-06-01 (5 s)."""
    return generated_payment_rows(listings=40_000, years=2, seed=16, end=datetime(2026, 6, 1, tzinfo=UTC))


@pytest.fixture(scope="session")
def payment_training(generated_payments):
    """The payment anomaly model trained on them, with its scores and the rule's: in memory, shared."""
    return payment_model_train(rows=generated_payments)

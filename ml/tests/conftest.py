import random
from datetime import UTC, datetime

import numpy as np
import pytest

from ml import market_leads as draw
from ml.price_guidance.features import ListingRows
from ml.price_guidance.training import price_model_train


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

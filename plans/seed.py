"""The plans as first shipped (the data migration loads them; staff edit them in the admin from then on).
A dealer without a subscription is on Starter: should the Starter row be missing (a test run flushes
migration data), these figures stand in for it."""

from decimal import Decimal

PLANS = [
    {
        "code": "starter", "name_en": "Starter", "name_fr": "Starter",
        "price_per_month": Decimal("0"), "currency": "CAD", "stripe_price_id": "",
        "listing_limit": 10, "api_requests_per_hour": 100, "features": ["csv_import"],
    },
    {
        "code": "professional", "name_en": "Professional", "name_fr": "Professionnel",
        "price_per_month": Decimal("99.00"), "currency": "CAD", "stripe_price_id": "",
        "listing_limit": 100, "api_requests_per_hour": 1000, "features": ["csv_import", "price_guidance"],
    },
    {
        "code": "enterprise", "name_en": "Enterprise", "name_fr": "Entreprise",
        "price_per_month": Decimal("399.00"), "currency": "CAD", "stripe_price_id": "",
        "listing_limit": None, "api_requests_per_hour": 10000,
        "features": ["csv_import", "price_guidance", "reports"],
    },
]  # fmt: skip
STARTER = PLANS[0]

"""Property-based API test: every operation in the OpenAPI schema, fed generated input, answers
without a 5xx and as its schema says. Bounded examples per operation keep it fast."""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken
from schemathesis import checks

from accounts.tests.factories import BuyerFactory
from deals.models import DealEvent, DealStatus
from documents.tests.factories import DocumentFactory
from leads.tests.factories import AvailableVehicleFactory, LeadFactory
from nzila_export.wsgi import application
from payments.models import LedgerEntry, PaymentStatus
from payments.tests.factories import PayableDealFactory
from shipments.tests.factories import ShipmentEventFactory, ShipmentFactory
from vehicles.tests.factories import PriceAlertFactory, SavedSearchFactory

pytestmark = pytest.mark.runs_long

# Bounded and derandomized so that `make test` stays fast and gives the same answer every run; set
# FUZZ_EXAMPLES (and FUZZ_SEED_RANDOM=1) to explore further by hand.
EXAMPLES_PER_OPERATION = int(os.environ.get("FUZZ_EXAMPLES", "6"))
DERANDOMIZE = os.environ.get("FUZZ_SEED_RANDOM") != "1"

# No 5xx, and every answer as the schema documents it. Not positive_data_acceptance: a string that
# fits the schema is not thereby a valid token or a free username, and a 400 for it is right.
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
]


@pytest.fixture
def api_schema(transactional_db):
    """The schema, served by the WSGI app itself. The database is not wrapped in a test transaction,
    as some views (sign-in) run outside the request transaction just as in production. Like Django's
    test client, the app must not close the database connection at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/schema/", application)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


def signed_in(token) -> dict:
    """The headers of a signed-in call. Uncompressed: schemathesis's WSGI transport offers gzip but does not
    decode it, where an HTTP client would (compression has its own tests: vehicles/tests/test_catalogue_cache.py)."""
    return {"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"}


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=DERANDOMIZE,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_operation_answers_within_its_schema(case):
    user = BuyerFactory()
    token = RefreshToken.for_user(user).access_token
    case.call_and_validate(headers=signed_in(token), checks=CHECKS)


# --- As owners ------------------------------------------------------------------------------------
# A fresh buyer sees empty pages, where a field the schema misdescribes (a null where it promises an
# integer) never shows. So every read runs again as a buyer and as a dealer who own rows: a deal with a
# succeeded sandbox payment (and its ledger entry), a document and a shipment, a listed car, a lead, a
# saved search and a price alert; each detail page is asked for the owner's own row (a list page's
# generated filters may narrow it, and with two examples some do not). Reads only, few examples.
OWNER_EXAMPLES_PER_OPERATION = int(os.environ.get("FUZZ_OWNER_EXAMPLES", "2"))

# The path parameters that name a row, by the path's first segment: which of the owner's rows to ask for.
ROW_PARAMETERS = ("id", "deal_id", "vehicle_id")


@pytest.fixture
def owner_api_schema(api_schema):
    """The schema, read with generated examples only: the coverage phase's edge cases of the input
    (hundreds per operation, most of the time above) already ran as a fresh buyer."""
    api_schema.config.phases.update(phases=["examples", "fuzzing"])
    return api_schema


owner_schema = schemathesis.pytest.from_fixture("owner_api_schema")


@pytest.fixture
def owners(transactional_db, todays_rates, destination_rules) -> list[tuple[str, dict[str, int]]]:
    """(access token, {first path segment: the id of a row the owner may see}) for a buyer and a dealer."""
    deal = PayableDealFactory()
    buyer, dealer = deal.buyer, deal.dealer
    # A timeline as deals.services writes one: an opening entry, with no status before it, then a move.
    DealEvent.objects.bulk_create(
        [
            DealEvent(deal=deal, to_status=DealStatus.DRAFT, actor=dealer),
            DealEvent(deal=deal, from_status=DealStatus.DRAFT, to_status=DealStatus.PENDING_DOCUMENTS, actor=dealer),
        ]
    )
    payer = APIClient()
    payer.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(buyer).access_token}")
    paid = payer.post(
        "/api/v1/payments/",
        {"deal": deal.pk, "amount": "5000.00", "currency": "CAD", "method": "sandbox"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="owners-1",
    )
    assert (paid.status_code, paid.json()["status"]) == (201, PaymentStatus.SUCCEEDED), paid.json()
    listed = AvailableVehicleFactory(dealer=dealer)
    lead = LeadFactory(vehicle=listed, buyer=buyer)
    document = DocumentFactory(deal=deal)
    shipment = ShipmentFactory(deal=deal)
    ShipmentEventFactory(shipment=shipment)
    shared = {
        "deals": deal.pk,
        "payments": paid.json()["id"],
        "transactions": LedgerEntry.objects.get(payment_id=paid.json()["id"]).pk,
        "documents": document.pk,
        "shipments": shipment.pk,
        "leads": lead.pk,
        "vehicles": listed.pk,
    }
    buyer_rows = {
        **shared,
        "users": buyer.pk,
        "saved-searches": SavedSearchFactory(owner=buyer).pk,
        "price-alerts": PriceAlertFactory(owner=buyer, vehicle=listed).pk,
    }
    return [
        (str(RefreshToken.for_user(buyer).access_token), buyer_rows),
        (str(RefreshToken.for_user(dealer).access_token), {**shared, "users": dealer.pk}),
    ]


@owner_schema.include(method="GET").parametrize()
@settings(
    max_examples=OWNER_EXAMPLES_PER_OPERATION,
    derandomize=DERANDOMIZE,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_read_answers_within_its_schema_for_owners_of_rows(case, owners):
    segment = case.path.split("/")[3]  # /api/v1/<segment>/...
    for token, rows in owners:
        if segment in rows:
            for name in ROW_PARAMETERS:
                if name in (case.path_parameters or {}):
                    case.path_parameters[name] = rows[segment]
        case.call_and_validate(headers=signed_in(token), checks=CHECKS)

"""The lead API's `conversion`: the active model's probability and factors for those who work the lead, the
rule's figure with no active version, null for the buyer; a page of leads costs the same queries at any size."""

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from django.utils import timezone

from accounts.tests.factories import BrokerFactory, DealerFactory
from leads.models import Lead, LeadContact, LeadStatus
from leads.tests.factories import AvailableVehicleFactory, LeadFactory
from ml.cache import active_version_changed
from ml.lead_conversion.engine import lead_conversion_predict
from ml.lead_conversion.features import LeadRows, serving_rows_load
from ml.lead_conversion.model import FACTORS, LeadConversionModel
from ml.models import ModelName
from ml.services import model_version_promote_if_better, model_version_register

pytestmark = pytest.mark.django_db

LEADS = "/api/v1/leads/"


def synthetic_rows(count: int = 2_000) -> LeadRows:
    """Leads whose conversion follows the hidden process's shape: a refused destination never converts, a
    dearer car less often. Enough to fit a real model in a fraction of a second."""
    rng = np.random.default_rng(16)
    numbers = {
        "price_cad": np.exp(rng.normal(9.8, 0.5, count)), "age_years": rng.integers(0, 12, count).astype(float),
        "mileage_km": rng.uniform(0, 200_000, count), "listed_years": rng.uniform(24, 26, count),
        "buyer_deals_before": rng.poisson(0.3, count).astype(float), "buyer_leads_before": rng.poisson(2, count),
        "destination_allowed": (rng.random(count) < 0.8).astype(float), "broker_assigned": rng.random(count) < 0.2,
        "answered": (rng.random(count) < 0.9).astype(float), "answer_hours": rng.uniform(0, 24, count),
        "waited_hours": rng.uniform(0, 168, count), "hour": rng.integers(0, 24, count),
        "weekday": rng.integers(0, 7, count),
    }  # fmt: skip
    categories = {
        "source": rng.choice(["website", "whatsapp", "referral", "broker", "direct"], count),
        "destination_country": rng.choice(["NG", "CI", "GH"], count), "condition": rng.choice(["used_good"], count),
        "province": rng.choice(["ON", "QC"], count), "make_model": rng.choice(["toyota corolla", "honda civic"], count),
    }  # fmt: skip
    columns = {name: np.asarray(values, dtype=float) for name, values in numbers.items()}
    columns |= {name: values.astype(object) for name, values in categories.items()}
    logit = -1 - 0.00008 * (columns["price_cad"] - 18_000) + 0.5 * columns["buyer_deals_before"]
    converted = (rng.random(count) < 1 / (1 + np.exp(-logit))) & (columns["destination_allowed"] == 1)
    return LeadRows(columns, np.zeros(count), converted)


@pytest.fixture
def active_version():
    now = timezone.now()
    version = model_version_register(
        name=ModelName.LEAD_CONVERSION, estimator=LeadConversionModel().fit(synthetic_rows()), features=[],
        metrics={"roc_auc": 0.8}, baseline_metrics={"roc_auc": 0.7}, held_out={}, training_window=(now, now),
    )  # fmt: skip
    assert model_version_promote_if_better(candidate=version, primary_metric="roc_auc")
    return version


def test_the_dealer_sees_the_models_probability_and_factors_and_the_buyer_sees_null(client_for, active_version):
    lead = LeadFactory(conversion_probability="0.25", vehicle=AvailableVehicleFactory(price=15_000))
    refused = LeadFactory(dealer=lead.dealer, vehicle=AvailableVehicleFactory(dealer=lead.dealer, price=15_000),
                          destination_allowed=False)  # fmt: skip
    as_dealer = client_for(lead.dealer).get(f"{LEADS}{lead.pk}/").json()["conversion"]
    assert (as_dealer["source"], as_dealer["model_version"]) == ("model", 1)
    assert 0 < as_dealer["probability"] < 1
    assert as_dealer["probability"] != 0.25
    assert len(as_dealer["factors"]) == 3
    assert {factor["feature"] for factor in as_dealer["factors"]} <= set(FACTORS)
    assert all(factor["label"] == str(FACTORS[factor["feature"]][1]) for factor in as_dealer["factors"])

    listed = {row["id"]: row["conversion"] for row in client_for(lead.dealer).get(LEADS).json()["results"]}
    assert listed[lead.pk] == as_dealer
    assert listed[refused.pk]["probability"] < 0.05
    assert listed[refused.pk]["factors"][0]["feature"] == "destination_allowed"
    assert listed[refused.pk]["factors"][0]["effect"] < -0.1

    assert client_for(lead.buyer).get(f"{LEADS}{lead.pk}/").json()["conversion"] is None


def test_with_no_active_version_or_a_closed_lead_the_rule_answers(client_for, active_version):
    converted = LeadFactory(status=LeadStatus.CONVERTED, conversion_probability="1.00")
    body = client_for(converted.dealer).get(f"{LEADS}{converted.pk}/").json()
    assert body["conversion"] == {"probability": 1.0, "source": "rule", "model_version": None, "factors": []}

    active_version.is_active = False
    active_version.save(update_fields=["is_active"])
    active_version_changed(name=ModelName.LEAD_CONVERSION)
    lead = LeadFactory(conversion_probability="0.31")
    body = client_for(lead.dealer).get(f"{LEADS}{lead.pk}/").json()
    assert body["conversion"] == {"probability": 0.31, "source": "rule", "model_version": None, "factors": []}


def test_the_model_sees_the_dealers_answer_and_the_buyers_other_inquiries_only_up_to_now(active_version):
    created = datetime(2026, 1, 5, 10, tzinfo=UTC)
    lead, later = LeadFactory(), LeadFactory()
    Lead.objects.filter(pk=lead.pk).update(created_at=created)
    Lead.objects.filter(pk=later.pk).update(created_at=created + timedelta(hours=2), buyer=lead.buyer)
    lead.refresh_from_db()
    LeadContact.objects.create(lead=lead, channel="phone", note="Called.", contacted_at=created + timedelta(hours=3))

    def seen(hours: int) -> dict[str, float]:
        columns = serving_rows_load(leads=[lead], now=created + timedelta(hours=hours)).columns
        return {name: float(columns[name][0]) for name in ("answered", "waited_hours", "buyer_leads_before")}

    assert seen(1) == {"answered": 0.0, "waited_hours": 1.0, "buyer_leads_before": 0.0}
    assert {**seen(5), "answer_hours": 3.0} == {"answered": 1.0, "waited_hours": 5.0, "buyer_leads_before": 1.0,
                                               "answer_hours": 3.0}  # fmt: skip
    assert lead_conversion_predict(lead=lead, now=created + timedelta(hours=1))["model_version"] == 1
    assert lead_conversion_predict(lead=LeadFactory(status=LeadStatus.LOST)) is None


@pytest.mark.parametrize("page_size", [5, 50])
def test_the_lead_list_with_the_model_runs_a_fixed_number_of_queries(
    client_for, django_assert_num_queries, active_version, page_size
):
    dealer = DealerFactory()
    for _ in range(page_size):
        LeadFactory(vehicle=AvailableVehicleFactory(dealer=dealer), broker=BrokerFactory())
    client = client_for(dealer)
    client.get(LEADS, {"page_size": 1})  # the active version's id in Redis, its estimator loaded in the process
    # The user (JWT), the count, the page with its vehicles, and the page's first answers and buyers' histories
    # (no savepoint: the leads' views run outside ATOMIC_REQUESTS).
    with django_assert_num_queries(4):
        response = client.get(LEADS, {"page_size": page_size})
    assert {row["conversion"]["source"] for row in response.json()["results"]} == {"model"}

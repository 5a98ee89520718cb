"""The payment anomaly model through the payments API: with an active version a suspicious payment carries the
model's points and factors in its risk (staff's view); with none, the same request gets the rule's points alone."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Language
from accounts.tests.factories import BuyerFactory, StaffFactory
from ml.models import ModelName
from ml.services import model_version_promote_if_better, model_version_register
from payments.fraud import MODEL_REASON_CODE
from payments.models import Payment, PaymentStatus
from payments.tests.factories import PayableDealFactory, StripePaymentFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/payments/"
RULE_POINTS = 35  # a billing country other than the account's (25), paid 30 seconds after the deal became payable (10)


@pytest.fixture
def active_version(payment_training):
    result = payment_training
    version = model_version_register(
        name=ModelName.PAYMENT_ANOMALY, estimator=result.estimator, features=result.features,
        metrics=result.metrics, baseline_metrics=result.baseline_metrics, held_out=result.held_out,
        training_window=result.training_window,
    )  # fmt: skip
    assert model_version_promote_if_better(candidate=version, primary_metric="pr_auc")
    return version


def suspicious_payment(client_for) -> Payment:
    """A buyer who paid from its usual address three days ago pays from a new one, with a foreign billing country,
    30 seconds after the deal became payable: the rule holds it for review; the model sees the new device too."""
    buyer = BuyerFactory(date_joined=timezone.now() - timedelta(days=90), country="CI")
    earlier = StripePaymentFactory(deal__buyer=buyer, status=PaymentStatus.SUCCEEDED, ip_address="100.64.0.7")
    Payment.objects.filter(pk=earlier.pk).update(created_at=timezone.now() - timedelta(days=3))
    deal = PayableDealFactory(buyer=buyer, status_changed_at=timezone.now() - timedelta(seconds=30))
    body = {"deal": deal.pk, "amount": "9000", "currency": "CAD", "method": "sandbox", "billing_country": "NG"}
    response = client_for(buyer).post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="k", REMOTE_ADDR="10.0.0.9")
    assert response.status_code in (202, 403)  # held, or blocked when the model's points take it over 60
    assert response.json().get("fraud_model") is None  # the buyer is never shown the risk
    return Payment.objects.get(deal=deal)


def test_an_active_version_adds_its_points_and_names_its_factors(client_for, todays_rates, active_version):
    payment = suspicious_payment(client_for)
    shown = client_for(StaffFactory()).get(f"{URL}{payment.pk}/").json()
    model = shown["fraud_model"]
    assert model["model_version"] == active_version.version
    assert model["probability"] > model["threshold"]
    assert model["points"] > 0
    assert shown["fraud_risk_score"] == min(RULE_POINTS + model["points"], 100)
    reasons = {reason["code"]: reason["points"] for reason in shown["fraud_reasons"]}
    assert reasons == {"country_mismatch": 25, "rapid_checkout": 10, MODEL_REASON_CODE: model["points"]}
    factors = {factor["feature"]: factor for factor in model["factors"]}
    assert {"new_device", "country_mismatch"} <= set(factors)
    assert factors["new_device"]["effect"] > 0
    assert factors["new_device"]["label"] == "A device not seen before"
    # Staff read the labels in their own language, whatever was active when the payment was made.
    french_staff = StaffFactory(preferred_language=Language.FRENCH)
    in_french = client_for(french_staff).get(f"{URL}{payment.pk}/").json()
    labels = {factor["feature"]: factor["label"] for factor in in_french["fraud_model"]["factors"]}
    assert labels["new_device"] == "Un appareil jamais vu auparavant"


def test_with_no_active_version_the_rule_alone_scores_the_payment(client_for, todays_rates):
    payment = suspicious_payment(client_for)
    shown = client_for(StaffFactory()).get(f"{URL}{payment.pk}/").json()
    assert (shown["fraud_model"], shown["fraud_risk_score"], shown["status"]) == (None, RULE_POINTS, "held")
    assert {reason["code"] for reason in shown["fraud_reasons"]} == {"country_mismatch", "rapid_checkout"}

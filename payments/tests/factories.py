from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from accounts.tests.factories import BuyerFactory
from deals.models import Deal, DealStatus
from payments.models import Payment, PaymentMethod, PaymentStatus
from vehicles.models import VehicleStatus
from vehicles.tests.factories import VehicleFactory


class PayableDealFactory(factory.django.DjangoModelFactory):
    """A deal waiting for payment, as stored (its earlier moves are the deals app's to test)."""

    class Meta:
        model = Deal

    vehicle = factory.SubFactory(VehicleFactory, status=VehicleStatus.RESERVED)
    dealer = factory.LazyAttribute(lambda deal: deal.vehicle.dealer)
    # An established buyer, paying a while after the deal became payable: the fraud controls let it through
    # (payments/tests/test_fraud.py tests the signals).
    buyer = factory.SubFactory(
        BuyerFactory, date_joined=factory.LazyFunction(lambda: timezone.now() - timedelta(days=90))
    )
    agreed_price = Decimal("18000.00")
    currency = "CAD"
    destination_country = "CI"
    destination_port = "CIABJ"
    status = DealStatus.PENDING_PAYMENT
    status_changed_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    class Params:
        # A buyer of a day, paying within two minutes of the deal becoming payable: 20 + 10 risk points,
        # so its payment is held for staff review.
        held_for_review = factory.Trait(
            buyer=factory.SubFactory(
                BuyerFactory, date_joined=factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
            ),
            status_changed_at=factory.LazyFunction(lambda: timezone.now() - timedelta(seconds=30)),
        )


class StripePaymentFactory(factory.django.DjangoModelFactory):
    """A CAD card payment waiting at Stripe, as payment_create leaves it (for webhook tests)."""

    class Meta:
        model = Payment

    deal = factory.SubFactory(PayableDealFactory)
    payer = factory.LazyAttribute(lambda payment: payment.deal.buyer)
    created_by = factory.LazyAttribute(lambda payment: payment.deal.buyer)
    amount = Decimal("18000.00")
    currency = "CAD"
    deal_amount = factory.LazyAttribute(lambda payment: payment.amount)
    deal_currency = "CAD"
    deal_rate = Decimal(1)
    amount_cad = factory.LazyAttribute(lambda payment: payment.amount)
    cad_rate = Decimal(1)
    method = PaymentMethod.CARD
    provider = "stripe"
    provider_reference = factory.Sequence(lambda n: f"pi_test{n:08d}")
    status = PaymentStatus.REQUIRES_ACTION
    status_changed_at = factory.LazyFunction(timezone.now)
    idempotency_key = factory.Sequence(lambda n: f"key-{n}")
    request_fingerprint = "0" * 64

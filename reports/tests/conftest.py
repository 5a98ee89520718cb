"""The known data set every report is checked against: March 2025 (Toronto time), two dealers, two brokers,
one buyer, with rows just outside the month that no report of March may count. The figures each report must
give are worked out by hand in the tests."""

from datetime import date, datetime
from decimal import Decimal
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from accounts.tests.factories import BrokerFactory, BuyerFactory, StaffFactory
from commissions.models import CommissionRole, CommissionStatus
from deals.models import DealStatus
from deals.tests.factories import DealFactory
from leads.models import ContactChannel, LeadContact, LeadStatus
from leads.tests.factories import LeadFactory
from payments.models import LedgerEntryKind, PaymentMethod, PaymentStatus
from plans.models import PlanCode
from plans.tests.factories import dealer_on_plan
from reports.tests.factories import (
    ACCRUAL,
    ADJUSTMENT,
    REVERSAL,
    commission_with,
    deal_move,
    ledger_entry_at,
    payment_at,
    stamp,
)
from shipments.models import ShipmentStatus
from shipments.tests.factories import ShipmentEventFactory, ShipmentFactory

TORONTO = ZoneInfo("America/Toronto")
MARCH = {"from": "2025-03-01", "to": "2025-03-31"}


def enterprise_dealer(*, company_name: str):
    """A dealer whose plan includes reports."""
    dealer = dealer_on_plan(PlanCode.ENTERPRISE)
    dealer.company_name = company_name
    dealer.save(update_fields=["company_name"])
    return dealer


def at(month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=TORONTO)


def _deal(dealer, *, make: str, model: str, country: str, status: str, created: datetime, broker=None, buyer=None):
    deal = DealFactory(
        vehicle__dealer=dealer, vehicle__make=make, vehicle__model=model, broker=broker,
        destination_country=country, destination_port="CIABJ" if country == "CI" else "NGLOS", status=status,
        **({"buyer": buyer} if buyer else {}),
    )  # fmt: skip
    stamp(deal, created)
    deal_move(deal, "", DealStatus.DRAFT, created)  # the opening, in the timeline: not a move
    return deal


def _moves(deal, *steps: tuple[str, datetime]) -> None:
    current = DealStatus.DRAFT
    for to_status, moment in steps:
        deal_move(deal, current, to_status, moment)
        current = to_status


@pytest.fixture
def market(db):
    dealer_a = enterprise_dealer(company_name="Atlantic Motors")
    dealer_b = enterprise_dealer(company_name="Bay Autos")
    broker_x, broker_y = BrokerFactory(), BrokerFactory()
    buyer, staff = BuyerFactory(), StaffFactory()

    # Deals: four opened in March, one in February.
    d1 = _deal(dealer_a, make="Toyota", model="Camry", country="CI", status=DealStatus.COMPLETED, created=at(3, 2),
               broker=broker_x, buyer=buyer)  # fmt: skip
    _moves(d1, (DealStatus.PENDING_DOCUMENTS, at(3, 4)), (DealStatus.PENDING_PAYMENT, at(3, 5)),
           (DealStatus.PAID, at(3, 8)), (DealStatus.IN_TRANSIT, at(3, 10)), (DealStatus.DELIVERED, at(3, 20)),
           (DealStatus.COMPLETED, at(3, 21)))  # fmt: skip
    d2 = _deal(
        dealer_a, make="Toyota", model="Camry", country="CI", status=DealStatus.PENDING_PAYMENT, created=at(3, 3)
    )
    _moves(d2, (DealStatus.PENDING_DOCUMENTS, at(3, 5)), (DealStatus.PENDING_PAYMENT, at(3, 6)))
    deal_move(d2, "", DealStatus.PENDING_PAYMENT, at(3, 7))  # a hold: in the timeline, not a move
    d3 = _deal(dealer_b, make="Honda", model="Civic", country="NG", status=DealStatus.CANCELLED, created=at(3, 10),
               broker=broker_x)  # fmt: skip
    _moves(d3, (DealStatus.CANCELLED, at(3, 14)))
    d4 = _deal(dealer_b, make="Toyota", model="Corolla", country="CI", status=DealStatus.DRAFT, created=at(3, 15),
               broker=broker_y)  # fmt: skip
    d5 = _deal(dealer_a, make="Honda", model="Civic", country="CI", status=DealStatus.DRAFT, created=at(2, 20))

    # Leads: four received in March (one half an hour before April in Toronto), one just after.
    l1 = stamp(LeadFactory(vehicle__dealer=dealer_a, broker=broker_x, status=LeadStatus.CONVERTED,
                           last_contacted_at=at(3, 2)), at(3, 1))  # fmt: skip
    LeadContact.objects.create(lead=l1, channel=ContactChannel.PHONE, note="Called", contacted_at=at(3, 1, 18))
    LeadContact.objects.create(lead=l1, channel=ContactChannel.EMAIL, note="Offer", contacted_at=at(3, 2))
    stamp(LeadFactory(vehicle__dealer=dealer_a, status=LeadStatus.NEW), at(3, 5))
    l3 = stamp(LeadFactory(vehicle__dealer=dealer_b, broker=broker_x, status=LeadStatus.LOST,
                           last_contacted_at=at(3, 11)), at(3, 10))  # fmt: skip
    LeadContact.objects.create(lead=l3, channel=ContactChannel.WHATSAPP, note="Asked", contacted_at=at(3, 11))
    stamp(LeadFactory(vehicle__dealer=dealer_b, status=LeadStatus.NEW), at(3, 31, 23, 30))
    stamp(LeadFactory(vehicle__dealer=dealer_a, status=LeadStatus.NEW), at(4, 1, 0, 30))

    # Payments and the ledger.
    p1 = payment_at(d1, at(3, 8), amount=Decimal("10000.00"), amount_cad=Decimal("10000.00"))
    payment_at(d1, at(3, 7), amount=Decimal("5000.00"), amount_cad=Decimal("5000.00"), status=PaymentStatus.FAILED)
    p3 = payment_at(d2, at(3, 6), method=PaymentMethod.MTN_MOMO, provider="mtn_momo", currency="XOF",
                    amount=Decimal("3000000"), amount_cad=Decimal("6690.00"))  # fmt: skip
    payment_at(d3, at(3, 12), method=PaymentMethod.MTN_MOMO, provider="mtn_momo", currency="NGN",
               amount=Decimal("500000.00"), amount_cad=Decimal("450.00"), status=PaymentStatus.FAILED)  # fmt: skip
    payment_at(d4, at(3, 16), amount=Decimal("2000.00"), amount_cad=Decimal("2000.00"),
               status=PaymentStatus.REQUIRES_ACTION)  # fmt: skip
    p6 = payment_at(d5, at(2, 21), amount=Decimal("900.00"), amount_cad=Decimal("900.00"))
    ledger_entry_at(p1, at(3, 8), amount="10000.00", amount_cad="10000.00")
    ledger_entry_at(p3, at(3, 6), amount="3000000", amount_cad="6690.00")
    ledger_entry_at(p3, at(3, 6, 13), kind=LedgerEntryKind.FEE, amount="-15000", amount_cad="-33.45")
    ledger_entry_at(p1, at(3, 25), kind=LedgerEntryKind.REFUND, amount="-1500.00", amount_cad="-1500.00")
    ledger_entry_at(p6, at(2, 21), amount="900.00", amount_cad="900.00")

    # Commissions of the deals completed in March (and one in February).
    commission_with([(ACCRUAL, "200.00"), (ADJUSTMENT, "50.00")], deal=d1, broker=broker_x,
                    status=CommissionStatus.PAID, completed_on=date(2025, 3, 21))  # fmt: skip
    commission_with([(ACCRUAL, "60.00")], deal=d1, broker=broker_y, role=CommissionRole.REFERRING,
                    completed_on=date(2025, 3, 21))  # fmt: skip
    commission_with([(ACCRUAL, "100.00"), (REVERSAL, "-100.00")], deal=d5, broker=broker_x,
                    status=CommissionStatus.REVERSED, completed_on=date(2025, 3, 5))  # fmt: skip
    commission_with([(ACCRUAL, "80.00")], deal=d4, broker=broker_y, status=CommissionStatus.APPROVED,
                    completed_on=date(2025, 2, 25))  # fmt: skip

    # Shipments due in March: one on time, one late, one overdue; one due in April; one replaced (inactive).
    s1 = ShipmentFactory(deal=d1, origin_port="CAHAL", destination_port="CIABJ", etd=at(3, 10), eta=at(3, 18),
                         status=ShipmentStatus.DELIVERED)  # fmt: skip
    ShipmentEventFactory(shipment=s1, status=ShipmentStatus.DEPARTED, occurred_at=at(3, 10))
    ShipmentEventFactory(shipment=s1, status=ShipmentStatus.ARRIVED, occurred_at=at(3, 17))
    ShipmentEventFactory(shipment=s1, status=ShipmentStatus.DELIVERED, occurred_at=at(3, 20))
    s2 = ShipmentFactory(deal=d2, origin_port="CAHAL", destination_port="CIABJ", etd=at(3, 1), eta=at(3, 12),
                         status=ShipmentStatus.ARRIVED)  # fmt: skip
    ShipmentEventFactory(shipment=s2, status=ShipmentStatus.ARRIVED, occurred_at=at(3, 14))
    ShipmentFactory(deal=d3, origin_port="CAMTR", destination_port="NGLOS", etd=at(3, 1), eta=at(3, 20),
                    status=ShipmentStatus.IN_TRANSIT)  # fmt: skip
    ShipmentFactory(deal=d4, origin_port="CAHAL", destination_port="CIABJ", etd=at(4, 1), eta=at(4, 15))
    ShipmentFactory(deal=d1, origin_port="CAHAL", destination_port="CIABJ", etd=at(3, 1), eta=at(3, 5),
                    is_active=False)  # fmt: skip

    return SimpleNamespace(
        dealer_a=dealer_a, dealer_b=dealer_b, broker_x=broker_x, broker_y=broker_y, buyer=buyer, staff=staff,
        deals=[d1, d2, d3, d4, d5],
    )  # fmt: skip


@pytest.fixture
def report(client_for):
    """GET a report as `user` for March 2025 (plus `params`); the response."""

    def get(user, name: str, **params):
        return client_for(user).get(f"/api/v1/reports/{name}/", {**MARCH, **params})

    return get

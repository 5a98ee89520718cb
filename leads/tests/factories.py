import factory

from accounts.tests.factories import BuyerFactory
from leads.models import Lead, LeadSource, LeadStatus
from vehicles.models import VehicleStatus
from vehicles.tests.factories import VehicleFactory


class AvailableVehicleFactory(VehicleFactory):
    status = VehicleStatus.AVAILABLE


class LeadFactory(factory.django.DjangoModelFactory):
    """A lead as stored; tests that need scores computed call the service or the engine."""

    class Meta:
        model = Lead

    vehicle = factory.SubFactory(AvailableVehicleFactory)
    dealer = factory.LazyAttribute(lambda lead: lead.vehicle.dealer)
    buyer = factory.SubFactory(BuyerFactory)
    full_name = factory.Sequence(lambda n: f"Buyer Name {n}")
    email = factory.LazyAttribute(lambda lead: lead.buyer.email if lead.buyer else "visitor@example.com")
    destination_country = "NG"
    source = LeadSource.WEBSITE
    status = LeadStatus.NEW
    destination_allowed = True
    next_action = factory.LazyFunction(
        lambda: {"action": "first_contact", "reason": "New inquiry, not yet answered.", "due_within_hours": 24}
    )

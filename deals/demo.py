"""Demo deals for `seed_demo`: the demo leads that reached qualified or negotiating become deals at
the listing's price, and the first deal that is not held for review moves on to pending documents.
Runs after the leads seeder and before the documents and shipments seeders; a lead already converted
is left alone, so running it again adds nothing."""

from django.db import transaction

from deals.models import Deal, DealStatus, Incoterm
from deals.services import deal_create_from_lead, deal_transition
from leads.eligibility import destination_check
from leads.models import Lead, LeadStatus
from vehicles.demo import DEMO_DEALERS
from vehicles.models import VehicleStatus


@transaction.atomic
def demo_deals_seed() -> str:
    leads = Lead.objects.filter(
        dealer__username__in=DEMO_DEALERS,
        status__in=[LeadStatus.QUALIFIED, LeadStatus.NEGOTIATING],
        buyer__isnull=False,
        deal__isnull=True,
        vehicle__status=VehicleStatus.AVAILABLE,
    ).select_related("vehicle", "dealer", "buyer", "broker")
    made = []
    for lead in leads:
        eligibility = destination_check(vehicle=lead.vehicle, country=lead.destination_country)
        if not (eligibility.allowed and eligibility.rule and eligibility.rule.ports):
            continue
        made.append(
            deal_create_from_lead(
                lead=lead,
                created_by=lead.dealer,
                agreed_price=lead.vehicle.price,
                currency=lead.vehicle.currency,
                destination_port=eligibility.rule.ports[0],
                incoterm=Incoterm.CIF,
                notes="Demo deal",
            )
        )
    movable = next((deal for deal in made if not deal.is_on_hold), None)
    if movable is not None:
        deal_transition(deal=movable, to=DealStatus.PENDING_DOCUMENTS, actor=movable.dealer)
    total = Deal.objects.filter(dealer__username__in=DEMO_DEALERS).count()
    return f"{total} demo deals ({len(made)} new)"

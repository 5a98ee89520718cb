import pytest
from django.core.management import call_command

from deals.models import Deal

pytestmark = pytest.mark.django_db


def test_seed_demo_opens_a_deal_from_the_negotiating_demo_lead_once():
    call_command("seed_demo")
    call_command("seed_demo")
    deal = Deal.objects.get()
    assert (deal.status, deal.lead.status, deal.is_on_hold) == ("pending_documents", "converted", False)
    assert (deal.buyer.username, str(deal.destination_country), deal.agreed_price) == (
        "buyer_lagos",
        "NG",
        deal.vehicle.price,
    )
    assert deal.documents.count() == 4  # the documents seeder files what pending documents calls for

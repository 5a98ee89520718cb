import pytest
from django.utils import timezone

from accounts.demo import demo_users_seed
from accounts.models import User
from leads.demo import DEMO_INQUIRIES, demo_leads_seed
from leads.models import Lead
from leads.selectors import lead_list_visible_to
from leads.tests.factories import AvailableVehicleFactory

pytestmark = pytest.mark.django_db


def test_demo_leads_cover_each_stage_and_a_second_run_adds_nothing():
    demo_users_seed()
    this_year = timezone.localdate().year
    for username in ["dealer_halifax", "dealer_montreal"]:
        dealer = User.objects.get(username=username)
        AvailableVehicleFactory.create_batch(3, dealer=dealer, year=this_year - 2)
        AvailableVehicleFactory(dealer=dealer, year=this_year - 12)

    assert demo_leads_seed() == f"{len(DEMO_INQUIRIES)} demo leads ({len(DEMO_INQUIRIES)} new)"
    assert demo_leads_seed() == f"{len(DEMO_INQUIRIES)} demo leads (0 new)"

    statuses = sorted(Lead.objects.values_list("status", flat=True))
    assert statuses == ["contacted", "lost", "negotiating", "new", "new", "new", "qualified"]
    refused = Lead.objects.filter(destination_allowed=False).order_by("destination_country")
    assert [lead.destination_country.code for lead in refused] == ["CI", "KE"]
    assert Lead.objects.get(email="adaeze@example.ng", status="qualified").broker.username == "broker_dakar"
    assert Lead.objects.get(email="kouame@example.ci", source="website").buyer.username == "buyer_abidjan"
    staff = User.objects.get(username="staff")
    stalled = lead_list_visible_to(user=staff).filter(is_stalled=True)
    assert [lead.email for lead in stalled] == ["moussa@example.ml"]


def test_demo_leads_wait_for_demo_vehicles():
    demo_users_seed()
    assert demo_leads_seed() == "0 demo leads (0 new)"

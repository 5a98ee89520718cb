import pytest

from accounts.tests.factories import BrokerFactory, StaffFactory
from audit.models import AuditLog
from deals.tests.factories import DealFactory

pytestmark = pytest.mark.django_db

DEALS = "/admin/deals/deal/"


@pytest.fixture
def staff(client, admin_login):
    staff = StaffFactory(is_superuser=True)
    admin_login(client, staff)
    return staff


def test_staff_corrections_and_hold_releases_in_the_admin_are_audited_before_and_after(client, staff):
    deal = DealFactory()
    referrer = BrokerFactory()
    form = {
        "referring_broker": referrer.pk, "destination_country": "CI", "destination_port": "CIABJ", "incoterm": "FOB",
        "notes": "Buyer asked for FOB", "events-TOTAL_FORMS": "0", "events-INITIAL_FORMS": "0",
    }  # fmt: skip
    assert client.post(f"{DEALS}{deal.pk}/change/", form).status_code == 302
    deal.refresh_from_db()
    assert (deal.referring_broker, deal.incoterm) == (referrer, "FOB")
    edit = AuditLog.objects.get(action="deal.staff_edit")
    assert (edit.user, edit.object_id) == (staff, str(deal.pk))
    assert edit.changes == {
        "referring_broker": [None, referrer.pk], "incoterm": ["CIF", "FOB"], "notes": ["", "Buyer asked for FOB"]
    }  # fmt: skip

    held = DealFactory(is_on_hold=True, hold_reason="High fraud risk")
    released = client.post(DEALS, {"action": "release_hold", "_selected_action": [held.pk]})
    assert released.status_code == 302
    release = AuditLog.objects.get(action="deal.release_hold")
    assert (release.user, release.object_id) == (staff, str(held.pk))
    assert release.changes == {
        "is_on_hold": [True, False], "hold_reason": "High fraud risk", "note": "Reviewed in the admin"
    }  # fmt: skip

import pytest
import responses

from accounts.tests.factories import BuyerFactory, StaffFactory

pytestmark = pytest.mark.django_db


@responses.activate
def test_staff_see_flower_and_others_are_sent_to_sign_in(client, settings, admin_login):
    responses.get(f"{settings.FLOWER_URL}/ops/flower/workers", body="<h1>Workers</h1>", content_type="text/html")

    client.force_login(BuyerFactory())
    refused = client.get("/ops/flower/workers")
    staff = StaffFactory()
    client.force_login(staff)  # a password alone: no second factor
    unverified = client.get("/ops/flower/workers")
    admin_login(client, staff)
    shown = client.get("/ops/flower/workers")
    posted = client.post("/ops/flower/workers")

    assert refused.status_code == 302
    assert refused["Location"].startswith("/admin/login/")
    assert (unverified.status_code, unverified["Location"][:13]) == (302, "/admin/login/")
    assert (shown.status_code, shown.content, shown["Content-Type"]) == (200, b"<h1>Workers</h1>", "text/html")
    assert posted.status_code == 405
    assert len(responses.calls) == 1

import pytest

from accounts.tests.factories import PASSWORD
from reports.tests.conftest import MARCH

pytestmark = pytest.mark.django_db


def test_staff_see_the_dashboard_with_its_charts_linked_from_the_admin_index(market, client, admin_login):
    market.staff.is_superuser = True
    market.staff.save(update_fields=["is_superuser"])
    admin_login(client, market.staff)
    assert "/admin/reports/dashboard/" in client.get("/admin/").content.decode()
    page = client.get("/admin/reports/dashboard/", MARCH)
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('class="reports-chart"') == 5
    assert "Toyota Camry" in html
    assert "CAHAL → CIABJ" in html
    assert "Atlantic Motors" in html
    assert "15156.55" in html


def test_a_bad_period_on_the_dashboard_shows_why_and_the_last_30_days(market, client, admin_login):
    admin_login(client, market.staff)
    page = client.get("/admin/reports/dashboard/", {"from": "2025-04-01", "to": "2025-03-01"})
    assert page.status_code == 200
    assert "The first day must be on or before the last day." in page.content.decode()


def test_the_dashboard_is_refused_to_anyone_but_staff(market, client):
    client.login(username=market.dealer_a.username, password=PASSWORD)
    response = client.get("/admin/reports/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")

import pytest

from accounts.tests.factories import StaffFactory
from audit.models import AuditLog
from plans.models import Plan, PlanCode
from plans.tests.factories import SubscriptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, admin_login):
    admin_login(client, StaffFactory(is_superuser=True))
    return client


def test_staff_edit_a_plans_limits_and_features_audited_and_unknown_features_refused(staff_client, plans):
    plan = plans[PlanCode.PROFESSIONAL]
    url = f"/admin/plans/plan/{plan.pk}/change/"
    form = {
        "name_en": "Professional", "name_fr": "Professionnel", "price_per_month": "129.00", "currency": "CAD",
        "stripe_price_id": "price_pro_2027", "listing_limit": "150", "api_requests_per_hour": "1500",
    }  # fmt: skip
    refused = staff_client.post(url, {**form, "features": '["csv_import", "teleport"]'})
    assert refused.status_code == 200
    assert "Unknown features: teleport" in refused.content.decode()
    saved = staff_client.post(url, {**form, "features": '["csv_import", "price_guidance", "reports"]'})
    assert saved.status_code == 302
    plan.refresh_from_db()
    assert (plan.listing_limit, plan.api_requests_per_hour, plan.features) == (
        150, 1500, ["csv_import", "price_guidance", "reports"]
    )  # fmt: skip
    assert AuditLog.objects.filter(action="plan.staff_edit", object_id=str(plan.pk)).exists()
    assert staff_client.get("/admin/plans/plan/").status_code == 200


def test_staff_see_a_subscription_with_the_dealers_usage(staff_client, plans):
    subscription = SubscriptionFactory(plan=Plan.objects.get(code=PlanCode.ENTERPRISE))
    assert staff_client.get("/admin/plans/subscription/").status_code == 200
    page = staff_client.get(f"/admin/plans/subscription/{subscription.pk}/change/").content.decode()
    assert "0 of ∞ listings; 0 of 10000 API calls this hour, 0 this month; 0 leads this month" in page

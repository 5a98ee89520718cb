"""The admin lists of the staff journeys (documents, payments, deals, webhook events, commissions) run as many
queries for ten rows as for two: no list page does a query per row as it grows."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.tests.factories import BrokerFactory, StaffFactory
from commissions.models import Commission, CommissionEntry, CommissionPlan, CommissionTier, EntryKind
from deals.tests.factories import DealFactory
from documents.tests.factories import DocumentFactory
from payments.models import PaymentStatus
from payments.tests.factories import StripePaymentFactory
from webhooks.models import InboxEvent
from webhooks.services import inbox_event_process, inbox_receive

pytestmark = pytest.mark.django_db


def documents(count: int) -> None:
    DocumentFactory.create_batch(count)


def payments(count: int) -> None:
    StripePaymentFactory.create_batch(count, status=PaymentStatus.HELD)


def deals(count: int) -> None:
    DealFactory.create_batch(count, is_on_hold=True, hold_reason="High fraud risk", broker=BrokerFactory())


def inbox_events(count: int) -> None:
    start = InboxEvent.objects.count()
    for number in range(start, start + count):
        event = inbox_receive(provider="nobody", event_id=f"evt_{number}", event_type="ping", body=b"{}", headers={})
        inbox_event_process(event_id=event.pk)  # failed: no handler, its error on the row


def commissions(count: int) -> None:
    """Commissions as the accrual leaves them (a row and its accrual entry), each of its own broker and deal."""
    plan = CommissionPlan.objects.first() or CommissionPlan.objects.create(name="Standard", valid_from=date(2026, 1, 1))
    tier = plan.tiers.first() or CommissionTier.objects.create(plan=plan, threshold=1, percent=Decimal("2.0"))
    for _ in range(count):
        broker = BrokerFactory()
        commission = Commission.objects.create(
            deal=DealFactory(broker=broker, status="delivered"), broker=broker, plan=plan, tier=tier,
            percent=Decimal("2.0"), deal_amount=Decimal("18000.00"), deal_currency="CAD", cad_rate=Decimal(1),
            base_cad=Decimal("18000.00"), period_start=date(2026, 1, 1), completed_on=timezone.localdate(),
            status_changed_at=timezone.now(),
        )  # fmt: skip
        CommissionEntry.objects.create(
            commission=commission, kind=EntryKind.ACCRUAL, amount_cad=Decimal("360.00"), percent=Decimal("2.0")
        )


LISTS = {
    "/admin/documents/document/?status__exact=pending_review": documents,
    "/admin/payments/payment/?status__exact=held": payments,
    "/admin/deals/deal/?is_on_hold__exact=1": deals,
    "/admin/webhooks/inboxevent/?status__exact=failed": inbox_events,
    "/admin/commissions/commission/?status__exact=pending": commissions,
}


@pytest.mark.parametrize(("url", "make_rows"), LISTS.items(), ids=[url.split("/")[3] for url in LISTS])
def test_a_staff_list_runs_as_many_queries_for_ten_rows_as_for_two(client, admin_login, url, make_rows):
    admin_login(client, StaffFactory(is_superuser=True))

    def queries_of_the_list(rows: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert response.context["cl"].result_count == rows
        return len(queries)

    make_rows(2)
    with_two = queries_of_the_list(2)
    make_rows(8)
    assert queries_of_the_list(10) == with_two

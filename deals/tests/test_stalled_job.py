from datetime import timedelta

import pytest
from django.utils import timezone

from deals.models import DealStatus
from deals.services import deal_transition
from deals.tasks import check_stalled_deals
from deals.tests.factories import DealFactory
from leads.models import Lead, LeadStatus
from leads.tests.factories import LeadFactory
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def test_the_job_reminds_each_stalled_deal_once(django_capture_on_commit_callbacks):
    stalled = DealFactory(status_changed_at=days_ago(8))
    DealFactory(status_changed_at=days_ago(1))
    DealFactory(status=DealStatus.COMPLETED, status_changed_at=days_ago(90))

    with django_capture_on_commit_callbacks(execute=True):
        assert check_stalled_deals.delay().get() == {"deals": 1, "leads": 0}
    with django_capture_on_commit_callbacks(execute=True):
        assert check_stalled_deals.delay().get() == {"deals": 0, "leads": 0}

    reminded = Notification.objects.filter(event="deal.stalled")
    assert sorted(reminded.values_list("user_id", flat=True)) == sorted([stalled.dealer_id, stalled.buyer_id])


def test_a_deal_that_moves_and_stalls_again_is_reminded_again(settings):
    deal = DealFactory(status_changed_at=days_ago(8))
    check_stalled_deals.delay()
    deal_transition(deal=deal, to=DealStatus.PENDING_DOCUMENTS, actor=deal.dealer)
    from deals.models import Deal

    # A week later: the reminder went out 7 days ago, the move 6 days ago (pending_documents stalls after 5).
    Deal.objects.filter(pk=deal.pk).update(status_changed_at=days_ago(6), last_follow_up_at=days_ago(7))
    assert check_stalled_deals.delay().get() == {"deals": 1, "leads": 0}
    assert Notification.objects.filter(event="deal.stalled", user=deal.dealer).count() == 2


def test_the_job_reminds_the_dealer_of_each_stalled_lead_once():
    lead = LeadFactory(status=LeadStatus.CONTACTED, last_contacted_at=days_ago(4))
    LeadFactory(status=LeadStatus.CONTACTED, last_contacted_at=days_ago(1))
    LeadFactory(status=LeadStatus.LOST, last_contacted_at=days_ago(30), lost_reason="Bought elsewhere")

    assert check_stalled_deals.delay().get() == {"deals": 0, "leads": 1}
    assert check_stalled_deals.delay().get() == {"deals": 0, "leads": 0}
    assert list(Notification.objects.filter(event="lead.follow_up").values_list("user_id", flat=True)) == [
        lead.dealer_id
    ]
    lead.refresh_from_db()
    assert lead.last_follow_up_at is not None
    assert Lead.objects.get(pk=lead.pk).last_follow_up_at >= lead.last_contacted_at

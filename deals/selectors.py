from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Case, F, Q, QuerySet, Value, When
from django.db.models.fields import BooleanField
from django.utils import timezone

from deals.models import Deal, DealEvent


def deal_list_visible_to(*, user) -> QuerySet[Deal]:
    """Everyone in a deal sees it (its dealer, buyer and broker); staff see all; nobody else."""
    deals = Deal.objects.select_related("vehicle", "dealer", "buyer", "broker", "referring_broker")
    if not user.is_platform_staff:
        deals = deals.filter(Q(dealer=user) | Q(buyer=user) | Q(broker=user))
    return deals.annotate(is_stalled=Case(When(deal_stalled_condition(), then=Value(True)), default=Value(False),
                                          output_field=BooleanField()))  # fmt: skip


def deal_is_party(*, deal: Deal, user) -> bool:
    return user.is_platform_staff or user.pk in {deal.dealer_id, deal.buyer_id, deal.broker_id}


def deal_stalled_condition(*, now: datetime | None = None) -> Q:
    """A deal is stalled when it has not moved for the number of days its status allows
    (settings.DEAL_STALLED_AFTER_DAYS); closed deals never stall."""
    now = now or timezone.now()
    condition = Q(pk__in=[])
    for status, days in settings.DEAL_STALLED_AFTER_DAYS.items():
        condition |= Q(status=status, status_changed_at__lt=now - timedelta(days=days))
    return condition


def deal_is_stalled(*, deal: Deal, now: datetime | None = None) -> bool:
    days = settings.DEAL_STALLED_AFTER_DAYS.get(deal.status)
    return days is not None and deal.status_changed_at < (now or timezone.now()) - timedelta(days=days)


def deal_stalled_ids_to_follow_up(*, now: datetime | None = None) -> QuerySet:
    """Ids of stalled deals not followed up since they last moved."""
    not_followed_up = Q(last_follow_up_at__isnull=True) | Q(last_follow_up_at__lt=F("status_changed_at"))
    return Deal.objects.filter(deal_stalled_condition(now=now)).filter(not_followed_up).values_list("id", flat=True)


def deal_timeline(*, deal: Deal) -> QuerySet[DealEvent]:
    return deal.events.select_related("actor").order_by("created_at", "id")

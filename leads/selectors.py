"""Every non-trivial read of leads: what each caller may see, stalled leads, buyers by e-mail,
similar cars a destination admits, the buyer-history seam of the scoring engine, and the conversion
estimates the lead API shows."""

from datetime import datetime

from django.db.models import BooleanField, Case, F, Func, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import Role, User
from deals.models import Deal, DealStatus
from leads.eligibility import destination_rule_for, oldest_admitted_year, steering_refused
from leads.hooks import CONVERSION_ESTIMATES
from leads.models import OPEN_STATUSES, STALLED_AFTER, Lead, LeadContact
from vehicles.models import Vehicle, VehicleStatus

SIMILAR_VEHICLES_LIMIT = 5


def lead_stalled_condition(*, now: datetime | None = None) -> Q:
    """An open lead with no contact for STALLED_AFTER, or never contacted and older than that."""
    cutoff = (now or timezone.now()) - STALLED_AFTER
    return Q(status__in=OPEN_STATUSES) & (
        Q(last_contacted_at__lt=cutoff) | Q(last_contacted_at__isnull=True, created_at__lt=cutoff)
    )


def lead_list_visible_to(*, user: User, now: datetime | None = None) -> QuerySet[Lead]:
    """Staff see every lead; a dealer the leads on its vehicles; a broker the leads assigned to it;
    a buyer its own. Each row carries `is_stalled`."""
    # A Case rather than the bare condition: SQL's NULL comparisons would make some rows neither.
    is_stalled = Case(
        When(lead_stalled_condition(now=now), then=Value(True)), default=Value(False), output_field=BooleanField()
    )
    leads = Lead.objects.select_related("vehicle").annotate(is_stalled=is_stalled)
    if user.is_platform_staff:
        return leads
    if user.role == Role.DEALER:
        return leads.filter(dealer=user)
    if user.role == Role.BROKER:
        return leads.filter(broker=user)
    if user.role == Role.BUYER:
        return leads.filter(buyer=user)
    return leads.none()


def lead_contact_list(*, lead: Lead) -> QuerySet[LeadContact]:
    return lead.contacts.select_related("contacted_by").order_by("-contacted_at", "-id")


def lead_can_work(*, lead: Lead, user: User) -> bool:
    """Staff, the vehicle's dealer and the assigned broker change a lead's status and log contacts."""
    return user.is_platform_staff or user.pk in (lead.dealer_id, lead.broker_id)


def lead_can_assign_broker(*, lead: Lead, user: User) -> bool:
    return user.is_platform_staff or user.pk == lead.dealer_id


def buyer_for_email(*, email: str) -> User | None:
    """The active buyer account with this e-mail (case-insensitive), if any."""
    return User.objects.filter(email__iexact=email.strip(), role=Role.BUYER, is_active=True).first()


def buyer_completed_deals_count(*, buyer: User) -> int:
    """How many deals this buyer has completed, for the scoring engine's buyer-history part."""
    return Deal.objects.filter(buyer=buyer, status=DealStatus.COMPLETED).count()


def lead_conversion_estimates(*, leads: list[Lead]) -> dict[int, dict]:
    """By lead id: the learned model's estimate where an app answers CONVERSION_ESTIMATES for the lead (ml,
    with an active version), else the rule's stored figure, {"probability", "source": "rule",
    "model_version": None, "factors": []}. Asked once for all `leads` (a page)."""
    answered = CONVERSION_ESTIMATES.ask(leads=leads) if leads and CONVERSION_ESTIMATES.is_answered else {}
    rule = {"source": "rule", "model_version": None, "factors": []}
    return {
        lead.pk: answered.get(lead.pk) or {"probability": float(lead.conversion_probability), **rule} for lead in leads
    }


def similar_eligible_vehicles(
    *, vehicle: Vehicle, country, limit: int = SIMILAR_VEHICLES_LIMIT, today=None
) -> list[Vehicle]:
    """Up to `limit` available cars like `vehicle` (same make or same body type) that `country`
    admits: the make and body type both matching first, then the make, then the closest price."""
    rule = destination_rule_for(country=country)
    if steering_refused(rule=rule):
        return []  # every car listed here is left-hand drive
    same_make = Q(make__iexact=vehicle.make)
    same_body = Q(body_type=vehicle.body_type) if vehicle.body_type else Q(pk__in=[])
    candidates = Vehicle.objects.filter(status=VehicleStatus.AVAILABLE).filter(same_make | same_body)
    candidates = candidates.exclude(pk=vehicle.pk)
    oldest_year = oldest_admitted_year(rule=rule, today=today)
    if oldest_year is not None:
        candidates = candidates.filter(year__gte=oldest_year)
    closeness = Case(
        When(same_make & same_body, then=Value(0)),
        When(same_make, then=Value(1)),
        default=Value(2),
    )
    price_distance = Func(F("price_cad") - Value(vehicle.price_cad), function="ABS")
    return list(
        candidates.annotate(closeness=closeness, price_distance=price_distance).order_by(
            "closeness", "price_distance", "-year", "id"
        )[:limit]
    )


def lead_untold_ids() -> QuerySet:
    """Ids of the leads whose dealer is not told yet, oldest first."""
    return Lead.objects.filter(dealer_told_at__isnull=True).order_by("created_at", "id").values_list("id", flat=True)


def lead_stalled_ids_to_follow_up(*, now: datetime | None = None) -> QuerySet:
    """Ids of stalled leads whose dealer has not been reminded since the lead stalled (since its last
    contact, or since it came in when nobody ever contacted the buyer)."""
    stalled_since = Coalesce(F("last_contacted_at"), F("created_at"))
    not_followed_up = Q(last_follow_up_at__isnull=True) | Q(last_follow_up_at__lt=stalled_since)
    return Lead.objects.filter(lead_stalled_condition(now=now)).filter(not_followed_up).values_list("id", flat=True)

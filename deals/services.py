"""Every write to deals: opening one (directly or from a lead), moving it, holding and releasing it,
and following up stalled deals. The vehicle follows its deal: reserved while a deal is open,
available again when it is cancelled, sold once it is paid."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.selectors import staff_list_active
from audit.services import audit_record
from deals.fraud import FraudDetectionEngine
from deals.hooks import DEAL_MOVED, DEAL_OPENED
from deals.models import DEAL_MOVES, Deal, DealEvent, DealStatus, RiskLevel
from deals.selectors import deal_is_stalled
from deals.transitions import actor_may_move, move_blockers
from leads.eligibility import destination_check
from leads.models import Lead, LeadStatus
from leads.services import lead_transition
from notifications.services import notify
from nzila_export.exceptions import Conflict, DomainError, Forbidden
from nzila_export.stored_text import message_to_store, stored_text_read, text_to_store
from nzila_export.transitions import transition_check
from vehicles.models import Vehicle, VehicleStatus
from vehicles.services import vehicle_follow_deal


class TransitionRefused(DomainError):
    code = "transition_refused"


class VehicleNotAvailable(Conflict):
    code = "vehicle_not_available"


VEHICLE_STATUS_AFTER = {
    DealStatus.CANCELLED: VehicleStatus.AVAILABLE,
    DealStatus.PAID: VehicleStatus.SOLD,
}


@transaction.atomic
def deal_create(
    *,
    vehicle: Vehicle,
    buyer: User,
    created_by: User,
    agreed_price: Decimal,
    currency: str,
    destination_country: str,
    destination_port: str,
    incoterm: str,
    notes: str = "",
    broker: User | None = None,
    referring_broker: User | None = None,
    lead: Lead | None = None,
    destination_override_reason: str = "",
) -> Deal:
    """Open a deal on an available vehicle. The destination's import rules must admit the car, unless
    staff override them with a reason (audited). A high fraud risk holds the deal for staff review."""
    vehicle = Vehicle.objects.select_for_update().get(pk=vehicle.pk)
    if vehicle.status != VehicleStatus.AVAILABLE:
        raise VehicleNotAvailable(
            gettext("This vehicle is %(status)s.") % {"status": vehicle.get_status_display().lower()}, field="vehicle"
        )
    if not buyer.is_buyer:
        raise DomainError(gettext("The buyer must be a buyer account."), field="buyer")
    if broker is not None and not broker.is_broker:
        raise DomainError(gettext("The broker must be a broker account."), field="broker")
    if referring_broker is not None and not referring_broker.is_broker:
        raise DomainError(gettext("The referring broker must be a broker account."), field="referring_broker")
    _check_destination(
        vehicle=vehicle,
        country=destination_country,
        port=destination_port,
        created_by=created_by,
        override_reason=destination_override_reason,
    )
    deal = Deal(
        vehicle=vehicle, dealer=vehicle.dealer, buyer=buyer, broker=broker, referring_broker=referring_broker,
        lead=lead,
        agreed_price=agreed_price, currency=currency.upper(), destination_country=destination_country,
        destination_port=destination_port.upper(), incoterm=incoterm, notes=notes,
        destination_override_reason=destination_override_reason, status_changed_at=timezone.now(),
    )  # fmt: skip
    try:
        with transaction.atomic():
            deal.save()
    except IntegrityError as error:
        raise VehicleNotAvailable(gettext("This vehicle already has an open deal."), field="vehicle") from error
    opened = text_to_store(_("Deal opened"))
    DealEvent.objects.create(deal=deal, to_status=DealStatus.DRAFT, actor=created_by, reason=opened)
    audit_record(
        action="deal.create",
        instance=deal,
        user=created_by,
        changes={"agreed_price": str(agreed_price), "currency": deal.currency, "lead": lead.pk if lead else None},
    )
    if destination_override_reason:
        audit_record(
            action="deal.destination_override",
            instance=deal,
            user=created_by,
            changes={"reason": destination_override_reason},
        )
    vehicle_follow_deal(vehicle=vehicle, status=VehicleStatus.RESERVED, user=created_by)
    if lead is not None:
        lead_transition(lead=lead, status=LeadStatus.CONVERTED, user=created_by)
    deal_assess_risk(deal=deal)
    DEAL_OPENED.announce(deal=deal, user=created_by)
    notify(event="deal.created", recipients=deal.participants, context={"deal": deal}, related_object=deal)
    return deal


def _check_destination(*, vehicle: Vehicle, country: str, port: str, created_by: User, override_reason: str) -> None:
    eligibility = destination_check(vehicle=vehicle, country=country)
    if eligibility.rule is not None and port.upper() not in eligibility.rule.ports:
        ports = ", ".join(eligibility.rule.ports)
        raise DomainError(
            gettext("%(port)s is not an arrival port for %(destination)s: use one of %(ports)s.")
            % {"port": port, "destination": eligibility.rule.name, "ports": ports},
            field="destination_port",
        )
    if eligibility.allowed:
        return
    if not override_reason.strip():
        raise DomainError(" ".join(eligibility.reasons), field="destination_country")
    if not created_by.is_platform_staff:
        raise Forbidden(
            gettext("Only staff may override a destination's import rules."), field="destination_override_reason"
        )


@transaction.atomic
def deal_create_from_lead(*, lead: Lead, created_by: User, **terms) -> Deal:
    """Convert a lead: its vehicle, buyer, broker and destination carry over to the deal."""
    if lead.buyer is None:
        raise DomainError(
            gettext("This lead has no buyer account yet: ask the buyer to register with the lead's e-mail address."),
            field="lead",
        )
    if hasattr(lead, "deal"):
        raise Conflict(
            gettext("This lead was already converted into deal %(deal)s.") % {"deal": lead.deal.pk}, field="lead"
        )
    return deal_create(
        vehicle=lead.vehicle,
        buyer=lead.buyer,
        broker=lead.broker,
        lead=lead,
        destination_country=str(lead.destination_country),
        created_by=created_by,
        **terms,
    )


@transaction.atomic
def deal_transition(*, deal: Deal, to: str, actor: User | None, reason: str = "") -> Deal:
    """Move the deal to `to`. The row is locked, so of two moves at once only one wins; a move that
    DEAL_MOVES does not hold is an InvalidTransition (409); a move whose conditions are not met is
    refused (400) naming what is missing."""
    deal = (
        Deal.objects.select_for_update(of=("self",))
        .select_related("vehicle", "dealer", "buyer", "broker")
        .get(pk=deal.pk)
    )
    transition_check(moves=DEAL_MOVES, choices=DealStatus, current=deal.status, to=to, field="to")
    if not actor_may_move(deal=deal, to=to, actor=actor):
        raise Forbidden(
            gettext("You may not move this deal to %(status)s.") % {"status": DealStatus(to).label.lower()}, field="to"
        )
    if deal.is_on_hold and to != DealStatus.CANCELLED:
        raise TransitionRefused(
            gettext("The deal is held for staff review: %(reason)s") % {"reason": stored_text_read(deal.hold_reason)},
            field="to",
        )
    blockers = move_blockers(deal=deal, to=to, reason=reason)
    if blockers:
        raise TransitionRefused(" ".join(blockers), field="reason" if to == DealStatus.CANCELLED else "to")

    from_status = deal.status
    deal.status = to
    deal.status_changed_at = timezone.now()
    if to == DealStatus.CANCELLED:
        deal.cancellation_reason = reason
    deal.save(update_fields=["status", "status_changed_at", "cancellation_reason", "updated_at"])
    DealEvent.objects.create(deal=deal, from_status=from_status, to_status=to, actor=actor, reason=reason)
    audit_record(
        action="deal.transition", instance=deal, user=actor, changes={"status": [from_status, to], "reason": reason}
    )
    if to in VEHICLE_STATUS_AFTER:
        vehicle_follow_deal(vehicle=deal.vehicle, status=VEHICLE_STATUS_AFTER[to], user=actor)
    DEAL_MOVED.announce(deal=deal, from_status=from_status, to=to)
    notify(
        event="deal.moved",
        recipients=deal.participants,
        context={"deal": deal, "from_status": DealStatus(from_status).label, "to_status": DealStatus(to).label},
        related_object=deal,
    )
    return deal


def deal_assess_risk(*, deal: Deal) -> Deal:
    """Score the deal; a high risk holds it for staff review and tells staff."""
    assessment = FraudDetectionEngine().assess_deal_risk(deal)
    deal.risk_score = assessment.risk_score
    deal.risk_level = assessment.risk_level
    deal.risk_flags = assessment.red_flags
    deal.risk_recommendation = assessment.recommendation
    fields = ["risk_score", "risk_level", "risk_flags", "risk_recommendation", "updated_at"]
    deal.save(update_fields=fields)
    if assessment.risk_level == RiskLevel.HIGH:
        deal = deal_hold(deal=deal, reason=text_to_store(_("The deal's fraud risk is high (see its risk flags).")))
    return deal


@transaction.atomic
def deal_hold(*, deal: Deal, reason: str) -> Deal:
    """Hold a deal for staff review (a high fraud risk, a disputed payment): no move but cancel until
    staff release it. Staff are told; holding a held deal again changes nothing."""
    deal = Deal.objects.select_for_update().get(pk=deal.pk)
    if deal.is_on_hold:
        return deal
    deal.is_on_hold = True
    deal.hold_reason = reason[:255]
    deal.save(update_fields=["is_on_hold", "hold_reason", "updated_at"])
    DealEvent.objects.create(deal=deal, to_status=deal.status, reason=deal.hold_reason)
    audit_record(action="deal.hold", instance=deal, changes={"is_on_hold": [False, True], "reason": deal.hold_reason})
    staff = staff_list_active()
    notify(event="deal.held_for_review", recipients=staff, context={"deal": deal}, related_object=deal)
    return deal


@transaction.atomic
def deal_release_hold(*, deal: Deal, reviewer: User, note: str) -> Deal:
    """Staff reviewed a held deal and let it go on."""
    deal = Deal.objects.select_for_update().get(pk=deal.pk)
    if not deal.is_on_hold:
        raise Conflict(gettext("This deal is not on hold."), field="decision")
    deal.is_on_hold = False
    deal.save(update_fields=["is_on_hold", "updated_at"])
    DealEvent.objects.create(
        deal=deal,
        to_status=deal.status,
        actor=reviewer,
        reason=message_to_store(_("Hold released: %(note)s"), note=note),
    )
    audit_record(
        action="deal.release_hold",
        instance=deal,
        user=reviewer,
        changes={"is_on_hold": [True, False], "hold_reason": deal.hold_reason, "note": note},
    )
    return deal


@transaction.atomic
def deal_follow_up(*, deal_id: int) -> bool:
    """Remind the parties of a stalled deal, once per stall: a deal followed up since it last moved is
    left alone, so a second run sends nothing. Returns whether a reminder went out."""
    deal = Deal.objects.select_for_update(of=("self",)).select_related("dealer", "buyer", "broker").get(pk=deal_id)
    already_followed_up = deal.last_follow_up_at is not None and deal.last_follow_up_at >= deal.status_changed_at
    if already_followed_up or not deal_is_stalled(deal=deal):
        return False
    deal.last_follow_up_at = timezone.now()
    deal.save(update_fields=["last_follow_up_at", "updated_at"])
    notify(event="deal.stalled", recipients=deal.participants, context={"deal": deal}, related_object=deal)
    return True

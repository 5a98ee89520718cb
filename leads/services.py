"""Every write to leads: destination rules loading, lead intake, status, contacts, broker assignment."""

from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import Role, User
from audit.services import audit_record
from leads.destination_rules import DESTINATION_RULES_FILE, destination_rule_rows, destination_rules_upsert
from leads.eligibility import destination_check
from leads.models import LEAD_MOVES, OPEN_STATUSES, DestinationRule, Lead, LeadContact, LeadSource, LeadStatus
from leads.scoring import get_lead_scoring_engine
from leads.selectors import buyer_for_email, lead_stalled_ids_to_follow_up
from notifications.services import notify
from nzila_export.exceptions import DomainError
from nzila_export.stored_text import stored_text_lazy
from nzila_export.transitions import InvalidTransition, transition_check
from vehicles.models import Vehicle, VehicleStatus

# A device clock a little ahead of ours is not a contact "in the future".
CONTACT_CLOCK_SKEW = timedelta(minutes=5)


@transaction.atomic
def destination_rules_load(*, path: Path = DESTINATION_RULES_FILE, user=None) -> tuple[int, int]:
    """Upsert every rule in the CSV by country; other countries' rules stay as they are.
    Returns (created, updated). A malformed file loads nothing."""
    rows = destination_rule_rows(path=path)
    countries = [row["country"] for row in rows]
    before = {rule.country: rule for rule in DestinationRule.objects.select_for_update().filter(country__in=countries)}
    created, updated = destination_rules_upsert(model=DestinationRule, rows=rows)
    values = {}  # per country, {field: [before, after]} of what the file changed
    for row in rows:
        old = before.get(row["country"])
        changed = {
            name: [_as_text(getattr(old, name)) if old else None, _as_text(value)]
            for name, value in row.items()
            if name != "country" and (old is None or getattr(old, name) != value)
        }
        if changed:
            values[row["country"]] = changed
    audit_record(
        action="destination_rules.load",
        user=user,
        object_repr=str(path.name),
        changes={"created": created, "updated": updated, "countries": countries, "values": values},
    )
    return created, updated


def _as_text(value):
    return value if value is None or isinstance(value, bool | int | list) else str(value)


# --- Leads --------------------------------------------------------------------------------------------


class VehicleNotOpenForInquiries(DomainError):
    code = "vehicle_unavailable"


def lead_score_refresh(*, lead: Lead, now: datetime | None = None) -> list[str]:
    """Set score, priority, conversion probability and next action from the scoring engine (not saved).
    Returns the fields it sets, for `save(update_fields=...)`."""
    engine = get_lead_scoring_engine()(lead, now=now)
    lead.score = engine.score()
    lead.priority = engine.priority()
    lead.conversion_probability = Decimal(str(engine.get_conversion_probability()))
    lead.next_action = dict(engine.recommend_next_action())
    return ["score", "priority", "conversion_probability", "next_action", "updated_at"]


@transaction.atomic
def lead_create(
    *,
    vehicle: Vehicle,
    full_name: str,
    email: str,
    destination_country: str,
    source: str = LeadSource.WEBSITE,
    phone: str = "",
    message: str = "",
    submitted_by: User | None = None,
) -> Lead:
    """Take an inquiry on an available vehicle, from a signed-in user or an anonymous visitor.

    The buyer is the caller when a buyer signs in, otherwise the active buyer whose e-mail matches (an
    anonymous inquiry from a known buyer joins that buyer's leads). A broker who submits a lead is
    assigned to it. A car the destination refuses is still taken: the lead keeps the check's reasons.
    The dealer is told within a minute by a beat job (leads.tasks.tell_dealers_of_new_leads), not in the
    request: the one write anyone on the Internet makes at volume answers without rendering messages, and
    without a queue message of its own to lose."""
    if vehicle.status != VehicleStatus.AVAILABLE or vehicle.deleted_at is not None:
        raise VehicleNotOpenForInquiries(gettext("This vehicle is not available for inquiries."), field="vehicle")
    caller = submitted_by if submitted_by is not None and submitted_by.is_authenticated else None
    caller_is_buyer = caller is not None and caller.role == Role.BUYER
    buyer = caller if caller_is_buyer else buyer_for_email(email=email)
    eligibility = destination_check(vehicle=vehicle, country=destination_country)
    lead = Lead(
        vehicle=vehicle,
        dealer_id=vehicle.dealer_id,
        buyer=buyer,
        broker=caller if caller is not None and caller.role == Role.BROKER else None,
        full_name=full_name.strip(),
        email=email.strip(),
        phone=phone or "",
        message=message.strip(),
        destination_country=str(destination_country).upper(),
        source=source,
        destination_allowed=eligibility.allowed,
        destination_reasons=eligibility.reasons_to_store,
    )
    lead_score_refresh(lead=lead)  # unsaved, the lead counts as received now
    lead.save()
    audit_record(
        action="lead.create",
        instance=lead,
        user=caller,
        changes={
            "vehicle": vehicle.pk,
            "source": lead.source,
            "destination_country": lead.destination_country.code,
            "destination_allowed": eligibility.allowed,
            "buyer": buyer.pk if buyer is not None else None,
        },
    )
    return lead


@transaction.atomic
def lead_dealer_tell(*, lead_id: int) -> bool:
    """Tell the lead's dealer of the inquiry, once, through the notifications service. Returns whether it
    did; a second run (two beat jobs at once) finds the dealer told, or the lead locked, and sends nothing."""
    lead = (
        Lead.objects.select_for_update(of=("self",), skip_locked=True)
        .select_related("vehicle", "dealer")
        .filter(pk=lead_id, dealer_told_at__isnull=True)
        .first()
    )
    if lead is None:
        return False
    lead.dealer_told_at = timezone.now()
    lead.save(update_fields=["dealer_told_at"])
    notify(
        event="lead.received",
        recipients=[lead.dealer],
        context={
            "lead": lead,
            "vehicle": lead.vehicle,
            "destination_reasons": [stored_text_lazy(reason) for reason in lead.destination_reasons],
            "next_step": stored_text_lazy(lead.next_action["reason"]),
            "lead_url": f"{settings.SITE_URL}/api/v1/leads/{lead.pk}/",
        },
        related_object=lead,
    )
    return True


def _locked(lead: Lead) -> Lead:
    """The lead's row, locked for this transaction, so that two changes cannot interleave."""
    return Lead.objects.select_for_update().select_related("vehicle").get(pk=lead.pk)


@transaction.atomic
def lead_transition(*, lead: Lead, status: str, lost_reason: str = "", user: User | None = None) -> Lead:
    """Move a lead to `status` if LEAD_MOVES allows it; `lost` needs a reason. A refusal changes
    nothing."""
    lead = _locked(lead)
    if status not in LeadStatus.values:
        raise DomainError(gettext("Unknown status %(status)r.") % {"status": status}, field="status")
    if status == lead.status:
        raise InvalidTransition(
            gettext("The lead is already %(status)s.") % {"status": LeadStatus(status).label.lower()}, field="status"
        )
    transition_check(moves=LEAD_MOVES, choices=LeadStatus, current=lead.status, to=status)
    lost_reason = lost_reason.strip()
    if status == LeadStatus.LOST and not lost_reason:
        raise DomainError(gettext("Say why the lead was lost."), field="lost_reason")
    changes = {"status": [lead.status, status]}
    lead.status = status
    if status == LeadStatus.LOST:
        lead.lost_reason = lost_reason
        changes["lost_reason"] = ["", lost_reason]
    fields = lead_score_refresh(lead=lead)
    lead.save(update_fields=["status", "lost_reason", *fields])
    audit_record(action="lead.transition", instance=lead, user=user, changes=changes)
    return lead


@transaction.atomic
def lead_contact_log(
    *, lead: Lead, channel: str, note: str, contacted_at: datetime | None = None, user: User | None = None
) -> LeadContact:
    """Log a contact with the buyer. The latest contact time becomes the lead's last_contacted_at (a
    contact logged late for an earlier time does not move it back); the first contact on a new lead
    makes it contacted."""
    now = timezone.now()
    contacted_at = contacted_at or now
    if contacted_at > now + CONTACT_CLOCK_SKEW:
        raise DomainError(gettext("A contact cannot be logged in the future."), field="contacted_at")
    # Nor before the inquiry it answers: a contact that old would make a new lead look stalled at once.
    if contacted_at < lead.created_at - CONTACT_CLOCK_SKEW:
        raise DomainError(gettext("A contact cannot come before the lead came in."), field="contacted_at")
    lead = _locked(lead)
    if lead.status not in OPEN_STATUSES:
        raise InvalidTransition(
            gettext("The lead is %(status)s; contacts are logged on open leads only.")
            % {"status": LeadStatus(lead.status).label.lower()},
            field="non_field_errors",
        )
    contact = LeadContact.objects.create(
        lead=lead, channel=channel, note=note.strip(), contacted_at=contacted_at, contacted_by=user
    )
    changes = {"contact": contact.pk, "channel": channel}
    if lead.last_contacted_at is None or contacted_at > lead.last_contacted_at:
        changes["last_contacted_at"] = [_iso(lead.last_contacted_at), _iso(contacted_at)]
        lead.last_contacted_at = contacted_at
    if lead.status == LeadStatus.NEW:
        transition_check(moves=LEAD_MOVES, choices=LeadStatus, current=lead.status, to=LeadStatus.CONTACTED)
        changes["status"] = [lead.status, LeadStatus.CONTACTED]
        lead.status = LeadStatus.CONTACTED
    fields = lead_score_refresh(lead=lead, now=now)
    lead.save(update_fields=["last_contacted_at", "status", *fields])
    audit_record(action="lead.contact", instance=lead, user=user, changes=changes)
    return contact


@transaction.atomic
def lead_assign_broker(*, lead: Lead, broker: User | None, user: User | None = None) -> Lead:
    """Assign a broker to work the lead (None takes the assignment away)."""
    if broker is not None and (broker.role != Role.BROKER or not broker.is_active):
        raise DomainError(gettext("Choose an active broker account."), field="broker")
    lead = _locked(lead)
    if lead.status not in OPEN_STATUSES:
        raise InvalidTransition(
            gettext("The lead is %(status)s; brokers are assigned to open leads only.")
            % {"status": LeadStatus(lead.status).label.lower()},
            field="broker",
        )
    old_broker_id = lead.broker_id
    lead.broker = broker
    fields = lead_score_refresh(lead=lead)
    lead.save(update_fields=["broker", *fields])
    audit_record(
        action="lead.assign_broker",
        instance=lead,
        user=user,
        changes={"broker": [old_broker_id, broker.pk if broker is not None else None]},
    )
    return lead


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


@transaction.atomic
def lead_rescore(*, lead: Lead, user: User | None = None) -> Lead:
    """Recompute the score as of now (engagement and age decay with time)."""
    lead = _locked(lead)
    old_score = lead.score
    fields = lead_score_refresh(lead=lead)
    lead.save(update_fields=fields)
    if lead.score != old_score:
        audit_record(action="lead.rescore", instance=lead, user=user, changes={"score": [old_score, lead.score]})
    return lead


@transaction.atomic
def lead_follow_up(*, lead_id: int) -> bool:
    """Remind the dealer (and the assigned broker) of a stalled lead, once per stall. Returns whether
    a reminder went out; a second run finds the lead already followed up and sends nothing."""
    lead = Lead.objects.select_for_update(of=("self",)).select_related("vehicle", "dealer", "broker").get(pk=lead_id)
    if not Lead.objects.filter(pk=lead.pk).filter(pk__in=lead_stalled_ids_to_follow_up()).exists():
        return False
    lead.last_follow_up_at = timezone.now()
    lead.save(update_fields=["last_follow_up_at", "updated_at"])
    recipients = [user for user in (lead.dealer, lead.broker) if user is not None]
    notify(event="lead.follow_up", recipients=recipients, context={"lead": lead}, related_object=lead)
    return True


@transaction.atomic
def lead_inquirer_erase(*, user: User) -> int:
    """Blank what a person wrote and gave in their inquiries, and the notes taken on them, once their account
    is anonymized (privacy, which audits it): the leads stay in the dealers' pipelines under the account's
    pseudonym. Returns how many leads changed; a second run changes none."""
    leads = Lead.objects.filter(buyer=user).exclude(full_name=user.username, email=user.email, phone="", message="")
    LeadContact.objects.filter(lead__in=leads).exclude(note="").update(note="", updated_at=timezone.now())
    return leads.update(full_name=user.username, email=user.email, phone="", message="", updated_at=timezone.now())

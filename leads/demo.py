"""Demo leads for `seed_demo`: inquiries from the demo buyers (and a few visitors) on the demo
vehicles, at different stages, one of them refused by its destination and one stalled. Runs after the
vehicles seeder; each lead is recognised by its e-mail and message, so running it again adds nothing."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from leads.models import Lead, LeadStatus
from leads.services import lead_assign_broker, lead_contact_log, lead_create, lead_transition
from vehicles.models import Vehicle, VehicleStatus


@dataclass(frozen=True)
class DemoInquiry:
    dealer: str
    full_name: str
    email: str
    destination_country: str
    source: str
    message: str
    buyer: str = ""  # a demo buyer's username when signed in
    submitted_by_broker: bool = False
    oldest: bool = False  # on the dealer's oldest available car, rather than a recent one
    statuses: list[str] = field(default_factory=list)
    lost_reason: str = ""
    assign_broker: bool = False
    received_days_ago: int = 0


DEMO_BROKER = "broker_dakar"

DEMO_INQUIRIES = [
    DemoInquiry(
        dealer="dealer_halifax",
        buyer="buyer_abidjan",
        full_name="Kouamé Yao",
        email="kouame@example.ci",
        destination_country="CI",
        source="website",
        message="Bonjour, le véhicule est-il disponible ? Livraison à Abidjan.",
        statuses=["contacted"],
    ),
    DemoInquiry(
        dealer="dealer_montreal",
        buyer="buyer_abidjan",
        full_name="Kouamé Yao",
        email="kouame@example.ci",
        destination_country="CI",
        source="referral",
        message="Un ami m'a recommandé votre garage. Quel est le prix rendu Abidjan ?",
        oldest=True,  # older than Côte d'Ivoire's 5-year cap: refused, with similar cars offered
    ),
    DemoInquiry(
        dealer="dealer_montreal",
        buyer="buyer_lagos",
        full_name="Adaeze Okafor",
        email="adaeze@example.ng",
        destination_country="NG",
        source="whatsapp",
        message="Hello, can you share more photos and the shipping cost to Apapa?",
        statuses=["contacted", "qualified"],
        assign_broker=True,
    ),
    DemoInquiry(
        dealer="dealer_halifax",
        buyer="buyer_lagos",
        full_name="Adaeze Okafor",
        email="adaeze@example.ng",
        destination_country="NG",
        source="direct",
        message="Is the price negotiable?",
        statuses=["contacted", "lost"],
        lost_reason="Bought a cheaper car locally.",
    ),
    DemoInquiry(
        dealer="dealer_montreal",
        full_name="Wanjiru Kamau",
        email="wanjiru@example.ke",
        destination_country="KE",
        source="website",
        message="Can you ship this to Mombasa?",  # Kenya admits right-hand drive only: refused
    ),
    DemoInquiry(
        dealer="dealer_halifax",
        full_name="Ibrahima Ndiaye",
        email="ibrahima@example.sn",
        destination_country="SN",
        source="broker",
        message="Client of Teranga Brokers, ready to pay a deposit this week.",
        submitted_by_broker=True,
        statuses=["contacted", "qualified", "negotiating"],
    ),
    DemoInquiry(
        dealer="dealer_montreal",
        full_name="Moussa Traoré",
        email="moussa@example.ml",
        destination_country="ML",
        source="website",
        message="Prix pour Bamako via Dakar ?",
        received_days_ago=5,  # never answered: stalled
    ),
]


@transaction.atomic
def demo_leads_seed() -> str:
    users = {user.username: user for user in User.objects.filter(username__in=_usernames())}
    created = 0
    for index, inquiry in enumerate(DEMO_INQUIRIES):
        if Lead.objects.filter(email=inquiry.email, message=inquiry.message).exists():
            continue
        vehicle = _demo_vehicle(dealer=users.get(inquiry.dealer), index=index, oldest=inquiry.oldest)
        if vehicle is None:
            continue  # no demo vehicles: the vehicles seeder did not run
        _seed_one(inquiry=inquiry, vehicle=vehicle, users=users)
        created += 1
    total = Lead.objects.filter(email__in=[inquiry.email for inquiry in DEMO_INQUIRIES]).count()
    return f"{total} demo leads ({created} new)"


def _seed_one(*, inquiry: DemoInquiry, vehicle: Vehicle, users: dict) -> None:
    dealer, broker = vehicle.dealer, users.get(DEMO_BROKER)
    submitted_by = users.get(inquiry.buyer) or (broker if inquiry.submitted_by_broker else None)
    lead = lead_create(
        vehicle=vehicle,
        full_name=inquiry.full_name,
        email=inquiry.email,
        destination_country=inquiry.destination_country,
        source=inquiry.source,
        message=inquiry.message,
        submitted_by=submitted_by,
    )
    if inquiry.assign_broker and broker is not None:
        lead = lead_assign_broker(lead=lead, broker=broker, user=dealer)
    for status in inquiry.statuses:
        if status == LeadStatus.CONTACTED:
            lead_contact_log(
                lead=lead, channel="whatsapp", note="Answered with photos and a shipping quote.", user=dealer
            )
            lead.refresh_from_db()
        else:
            lead = lead_transition(lead=lead, status=status, lost_reason=inquiry.lost_reason, user=dealer)
    if inquiry.received_days_ago:
        # Demo history only: the lead arrived days ago and nobody answered.
        Lead.objects.filter(pk=lead.pk).update(created_at=timezone.now() - timedelta(days=inquiry.received_days_ago))


def _demo_vehicle(*, dealer: User | None, index: int, oldest: bool) -> Vehicle | None:
    if dealer is None:
        return None
    available = Vehicle.objects.filter(dealer=dealer, status=VehicleStatus.AVAILABLE)
    if oldest:
        return available.order_by("year", "id").first()
    recent = list(available.filter(year__gte=timezone.localdate().year - 4).order_by("id")[:20])
    return recent[index % len(recent)] if recent else available.order_by("id").first()


def _usernames() -> list[str]:
    names = {DEMO_BROKER}
    for inquiry in DEMO_INQUIRIES:
        names.update(name for name in (inquiry.dealer, inquiry.buyer) if name)
    return sorted(names)

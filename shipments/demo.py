"""Demo shipments for `seed_demo`: each paid or later demo deal gets its shipment, with a timeline
matching the deal's stage (a RoRo sailing from Halifax, or a container from Montréal). Runs after
the deals and documents seeders; a deal with a shipment is left alone."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.demo import DEMO_USERS
from deals.models import Deal, DealStatus
from shipments.models import ShipmentStatus
from shipments.ports import port_name
from shipments.services import shipment_create, shipment_record_event

TIMELINE = {
    DealStatus.PAID: [ShipmentStatus.AT_ORIGIN_PORT],
    DealStatus.IN_TRANSIT: [ShipmentStatus.AT_ORIGIN_PORT, ShipmentStatus.DEPARTED, ShipmentStatus.IN_TRANSIT],
    DealStatus.DELIVERED: list(ShipmentStatus)[1:],
    DealStatus.COMPLETED: list(ShipmentStatus)[1:],
}
# When each step happened, in days before now, for a deal whose shipment has gone that far.
DAYS_AGO = {
    ShipmentStatus.AT_ORIGIN_PORT: 26,
    ShipmentStatus.DEPARTED: 24,
    ShipmentStatus.IN_TRANSIT: 12,
    ShipmentStatus.ARRIVED: 4,
    ShipmentStatus.CUSTOMS_CLEARED: 2,
    ShipmentStatus.DELIVERED: 1,
}


@transaction.atomic
def demo_shipments_seed() -> str:
    demo_dealers = [spec["username"] for spec in DEMO_USERS if spec["role"] == "dealer"]
    deals = (
        Deal.objects.filter(dealer__username__in=demo_dealers, status__in=list(TIMELINE))
        .exclude(shipments__is_active=True)
        .select_related("dealer")
    )
    now = timezone.now()
    booked = 0
    for index, deal in enumerate(deals):
        steps = TIMELINE[deal.status]
        departed = ShipmentStatus.DEPARTED in steps
        by_container = index % 2 == 1
        shipment = shipment_create(
            deal=deal,
            user=deal.dealer,
            carrier="Grimaldi Lines" if not by_container else "CMA CGM",
            vessel="Grande Abidjan" if not by_container else "CMA CGM Tage",
            voyage=f"GAB{now:%y%m}",
            booking_number=f"DEMO-{deal.pk:05d}",
            is_roro=not by_container,
            container_number="CSQU3054383" if by_container else "",
            origin_port="CAHAL" if not by_container else "CAMTR",
            etd=now - timedelta(days=24) if departed else now + timedelta(days=5),
            eta=now - timedelta(days=4) if departed else now + timedelta(days=26),
            booked_at=now - timedelta(days=30) if departed else now - timedelta(days=1),
        )
        for status in steps:
            at_origin = status in (ShipmentStatus.AT_ORIGIN_PORT, ShipmentStatus.DEPARTED)
            port = shipment.origin_port if at_origin else shipment.destination_port
            shipment_record_event(
                shipment=shipment,
                status=status,
                occurred_at=now - timedelta(days=DAYS_AGO[status]) if departed else now - timedelta(hours=6),
                user=deal.dealer,
                location="Atlantic Ocean" if status == ShipmentStatus.IN_TRANSIT else port_name(port) or port,
            )
        booked += 1
    return f"shipments: {booked} booked"

"""Operations reports: shipments on time by route, the makes and models sold to each destination, and how
dealers answer their leads."""

from django.db import connection
from django.db.models import Count, F, Min, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django_countries import countries

from accounts.models import User
from deals.models import Deal, DealStatus
from leads.models import Lead, LeadContact, LeadStatus
from nzila_export.periods import Period
from reports.scopes import ReportScope
from reports.selectors.figures import days, share
from shipments.models import ARRIVED_OR_LATER, Shipment, ShipmentEvent

TOP_VEHICLES_DEFAULT, TOP_VEHICLES_MAX = 5, 50


def report_shipments(*, scope: ReportScope, period: Period) -> dict:
    """The active shipments due (ETA) in the period, by route (origin and destination port): arrived on time
    (the first arrival event at or before the ETA), arrived late, overdue (not arrived, ETA passed) and still
    on the way; the on-time rate of those arrived or overdue."""
    shipments = Shipment.objects.filter(scope.deals("deal__"), period.moments("eta"), is_active=True)
    # The shipments of the report with an arrival at or before their ETA, as one set the database hashes once
    # (not a probe of the timeline per shipment).
    arrived_on_time = ShipmentEvent.objects.filter(
        scope.deals("shipment__deal__"), period.moments("shipment__eta"), shipment__is_active=True,
        status__in=ARRIVED_OR_LATER, occurred_at__lte=F("shipment__eta"),
    ).values("shipment_id")  # fmt: skip
    not_arrived = ~Q(status__in=ARRIVED_OR_LATER)
    now = timezone.now()
    rows = (
        shipments.values("origin_port", "destination_port")
        .annotate(
            shipments=Count("id"),
            arrived=Count("id", filter=Q(status__in=ARRIVED_OR_LATER)),
            on_time=Count("id", filter=Q(pk__in=arrived_on_time)),
            overdue=Count("id", filter=not_arrived & Q(eta__lt=now)),
        )
        .order_by("origin_port", "destination_port")
    )
    routes = []
    for row in rows:
        late = row["arrived"] - row["on_time"]
        routes.append({
            "origin_port": row["origin_port"], "destination_port": row["destination_port"],
            "shipments": row["shipments"], "on_time": row["on_time"], "late": late, "overdue": row["overdue"],
            "on_the_way": row["shipments"] - row["arrived"] - row["overdue"],
            "on_time_rate": share(row["on_time"], row["arrived"] + row["overdue"]),
        })  # fmt: skip
    return {"routes": routes}


def report_top_vehicles(*, scope: ReportScope, period: Period, limit: int = TOP_VEHICLES_DEFAULT) -> dict:
    """For each destination country, the `limit` makes and models with the most deals opened in the period
    (cancelled ones left out), most first."""
    deals = Deal.objects.filter(scope.deals(), period.moments("created_at")).exclude(status=DealStatus.CANCELLED)
    rank = Window(
        RowNumber(),
        partition_by=F("destination_country"),
        order_by=[Count("id").desc(), F("vehicle__make"), F("vehicle__model")],
    )
    rows = (
        deals.values("destination_country", make=F("vehicle__make"), model=F("vehicle__model"))
        .annotate(deals=Count("id"))
        .annotate(rank=rank)
        .filter(rank__lte=limit)
        .order_by("destination_country", "rank")
    )
    return {
        "limit": limit,
        "rows": [
            {
                "destination_country": row["destination_country"],
                "destination_name": countries.name(row["destination_country"]),
                "rank": row["rank"],
                "make": row["make"],
                "model": row["model"],
                "deals": row["deals"],
            }
            for row in rows
        ],
    }


# Each lead of the report beside its first contact. The first contacts are one grouped pass over the contacts
# (lead_contact_lead_time_idx), joined by hash: a probe per lead costs twice as much on 150,000 leads. A
# lead's contacts come after it arrived, so those before the period are left out without reading its leads.
DEALER_LEADS = """
    SELECT leads.dealer_id, count(*), count(leads.last_contacted_at),
           extract(epoch FROM avg(first_contacts.first_at - leads.created_at)),
           count(*) FILTER (WHERE leads.status = %s)
    FROM ({leads}) AS leads LEFT JOIN ({first_contacts}) AS first_contacts ON first_contacts.lead_id = leads.id
    GROUP BY leads.dealer_id
"""


def _dealer_leads(*, scope: ReportScope, period: Period) -> list[tuple]:
    """(dealer id, leads, answered, average seconds to the first contact, converted) of each dealer."""
    leads = (
        Lead.objects.filter(scope.deals(), period.moments("created_at"))
        .values("id", "dealer_id", "created_at", "last_contacted_at", "status")
        .order_by()
    )
    first_contacts = (
        LeadContact.objects.filter(scope.deals("lead__"), contacted_at__gte=period.starts_at)
        .values("lead_id")
        .annotate(first_at=Min("contacted_at"))
        .order_by()
    )
    leads_sql, leads_params = leads.query.sql_with_params()
    contacts_sql, contacts_params = first_contacts.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            DEALER_LEADS.format(leads=leads_sql, first_contacts=contacts_sql),
            [LeadStatus.CONVERTED, *leads_params, *contacts_params],
        )
        return cursor.fetchall()


def report_dealers(*, scope: ReportScope, period: Period) -> dict:
    """Each dealer's leads received in the period: how many were answered (a contact recorded), the average
    time to the first contact, how many converted and the rate; and its deals opened and completed. Grouped by
    the dealer's id alone (its names come after, for the few dealers found): a group key of joined columns
    makes the database sort every lead."""
    deals = (
        Deal.objects.filter(scope.deals(), period.moments("created_at"))
        .values("dealer_id")
        .annotate(deals_opened=Count("id"), deals_completed=Count("id", filter=Q(status=DealStatus.COMPLETED)))
        .order_by()
    )
    dealers: dict[int, dict] = {}

    def dealer(dealer_id: int) -> dict:
        return dealers.setdefault(dealer_id, {
            "dealer": dealer_id, "dealer_name": "", "leads": 0, "answered": 0, "average_response_days": None,
            "converted": 0, "conversion_rate": None, "deals_opened": 0, "deals_completed": 0,
        })  # fmt: skip

    for dealer_id, leads, answered, seconds, converted in _dealer_leads(scope=scope, period=period):
        dealer(dealer_id).update(
            leads=leads, answered=answered, average_response_days=days(seconds), converted=converted,
            conversion_rate=share(converted, leads),
        )  # fmt: skip
    for row in deals:
        dealer(row["dealer_id"]).update(deals_opened=row["deals_opened"], deals_completed=row["deals_completed"])
    names = User.objects.filter(pk__in=dealers).values_list("pk", "company_name", "username")
    for pk, company_name, username in names:
        dealers[pk]["dealer_name"] = company_name or username
    ordered = sorted(dealers.values(), key=lambda row: (-row["leads"], -row["deals_opened"], row["dealer"]))
    return {"dealers": ordered}

"""What the lead conversion model knows about a lead, as of the moment it predicts.

The model is asked about an OPEN lead, at any moment of its life (when the dealer opens the list): the
prediction moment `t` is "now" when serving. Every feature is what is known at `t`, nothing later:

- the lead: its source, whether a broker works it, the hour and weekday it came in (Toronto time);
- the car: its price in CAD, age (the year the lead came in minus the model year), mileage, condition,
  province, make and model, and when it was listed (the model compares the price with similar cars);
- the buyer's history: deals the buyer opened before `t`, and the buyer's other inquiries sent before `t`
  (none for a lead without an account);
- the destination: whether its import rule admitted the car when the lead came in, and the country;
- the dealer's answer: whether the dealer had answered by `t` (its first logged contact), after how many
  hours if so, and how long the lead had been waiting at `t` (capped at WAITED_HOURS_CAP): a lead not yet
  answered two hours in is not a lead the dealer never answers, but one still unanswered after days is.

Training rows are closed leads (converted or lost), each seen once at a moment drawn uniformly while it was
still open (from its creation to when it closed, at most WAITED_HOURS_CAP later), with the features as they
were then: so the model learns what it is asked, the chance of a lead still open at that point. A closed
lead's `updated_at` is taken as when it closed (closing is the last change of a lead)."""

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import numpy as np
from django.conf import settings
from django.db.models import Count, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce

from deals.models import Deal, DealStatus
from leads.models import Lead, LeadContact, LeadStatus

WAITED_HOURS_CAP = 7 * 24.0
LISTING_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
YEAR_SECONDS = 365.25 * 86_400
# Seconds since the epoch stay below 1e10 until 2286: a buyer's index times this, plus a time, sorts every
# event by buyer then time in one float array (exact below 2**53, about 900,000 buyers).
BUYER_STRIDE = 1e10

NUMERIC = (
    "price_cad", "age_years", "mileage_km", "listed_years", "buyer_deals_before", "buyer_leads_before",
    "destination_allowed", "broker_assigned", "answered", "answer_hours", "waited_hours", "hour", "weekday",
)  # fmt: skip
CATEGORICAL = ("source", "destination_country", "condition", "province", "make_model")
LEAD_FIELDS = (
    "id", "buyer_id", "created_at", "source", "broker_id", "destination_country", "destination_allowed",
    "vehicle__price_cad", "vehicle__year", "vehicle__mileage_km", "vehicle__condition", "vehicle__province",
    "vehicle__make", "vehicle__model", "vehicle__published_at", "vehicle__created_at",
)  # fmt: skip


@dataclass
class LeadRows:
    """Leads as named parallel columns (floats, NaN when unknown; categories as strings), with the moment each
    is seen at and, for training rows, whether it converted."""

    columns: dict[str, np.ndarray]
    seen_at: np.ndarray  # seconds since the Unix epoch
    converted: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    def __len__(self) -> int:
        return len(self.seen_at)

    def subset(self, rows) -> "LeadRows":
        return LeadRows(
            {name: values[rows] for name, values in self.columns.items()},
            self.seen_at[rows],
            self.converted[rows] if len(self.converted) else self.converted,
        )


def _seconds(moment: datetime | None) -> float:
    return moment.timestamp() if moment is not None else math.nan


def _counts_before(events: list[tuple[int, float]], *, buyers: np.ndarray, moments: np.ndarray) -> np.ndarray:
    """For each (buyer index, moment), how many of the `events` (buyer index, seconds) came before it."""
    if not events:
        return np.zeros(len(buyers))
    keys = np.sort(np.array([buyer * BUYER_STRIDE + at for buyer, at in events]))
    known = buyers >= 0
    counts = np.zeros(len(buyers))
    counts[known] = np.searchsorted(keys, buyers[known] * BUYER_STRIDE + moments[known], side="left") - np.searchsorted(
        keys, buyers[known] * BUYER_STRIDE, side="left"
    )
    return counts


def _lead_columns(values: list[tuple], *, seen_at: np.ndarray, first_contact: np.ndarray) -> dict[str, np.ndarray]:
    """The columns of leads given as LEAD_FIELDS tuples, seen at `seen_at`, first answered at `first_contact`
    (NaN: never); the buyer history columns are filled by the caller."""
    zone = ZoneInfo(settings.TIME_ZONE)
    created = np.array([_seconds(row[2]) for row in values])
    local = [row[2].astimezone(zone) for row in values]
    answered = first_contact <= seen_at  # NaN compares False
    listed = np.array([_seconds(row[14] or row[15]) for row in values])
    allowed = np.array([math.nan if row[6] is None else float(row[6]) for row in values])
    return {
        "price_cad": np.array([math.nan if row[7] is None else float(row[7]) for row in values]),
        "age_years": np.array([moment.year - row[8] for moment, row in zip(local, values, strict=True)], dtype=float),
        "mileage_km": np.array([row[9] for row in values], dtype=float),
        "listed_years": (listed - LISTING_EPOCH.timestamp()) / YEAR_SECONDS,
        "destination_allowed": allowed,
        "broker_assigned": np.array([row[4] is not None for row in values], dtype=float),
        "answered": answered.astype(float),
        "answer_hours": np.where(answered, (first_contact - created) / 3600, np.nan),
        "waited_hours": np.minimum((seen_at - created) / 3600, WAITED_HOURS_CAP),
        "hour": np.array([moment.hour for moment in local], dtype=float),
        "weekday": np.array([moment.weekday() for moment in local], dtype=float),
        "source": np.array([row[3] for row in values], dtype=object),
        "destination_country": np.array([str(row[5]) for row in values], dtype=object),
        "condition": np.array([row[10] for row in values], dtype=object),
        "province": np.array([row[11] for row in values], dtype=object),
        "make_model": np.array([f"{row[12]} {row[13]}".lower() for row in values], dtype=object),
    }


def training_rows_load(*, seed: int = 16) -> LeadRows:
    """Every closed lead with a price in CAD, seen at a moment drawn while it was open (see the module)."""
    closed = (
        Lead.objects.filter(status__in=(LeadStatus.CONVERTED, LeadStatus.LOST), vehicle__price_cad__isnull=False)
        .annotate(first_contact=Min("contacts__contacted_at"))
        .order_by("created_at", "id")
        .values_list(*LEAD_FIELDS, "updated_at", "status", "first_contact")
    )
    values = list(closed)
    created = np.array([_seconds(row[2]) for row in values])
    closed_at = np.array([_seconds(row[-3]) for row in values])
    open_for = np.clip(closed_at - created, 0, WAITED_HOURS_CAP * 3600)
    seen_at = created + np.random.default_rng(seed).random(len(values)) * open_for
    first_contact = np.array([_seconds(row[-1]) for row in values])
    columns = _lead_columns(values, seen_at=seen_at, first_contact=first_contact)
    buyer_ids = sorted({row[1] for row in values if row[1] is not None})
    index = {buyer: number for number, buyer in enumerate(buyer_ids)}
    buyers = np.array([index.get(row[1], -1) for row in values])
    deals = [
        (index[buyer], _seconds(at))
        for buyer, at in Deal.objects.values_list("buyer_id", "created_at")
        if buyer in index
    ]
    leads = [
        (index[buyer], _seconds(at))
        for buyer, at in Lead.objects.values_list("buyer_id", "created_at")
        if buyer in index
    ]
    columns["buyer_deals_before"] = _counts_before(deals, buyers=buyers, moments=seen_at)
    # Inquiries sent before `t`, less this one (sent at or before `t`).
    columns["buyer_leads_before"] = np.maximum(_counts_before(leads, buyers=buyers, moments=seen_at + 1e-3) - 1, 0)
    # For the split and the rule, not inputs of the model.
    columns["closed_at"] = closed_at
    completed = Deal.objects.filter(status=DealStatus.COMPLETED).values_list("buyer_id", "status_changed_at")
    columns["buyer_completed_deals_before"] = _counts_before(
        [(index[buyer], _seconds(at)) for buyer, at in completed if buyer in index], buyers=buyers, moments=seen_at
    )
    converted = np.array([row[-2] == LeadStatus.CONVERTED for row in values], dtype=bool)
    return LeadRows(columns, seen_at, converted)


def serving_rows_load(*, leads: list[Lead], now: datetime) -> LeadRows:
    """The rows of `leads` (their vehicles loaded) seen at `now`: one query for their first answers and their
    buyers' histories, whatever their number."""
    earlier_leads = (
        Lead.objects.filter(buyer=OuterRef("buyer"), created_at__lte=now)
        .exclude(pk=OuterRef("pk"))
        .values("buyer")
        .annotate(count=Count("pk"))
        .values("count")
    )
    deals_before = (
        Deal.objects.filter(buyer=OuterRef("buyer"), created_at__lt=now)
        .values("buyer")
        .annotate(count=Count("pk"))
        .values("count")
    )
    first_contact = LeadContact.objects.filter(lead=OuterRef("pk")).order_by("contacted_at").values("contacted_at")[:1]
    known = {
        row["pk"]: row
        for row in Lead.objects.filter(pk__in=[lead.pk for lead in leads])
        .annotate(
            first_contact=Subquery(first_contact),
            buyer_deals=Coalesce(Subquery(deals_before), 0),
            buyer_leads=Coalesce(Subquery(earlier_leads), 0),
        )
        .values("pk", "first_contact", "buyer_deals", "buyer_leads")
    }
    values = [tuple(_lead_value(lead, name) for name in LEAD_FIELDS) for lead in leads]
    seen_at = np.full(len(leads), now.timestamp())
    first = np.array([_seconds(known[lead.pk]["first_contact"]) for lead in leads])
    columns = _lead_columns(values, seen_at=seen_at, first_contact=first)
    has_buyer = np.array([lead.buyer_id is not None for lead in leads])
    columns["buyer_deals_before"] = np.where(has_buyer, [known[lead.pk]["buyer_deals"] for lead in leads], 0.0)
    columns["buyer_leads_before"] = np.where(has_buyer, [known[lead.pk]["buyer_leads"] for lead in leads], 0.0)
    return LeadRows(columns, seen_at)


def _lead_value(lead: Lead, name: str):
    target = lead
    for part in name.split("__"):
        target = getattr(target, part)
    return target

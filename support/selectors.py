"""Every non-trivial read of the support desk: whose tickets a caller sees, what is overdue, the metrics
against the targets, and the FAQ in the caller's language."""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parseaddr

from django.db.models import Aggregate, BooleanField, Case, Count, DurationField, F, Q, QuerySet, Value, When
from django.db.models import ExpressionWrapper as Expression

from deals.selectors import deal_list_visible_to
from payments.selectors import payment_list_visible_to
from shipments.selectors import shipment_list_visible_to
from support.models import UNRESOLVED_STATUSES, FaqEntry, Ticket, TicketMessage
from support.reply_addresses import ticket_id_of_reply_address

VISIBLE_OBJECTS = {
    "deal": deal_list_visible_to,
    "payment": payment_list_visible_to,
    "shipment": shipment_list_visible_to,
}


def ticket_object_is_visible(*, kind: str, object_id: int, user) -> bool:
    """Whether `user` takes part in the deal, payment or shipment (the apps' own visibility rules)."""
    return VISIBLE_OBJECTS[kind](user=user).filter(pk=object_id).exists()


def ticket_overdue_condition(*, now: datetime) -> Q:
    """An unresolved ticket past its resolution target, or still without a first response past that target."""
    return Q(status__in=UNRESOLVED_STATUSES) & (
        Q(resolution_due_at__lt=now) | Q(first_response_at__isnull=True, first_response_due_at__lt=now)
    )


def ticket_list_visible_to(*, user, now: datetime) -> QuerySet[Ticket]:
    """Staff see every ticket; anyone else the tickets it opened. Each carries `is_overdue`."""
    tickets = Ticket.objects.select_related("opened_by", "assigned_to")
    if not user.is_platform_staff:
        tickets = tickets.filter(opened_by=user)
    return tickets.annotate(
        is_overdue=Case(
            When(ticket_overdue_condition(now=now), then=Value(True)), default=Value(False), output_field=BooleanField()
        )
    )


def ticket_messages_visible_to(*, ticket: Ticket, user) -> QuerySet[TicketMessage]:
    """The conversation; internal notes for staff only."""
    messages = ticket.messages.select_related("author").order_by("created_at", "id")
    return messages if user.is_platform_staff else messages.filter(is_internal=False)


# "#123" or "# 123" in a message names ticket 123.
TICKET_NUMBER = re.compile(r"#\s?(\d{1,9})\b")


def ticket_for_whatsapp_message(*, phone: str, text: str) -> Ticket | None:
    """The ticket a WhatsApp message from `phone` (E.164) writes on, among the tickets opened by the active
    accounts with that number: the one its text names ("#123"), else the only unresolved one. None for an
    unknown number, or when the text names none of them and none or several are unresolved."""
    tickets = Ticket.objects.select_related("opened_by", "assigned_to").filter(
        opened_by__phone=phone, opened_by__is_active=True
    )
    named = {int(number) for number in TICKET_NUMBER.findall(text)}
    if named:
        matching = list(tickets.filter(pk__in=named)[:2])
        if len(matching) == 1:
            return matching[0]
    unresolved = list(tickets.filter(status__in=UNRESOLVED_STATUSES)[:2])
    return unresolved[0] if len(unresolved) == 1 else None


def ticket_for_email_reply(*, recipient: str, sender: str) -> Ticket | None:
    """The ticket whose reply address (support.reply_addresses) an e-mail was sent to, when its sender (the
    SMTP MAIL FROM) is the address of the ticket's active opener; None otherwise."""
    ticket_id = ticket_id_of_reply_address(recipient)
    sender_address = parseaddr(sender)[1].lower()
    if ticket_id is None or not sender_address:
        return None
    ticket = (
        Ticket.objects.select_related("opened_by", "assigned_to")
        .filter(pk=ticket_id, opened_by__is_active=True)
        .first()
    )
    return ticket if ticket is not None and ticket.opened_by.email.lower() == sender_address else None


class Percentile(Aggregate):
    """PostgreSQL's percentile_cont: the continuous percentile (interpolated between the two nearest values)
    of a column, NULLs left out; on an interval it answers an interval."""

    function = "percentile_cont"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()

    def __init__(self, expression, *, fraction: float, **extra):
        super().__init__(expression, fraction=float(fraction), **extra)


@dataclass(frozen=True)
class TargetMetrics:
    measured: int
    median_hours: float | None
    p90_hours: float | None
    within_target: int
    missed_target: int

    @property
    def within_target_share(self) -> float | None:
        counted = self.within_target + self.missed_target
        return round(self.within_target / counted, 4) if counted else None


def _hours(duration: timedelta | None) -> float | None:
    return round(duration.total_seconds() / 3600, 2) if duration is not None else None


def support_metrics(*, start: datetime, end: datetime, now: datetime) -> dict:
    """First-response and resolution times of the tickets opened in [start, end): the median and 90th
    percentile (hours, interpolated) of those answered or resolved, and the share within target, counting
    as missed both a late one and one still waiting past its target."""
    tickets = Ticket.objects.filter(created_at__gte=start, created_at__lt=end)
    response = Expression(F("first_response_at") - F("created_at"), output_field=DurationField())
    resolution = Expression(F("resolved_at") - F("created_at"), output_field=DurationField())
    figures = tickets.aggregate(
        opened=Count("id"),
        responded=Count("id", filter=Q(first_response_at__isnull=False)),
        response_median=Percentile(response, fraction=0.5),
        response_p90=Percentile(response, fraction=0.9),
        response_within=Count("id", filter=Q(first_response_at__lte=F("first_response_due_at"))),
        response_missed=Count(
            "id",
            filter=Q(first_response_at__gt=F("first_response_due_at"))
            | Q(first_response_at__isnull=True, first_response_due_at__lt=now),
        ),
        resolved=Count("id", filter=Q(resolved_at__isnull=False)),
        resolution_median=Percentile(resolution, fraction=0.5),
        resolution_p90=Percentile(resolution, fraction=0.9),
        resolution_within=Count("id", filter=Q(resolved_at__lte=F("resolution_due_at"))),
        resolution_missed=Count(
            "id",
            filter=Q(resolved_at__gt=F("resolution_due_at")) | Q(resolved_at__isnull=True, resolution_due_at__lt=now),
        ),
    )

    def metrics(prefix: str, measured: str) -> dict:
        result = TargetMetrics(
            measured=figures[measured],
            median_hours=_hours(figures[f"{prefix}_median"]),
            p90_hours=_hours(figures[f"{prefix}_p90"]),
            within_target=figures[f"{prefix}_within"],
            missed_target=figures[f"{prefix}_missed"],
        )
        return {**result.__dict__, "within_target_share": result.within_target_share}

    return {
        "start": start,
        "end": end,
        "tickets_opened": figures["opened"],
        "first_response": metrics("response", "responded"),
        "resolution": metrics("resolution", "resolved"),
    }


def faq_entries_published(*, language: str, category: str = "") -> list[dict]:
    """The published FAQ in `language` (French when it starts with fr, else English); a French text left
    empty falls back to the English one."""
    entries = FaqEntry.objects.filter(is_published=True).order_by("category", "order", "id")
    if category:
        entries = entries.filter(category=category)
    french = (language or "").startswith("fr")
    return [
        {
            "id": entry.pk,
            "category": entry.category,
            "category_label": entry.get_category_display(),
            "question": (entry.question_fr if french else "") or entry.question_en,
            "answer": (entry.answer_fr if french else "") or entry.answer_en,
        }
        for entry in entries
    ]

"""Every write of the support desk: opening a ticket, its conversation and attachments, assignment, and the
one service that sets a ticket's status (`ticket_transition`), each audited. Staff hear of a new ticket and of
its opener's messages; the opener hears of staff's replies, and may answer them by e-mail or on WhatsApp
(support.inbound)."""

import hashlib
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext

from accounts.selectors import staff_list_active
from audit.services import audit_record
from documents.filetypes import STORED_EXTENSION, InvalidDocumentFile, file_format_detect
from notifications.services import notify
from nzila_export.exceptions import Conflict, DomainError, Forbidden
from nzila_export.transitions import transition_check
from support.models import (
    TICKET_MOVES,
    MessageVia,
    Ticket,
    TicketAttachment,
    TicketMessage,
    TicketPriority,
    TicketStatus,
)
from support.reply_addresses import ticket_reply_address
from support.selectors import ticket_object_is_visible


class TicketClosed(Conflict):
    code = "ticket_closed"


def _is_staff(user) -> bool:
    return bool(user.is_platform_staff)


@transaction.atomic
def ticket_open(
    *,
    user,
    subject: str,
    category: str,
    body: str,
    priority: str = TicketPriority.NORMAL,
    deal=None,
    payment=None,
    shipment=None,
) -> Ticket:
    """Open a ticket about exactly one deal, payment or shipment the user takes part in, with its first
    message. Its first-response and resolution targets are fixed now, from its priority."""
    named = [name for name, value in (("deal", deal), ("payment", payment), ("shipment", shipment)) if value]
    if len(named) != 1:
        raise DomainError(gettext("Name exactly one deal, payment or shipment the ticket is about."))
    concerned = {"deal": deal, "payment": payment, "shipment": shipment}[named[0]]
    if not ticket_object_is_visible(kind=named[0], object_id=concerned.pk, user=user):
        raise DomainError(
            gettext("You can open a ticket only on a deal, payment or shipment you take part in."), field=named[0]
        )
    now = timezone.now()
    ticket = Ticket.objects.create(
        opened_by=user,
        subject=subject,
        category=category,
        priority=priority,
        deal=deal,
        payment=payment,
        shipment=shipment,
        first_response_due_at=now + timedelta(hours=settings.SUPPORT_FIRST_RESPONSE_TARGET_HOURS[priority]),
        resolution_due_at=now + timedelta(hours=settings.SUPPORT_RESOLUTION_TARGET_HOURS[priority]),
    )
    TicketMessage.objects.create(ticket=ticket, author=user, body=body)
    audit_record(
        action="support.ticket_open",
        instance=ticket,
        user=user,
        changes={"status": ticket.status, "priority": priority, named[0]: concerned.pk},
    )
    # A new ticket has no assignee yet: everyone who runs the platform hears of it (as of the other staff
    # alerts); its assignee, once there is one, hears of the opener's next messages (ticket_message_add).
    notify(
        event="support.ticket_opened",
        recipients=staff_list_active().exclude(pk=user.pk),
        context={"ticket": ticket, "opener": user, "message": body},
        related_object=ticket,
    )
    return ticket


def _ticket_lock(ticket: Ticket) -> Ticket:
    return Ticket.objects.select_for_update().get(pk=ticket.pk)


def _status_set(*, ticket: Ticket, to: str, user) -> None:
    """Move a locked ticket (the table's check, the timestamps, the audit record)."""
    transition_check(moves=TICKET_MOVES, choices=TicketStatus, current=ticket.status, to=to)
    now = timezone.now()
    previous = ticket.status
    ticket.status = to
    ticket.status_changed_at = now
    if to == TicketStatus.OPEN:  # reopened: it is unresolved again, and its resolution time runs on
        ticket.resolved_at = None
        ticket.closed_at = None
    elif to in (TicketStatus.RESOLVED, TicketStatus.CLOSED) and ticket.resolved_at is None:
        ticket.resolved_at = now
    if to == TicketStatus.CLOSED:
        ticket.closed_at = now
    ticket.save(update_fields=["status", "status_changed_at", "resolved_at", "closed_at", "updated_at"])
    audit_record(action="support.ticket_status", instance=ticket, user=user, changes={"status": [previous, to]})


def _opener_may_move(*, ticket: Ticket, to: str) -> bool:
    if to == TicketStatus.CLOSED:
        return True
    if to == TicketStatus.OPEN and ticket.status == TicketStatus.RESOLVED:
        return True
    if to == TicketStatus.OPEN and ticket.status == TicketStatus.CLOSED:
        return ticket.closed_at is not None and timezone.now() - ticket.closed_at <= timedelta(
            days=settings.SUPPORT_REOPEN_DAYS
        )
    return False


@transaction.atomic
def ticket_transition(*, ticket: Ticket, to: str, user) -> Ticket:
    """The one place a ticket's status is set. Staff make any move of TICKET_MOVES; the opener closes its
    ticket, reopens a resolved one, and reopens a closed one within SUPPORT_REOPEN_DAYS of its closing."""
    ticket = _ticket_lock(ticket)
    if not _is_staff(user):
        if ticket.opened_by_id != user.pk:
            raise Forbidden(gettext("Only staff or the person who opened a ticket change its status."))
        if not _opener_may_move(ticket=ticket, to=to):
            if to == TicketStatus.OPEN and ticket.status == TicketStatus.CLOSED:
                raise Conflict(
                    gettext("A closed ticket can be reopened for %(days)s days; open a new ticket instead.")
                    % {"days": settings.SUPPORT_REOPEN_DAYS},
                    field="status",
                )
            raise Forbidden(gettext("You may close your ticket or reopen it; staff make the other moves."))
    _status_set(ticket=ticket, to=to, user=user)
    return ticket


@transaction.atomic
def ticket_assign(*, ticket: Ticket, assignee, user) -> Ticket:
    """Staff: give the ticket to a staff member (or to nobody, with None)."""
    ticket = _ticket_lock(ticket)
    if assignee is not None and not _is_staff(assignee):
        raise DomainError(gettext("Tickets are assigned to staff only."), field="assigned_to")
    previous = ticket.assigned_to_id
    if previous == (assignee.pk if assignee else None):
        return ticket
    ticket.assigned_to = assignee
    ticket.save(update_fields=["assigned_to", "updated_at"])
    audit_record(
        action="support.ticket_assign",
        instance=ticket,
        user=user,
        changes={"assigned_to": [previous, assignee.pk if assignee else None]},
    )
    return ticket


@transaction.atomic
def ticket_message_add(
    *,
    ticket: Ticket,
    author,
    body: str,
    is_internal: bool = False,
    via: str = MessageVia.APP,
    external_id: str = "",
) -> TicketMessage:
    """Add a message to the conversation. A staff reply (not an internal note) is the first response if
    none came before, moves an open ticket to in progress, and reaches the opener in the app, by e-mail (its
    Reply-To the ticket's reply address) and on WhatsApp; the opener's message puts a ticket waiting on them
    back in progress, reopens a resolved one, and reaches the ticket's assignee.

    A message that came by e-mail or WhatsApp carries the provider's `external_id`: the same one again (a
    replayed event) returns the message added the first time, and adds nothing."""
    ticket = _ticket_lock(ticket)
    if external_id:
        added = TicketMessage.objects.filter(external_id=external_id).first()
        if added is not None:
            return added
    staff = _is_staff(author)
    if is_internal and not staff:
        raise DomainError(gettext("Only staff write internal notes."), field="is_internal")
    if ticket.status == TicketStatus.CLOSED:
        raise TicketClosed(gettext("This ticket is closed; reopen it to write on it."))
    message = TicketMessage.objects.create(
        ticket=ticket, author=author, body=body, is_internal=is_internal, via=via, external_id=external_id
    )
    if is_internal:
        return message
    if staff and author.pk != ticket.opened_by_id:
        if ticket.first_response_at is None:
            ticket.first_response_at = message.created_at
            ticket.save(update_fields=["first_response_at", "updated_at"])
        if ticket.status == TicketStatus.OPEN:
            _status_set(ticket=ticket, to=TicketStatus.IN_PROGRESS, user=author)
        notify(
            event="support.reply",
            recipients=[ticket.opened_by],
            context={
                "ticket": ticket,
                "reply": body,
                "ticket_number": ticket.pk,
                "reply_to": ticket_reply_address(ticket_id=ticket.pk),
            },
            related_object=ticket,
        )
        return message
    if ticket.status == TicketStatus.WAITING_ON_CUSTOMER:
        _status_set(ticket=ticket, to=TicketStatus.IN_PROGRESS, user=author)
    elif ticket.status == TicketStatus.RESOLVED:
        _status_set(ticket=ticket, to=TicketStatus.OPEN, user=author)
    if ticket.assigned_to_id and ticket.assigned_to_id != author.pk:
        notify(
            event="support.customer_replied",
            recipients=[ticket.assigned_to],
            context={"ticket": ticket, "opener": author, "message": body, "via": via},
            related_object=ticket,
        )
    return message


@transaction.atomic
def ticket_attachment_add(*, ticket: Ticket, user, content: bytes, original_name: str) -> TicketAttachment:
    """Store a file on the ticket privately: PDF, JPEG or PNG by its bytes (documents.filetypes), at most
    SUPPORT_ATTACHMENT_MAX_BYTES, under a name of ours."""
    ticket = _ticket_lock(ticket)
    if ticket.status == TicketStatus.CLOSED:
        raise TicketClosed(gettext("This ticket is closed; reopen it to write on it."))
    limit = settings.SUPPORT_ATTACHMENT_MAX_BYTES
    if len(content) > limit:
        raise InvalidDocumentFile(
            gettext("An attachment is at most %(megabytes)s MB; this file is %(size)s MB.")
            % {
                "megabytes": formats.number_format(limit / 1024 / 1024, decimal_pos=0),
                "size": formats.number_format(len(content) / 1024 / 1024, decimal_pos=1),
            }
        )
    file_format = file_format_detect(content=content, name=original_name)
    attachment = TicketAttachment(
        ticket=ticket,
        uploaded_by=user,
        original_name=(original_name or "attachment")[:255],
        content_type=file_format,
        size_bytes=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    attachment.file.save(f"{uuid.uuid4().hex}.{STORED_EXTENSION[file_format]}", ContentFile(content), save=False)
    attachment.save()
    audit_record(
        action="support.attachment_add",
        instance=ticket,
        user=user,
        changes={"attachment": attachment.pk, "sha256": attachment.sha256, "size_bytes": attachment.size_bytes},
    )
    return attachment

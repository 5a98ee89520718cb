"""The opener writes on its ticket from outside the app: by answering the e-mail that brought a staff reply
(its Reply-To is the ticket's reply address, support.reply_addresses) or on WhatsApp. notifications announces
each verified inbound message from the webhook inbox's worker (notifications.hooks); these listeners,
registered in SupportConfig.ready, find the ticket and add the message through ticket_message_add, as the API
would (its status moves, its assignee is told, the opener's own status rules hold).

Each returns where the message went, or None when it is not for the support desk (an unknown number or
address, no ticket to write on, a closed ticket, an empty message): the inbox then records the event as
ignored. A message is added once: replayed, its provider's id finds the message added the first time.
"""

from datetime import datetime

from support.models import MessageVia, Ticket
from support.selectors import ticket_for_email_reply, ticket_for_whatsapp_message
from support.services import TicketClosed, ticket_message_add

# As long as a message written in the app may be (support.api.serializers).
MESSAGE_MAX_LENGTH = 10_000


def whatsapp_message_take(*, phone: str, text: str, message_id: str, received_at: datetime) -> str | None:
    """A WhatsApp message from an opener's phone: on the ticket its text names ("#123"), else on its only
    unresolved ticket (support.selectors.ticket_for_whatsapp_message)."""
    body = text.strip()[:MESSAGE_MAX_LENGTH]
    ticket = ticket_for_whatsapp_message(phone=phone, text=body) if body else None
    if ticket is None:
        return None
    return _message_add(ticket=ticket, body=body, via=MessageVia.WHATSAPP, external_id=f"whatsapp:{message_id}")


def email_reply_take(*, recipient: str, sender: str, text: str, message_id: str, received_at: datetime) -> str | None:
    """An e-mail to a ticket's reply address whose signature holds, from its opener's address; the quoted
    message and the signature were left out by Mailgun (stripped-text)."""
    body = text.strip()[:MESSAGE_MAX_LENGTH]
    ticket = ticket_for_email_reply(recipient=recipient, sender=sender) if body else None
    if ticket is None:
        return None
    return _message_add(ticket=ticket, body=body, via=MessageVia.EMAIL, external_id=f"email:{message_id}")


def _message_add(*, ticket: Ticket, body: str, via: str, external_id: str) -> str | None:
    try:
        ticket_message_add(ticket=ticket, author=ticket.opened_by, body=body, via=via, external_id=external_id[:255])
    except TicketClosed:  # the opener reopens it in the app (within SUPPORT_REOPEN_DAYS) or opens a new one
        return None
    return f"support.ticket:{ticket.pk}"

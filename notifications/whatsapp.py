"""What WhatsApp asks of a message, whichever provider carries it (Twilio or Meta's Cloud API).

WhatsApp allows free-form messages only within 24 hours of the person's last message to us; outside
that window it takes a pre-approved template. Each event that may go on WhatsApp names its template in
notifications/events.py; the text registered with Meta (and with Twilio's Content API) for each
template and language is kept in notifications/whatsapp_templates/<template>/<language>.txt, so that what
we submit for approval (category Utility) is reviewed here like any other message.

Every template takes the same two body parameters: {{1}} the notification's subject and {{2}} its short
text, each on one line (WhatsApp refuses a parameter with a new line, a tab or more than four spaces in
a row, error 132018). A template with a document header carries the message's PDF (an invoice).
https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates
"""

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from posixpath import basename
from urllib.parse import urlsplit

from django.utils import timezone

from notifications.events import EVENTS
from notifications.models import WhatsAppSession

WHATSAPP_SESSION_WINDOW = timedelta(hours=24)
TEMPLATE_LANGUAGES = ("en", "fr")
TEMPLATE_TEXTS = Path(__file__).resolve().parent / "whatsapp_templates"
# WhatsApp's limit on a template's body is 1,024 characters, the template's own text included.
PARAMETER_MAX_LENGTH = 600


@dataclass(frozen=True)
class WhatsAppTemplate:
    document_header: bool = False


WHATSAPP_TEMPLATES: dict[str, WhatsAppTemplate] = {
    "deal_update": WhatsAppTemplate(),
    "payment_update": WhatsAppTemplate(),
    "invoice_document": WhatsAppTemplate(document_header=True),
    "invoice_update": WhatsAppTemplate(),
    "lead_received": WhatsAppTemplate(),
    "document_rejected": WhatsAppTemplate(),
    "shipment_update": WhatsAppTemplate(),
    "shipment_delayed": WhatsAppTemplate(),
    "support_reply": WhatsAppTemplate(),
}


@dataclass(frozen=True)
class Document:
    link: str
    filename: str


def whatsapp_template_text(*, template: str, language: str) -> str:
    """The text registered for `template` in `language`; FileNotFoundError when there is none."""
    return (TEMPLATE_TEXTS / template / f"{language}.txt").read_text(encoding="utf-8").strip()


def whatsapp_session_is_open(phone: str) -> bool:
    return WhatsAppSession.objects.filter(
        phone=phone, last_inbound_at__gte=timezone.now() - WHATSAPP_SESSION_WINDOW
    ).exists()


def whatsapp_template_of(event: str) -> str:
    return EVENTS[event].whatsapp_template


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= PARAMETER_MAX_LENGTH else line[: PARAMETER_MAX_LENGTH - 1] + "…"


def whatsapp_template_parameters(items: list[dict]) -> list[str]:
    """{{1}} and {{2}} of the message's first notification (a template carries one; the others of a
    batch follow in the app and by e-mail). An event without a short text has `subject\\ntext` as its
    short text: the subject is not said twice."""
    first = items[0]
    short = first["short"].removeprefix(first["subject"] + "\n")
    return [_one_line(first["subject"]), _one_line(short)]


def whatsapp_document(items: list[dict]) -> Document | None:
    """The first file the message carries (a public link WhatsApp fetches), named as in the e-mail."""
    for item in items:
        if item.get("media_url"):
            attachments = item.get("attachments") or ()
            filename = attachments[0]["filename"] if attachments else basename(urlsplit(item["media_url"]).path)
            return Document(link=item["media_url"], filename=filename or "document.pdf")
    return None

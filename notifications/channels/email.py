"""E-mail through Django's e-mail API: any SMTP server or provider backend, chosen by settings."""

import smtplib
from email.utils import make_msgid

from django.conf import settings
from django.core.files.storage import storages
from django.core.mail import EmailMultiAlternatives

from notifications.channels.base import PermanentDeliveryError, SendReceipt, TransientDeliveryError
from notifications.models import MessageLog
from notifications.rendering import render_email
from notifications.unsubscribe import list_unsubscribe_headers


class EmailSender:
    def send(self, message: MessageLog) -> SendReceipt:
        subject, text, html = render_email(items=message.items, language=message.language)
        message_id = make_msgid(domain="nzila.export")
        email = EmailMultiAlternatives(
            subject=subject,
            body=text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.recipient],
            headers={"Message-ID": message_id, **list_unsubscribe_headers(message)},
            reply_to=reply_to_of(message),
        )
        email.attach_alternative(html, "text/html")
        for item in message.items:
            for attachment in item.get("attachments", ()):
                email.attach(attachment["filename"], _stored_bytes(attachment), attachment["content_type"])
        try:
            email.send()
        except smtplib.SMTPRecipientsRefused as error:
            raise PermanentDeliveryError(f"The mail server refused the address: {error}", undeliverable=True) from error
        except (TimeoutError, smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, OSError) as error:
            raise TransientDeliveryError(f"Mail server unreachable: {error}") from error
        except smtplib.SMTPResponseException as error:
            if error.smtp_code >= 500:
                raise PermanentDeliveryError(f"Mail server refused: {error.smtp_code} {error.smtp_error!r}") from error
            raise TransientDeliveryError(f"Mail server deferred: {error.smtp_code}") from error
        return SendReceipt(provider_message_id=message_id.strip("<>"))


def reply_to_of(message: MessageLog) -> list[str]:
    """The e-mail's Reply-To: the one address its notifications name (a batch is about one object, so they
    agree); none, and replies go to DEFAULT_FROM_EMAIL, when they name none or differ."""
    addresses = {item.get("reply_to", "") for item in message.items} - {""}
    return list(addresses) if len(addresses) == 1 else []


def _stored_bytes(attachment: dict) -> bytes:
    """A missing file will not appear by retrying: the message fails, for staff to see and resend."""
    try:
        with storages[attachment["storage"]].open(attachment["name"]) as stored:
            return stored.read()
    except FileNotFoundError as error:
        raise PermanentDeliveryError(f"Attachment {attachment['name']} is missing from storage.") from error

"""Every write of notifications: telling people things, delivering, tracking, preferences.

A domain calls `notify(...)` inside its own transaction. Each recipient's message is rendered then,
in their language and time zone; in-app notifications are stored at once, and each other channel
gets a MessageLog row that a Celery task sends after the transaction commits (never for a change
that rolled back).
"""

from collections.abc import Iterable
from datetime import datetime

import phonenumbers
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext

from audit.services import audit_record
from notifications.channels import sender_for
from notifications.channels.base import PermanentDeliveryError, TransientDeliveryError
from notifications.events import EVENTS
from notifications.models import (
    STATUS_PROGRESS,
    Category,
    Channel,
    ChannelPreference,
    MessageLog,
    MessageStatus,
    Notification,
    SoftBounceStreak,
    SuppressedRecipient,
    WhatsAppSession,
)
from notifications.preferences import enabled_channels, preference_is_locked
from notifications.rendering import RenderedNotification, render_event
from notifications.scheduling import earliest_send_time
from notifications.unsubscribe import UNSUBSCRIBE_LINK_LIFETIME, UNSUBSCRIBE_SALT
from nzila_export.exceptions import DomainError
from nzila_export.signed_links import DownloadLinkExpired, DownloadLinkInvalid, signed_link_open


def related_key_of(instance: models.Model | None) -> str:
    return f"{instance._meta.label_lower}:{instance.pk}" if instance is not None else ""


def notify(*, event: str, recipients: Iterable, context: dict, related_object: models.Model | None = None) -> None:
    """Tell each recipient about `event`, on the channels its spec and their preferences allow.

    Non-urgent messages about the same `related_object` within the batch window are combined into
    one message per channel; non-urgent messages wait out the recipient's quiet hours.
    """
    spec = EVENTS.get(event)
    if spec is None:
        raise ImproperlyConfigured(f"Unknown notification event {event!r}: add it to notifications/events.py.")
    related_key = related_key_of(related_object)
    now = timezone.now()
    for user in recipients:
        rendered = render_event(event=event, user=user, context=context)
        channels = enabled_channels(user=user, category=spec.category) & set(spec.channels)
        if Channel.IN_APP in channels:
            Notification.objects.create(
                user=user, event=event, title=rendered.subject, body=rendered.text, related_key=related_key
            )
        for channel in sorted(channels - {Channel.IN_APP}):
            _queue_message(
                user=user,
                channel=channel,
                rendered=rendered,
                urgent=spec.urgent,
                batch_key=related_key,
                send_after=earliest_send_time(
                    now=now, time_zone=user.timezone, urgent=spec.urgent, batched=bool(related_key)
                ),
            )


def _address_of(user, channel: str) -> str:
    return user.email if channel == Channel.EMAIL else (user.phone.as_e164 if user.phone else "")


def _refusal_reason(channel: str, address: str) -> tuple[str, str] | None:
    """(status, reason) when a message to this address must fail at once, without retries."""
    if not address:
        return MessageStatus.UNDELIVERABLE, f"No {Channel(channel).label} address on the account."
    if channel != Channel.EMAIL:
        try:
            valid = phonenumbers.is_valid_number(phonenumbers.parse(address))
        except phonenumbers.NumberParseException:
            valid = False
        if not valid:
            return MessageStatus.UNDELIVERABLE, f"{address} is not a valid phone number."
    suppression = SuppressedRecipient.objects.filter(channel=channel, address__iexact=address).first()
    if suppression is not None:
        return MessageStatus.UNDELIVERABLE, f"Address suppressed: {suppression.reason}"
    return None


def _queue_message(
    *, user, channel: str, rendered: RenderedNotification, urgent: bool, batch_key: str, send_after: datetime
) -> MessageLog:
    address = _address_of(user, channel)
    refusal = _refusal_reason(channel, address)
    if refusal is not None:
        status, reason = refusal
        return MessageLog.objects.create(
            user=user, channel=channel, recipient=address, event=rendered.event, language=user.preferred_language,
            items=[rendered.as_item()], urgent=urgent, status=status, error=reason, send_after=send_after,
        )  # fmt: skip
    if batch_key and not urgent:
        pending = (
            MessageLog.objects.select_for_update()
            .filter(user=user, channel=channel, batch_key=batch_key, status=MessageStatus.QUEUED, urgent=False)
            .filter(send_after__gt=timezone.now())
            .first()
        )
        if pending is not None:
            pending.items = [*pending.items, rendered.as_item()]
            pending.save(update_fields=["items", "updated_at"])
            return pending
    message = MessageLog.objects.create(
        user=user, channel=channel, recipient=address, event=rendered.event, language=user.preferred_language,
        items=[rendered.as_item()], urgent=urgent, batch_key=batch_key, send_after=send_after,
    )  # fmt: skip
    if send_after <= timezone.now():
        _send_after_commit(message)
    return message


def _send_after_commit(message: MessageLog) -> None:
    from notifications.tasks import message_queue

    transaction.on_commit(lambda: message_queue(message_id=message.pk, channel=message.channel))


class MessageNotSent(TransientDeliveryError):
    pass


def message_deliver(*, message_id: int) -> MessageLog:
    """Send a queued message that is due. The row stays locked while the provider is called, so two
    workers running the same task cannot both send it; a message that is not queued is left alone.

    Raises TransientDeliveryError after recording it, for the task to retry."""
    transient_error = None
    with transaction.atomic():
        message = MessageLog.objects.select_for_update().get(pk=message_id)
        if message.status != MessageStatus.QUEUED or message.send_after > timezone.now():
            return message
        message.items = _items_still_consented(message)
        if not message.items:
            message.status = MessageStatus.FAILED
            message.error = "Not sent: marketing consent on this channel was withdrawn after it was queued."
            message.status_changed_at = timezone.now()
            message.save()
            return message
        message.attempts += 1
        try:
            receipt = sender_for(message.channel).send(message)
        except PermanentDeliveryError as error:
            message.status = MessageStatus.UNDELIVERABLE if error.undeliverable else MessageStatus.FAILED
            message.error = str(error)
            if error.undeliverable:
                recipient_suppress(channel=message.channel, address=message.recipient, reason=str(error))
        except TransientDeliveryError as error:
            transient_error = error
            message.error = str(error)
        else:
            message.status = MessageStatus.SENT
            message.provider_message_id = receipt.provider_message_id
            message.sent_at = timezone.now()
            message.error = ""
        message.status_changed_at = timezone.now()
        message.save()
    if transient_error is not None:
        raise transient_error
    return message


def _items_still_consented(message: MessageLog) -> list[dict]:
    """The message's items less its marketing ones when the recipient no longer consents to marketing on
    its channel: a withdrawal stops a message already queued (quiet hours, batching) before it goes."""

    def is_marketing(item: dict) -> bool:
        spec = EVENTS.get(item["event"])
        return spec is not None and spec.category == Category.MARKETING

    if not any(is_marketing(item) for item in message.items):
        return message.items
    if message.user is not None and message.channel in enabled_channels(user=message.user, category=Category.MARKETING):
        return message.items
    return [item for item in message.items if not is_marketing(item)]


def message_give_up(*, message_id: int, reason: str) -> MessageLog:
    """Mark a message failed after its retries ran out; staff see it in the admin and may resend."""
    with transaction.atomic():
        message = MessageLog.objects.select_for_update().get(pk=message_id)
        if message.status == MessageStatus.QUEUED:
            message.status = MessageStatus.FAILED
            message.error = f"Gave up after {message.attempts} attempts: {reason}"
            message.status_changed_at = timezone.now()
            message.save(update_fields=["status", "error", "status_changed_at", "updated_at"])
    return message


@transaction.atomic
def message_resend(*, message: MessageLog, user=None) -> MessageLog:
    """Queue a copy of a failed message (the original stays as it was, for the record)."""
    if message.status not in (MessageStatus.FAILED, MessageStatus.UNDELIVERABLE):
        raise DomainError(gettext("Only a failed or undeliverable message can be resent."), field="status")
    copy = MessageLog.objects.create(
        user=message.user, channel=message.channel, recipient=message.recipient, event=message.event,
        language=message.language, items=message.items, urgent=True, send_after=timezone.now(),
        resent_from=message,
    )  # fmt: skip
    audit_record(action="notification.resend", instance=copy, user=user, changes={"resent_from": message.pk})
    _send_after_commit(copy)
    return copy


@transaction.atomic
def message_record_status(
    *, provider_message_id: str, status: str, error: str = "", undeliverable: bool = False
) -> MessageLog | None:
    """Apply a provider's delivery report. Reports may come twice or out of order: a message only
    moves forward (queued → sent → delivered → read, or to failed), so a replay changes nothing."""
    message = MessageLog.objects.select_for_update().filter(provider_message_id=provider_message_id).first()
    if message is None or STATUS_PROGRESS[status] <= STATUS_PROGRESS[message.status]:
        return message
    message.status = MessageStatus.UNDELIVERABLE if undeliverable else status
    message.status_changed_at = timezone.now()
    if error:
        message.error = error
    if undeliverable:
        recipient_suppress(channel=message.channel, address=message.recipient, reason=error)
    message.save(update_fields=["status", "status_changed_at", "error", "updated_at"])
    return message


@transaction.atomic
def recipient_suppress(*, channel: str, address: str, reason: str) -> SuppressedRecipient:
    """Stop sending to an address (hard bounce, complaint, invalid number); idempotent."""
    suppression, created = SuppressedRecipient.objects.get_or_create(
        channel=channel, address=address.lower() if channel == Channel.EMAIL else address,
        defaults={"reason": reason[:255]},
    )  # fmt: skip
    if created:
        audit_record(action="notification.suppress", instance=suppression, changes={"reason": reason[:255]})
    return suppression


@transaction.atomic
def email_soft_bounce_record(*, address: str, message_id: str, reason: str) -> SoftBounceStreak:
    """A message to `address` bounced softly. Each message counts once (a provider reports each of its
    retries); at EMAIL_SOFT_BOUNCE_LIMIT messages in a row the address is suppressed."""
    streak, _created = SoftBounceStreak.objects.select_for_update().get_or_create(address=address.lower())
    if message_id and message_id == streak.last_message_id:
        return streak
    streak.soft_bounces += 1
    streak.last_message_id = message_id[:255]
    streak.last_bounced_at = timezone.now()
    streak.save()
    if streak.soft_bounces >= settings.EMAIL_SOFT_BOUNCE_LIMIT:
        recipient_suppress(
            channel=Channel.EMAIL,
            address=address,
            reason=f"{streak.soft_bounces} soft bounces in a row, the last: {reason}",
        )
    return streak


def email_delivery_record(*, address: str) -> None:
    """A message reached `address`: its soft bounces are no longer in a row."""
    SoftBounceStreak.objects.filter(address=address.lower()).exclude(soft_bounces=0).update(
        soft_bounces=0, last_message_id=""
    )


class UnsubscribeLinkInvalid(DomainError):
    status_code = 404
    code = "not_found"

    def __init__(self):
        super().__init__(gettext("This unsubscribe link is not valid."))


class UnsubscribeLinkExpired(DomainError):
    status_code = 410
    code = "link_expired"

    def __init__(self):
        super().__init__(gettext("This unsubscribe link has expired; change your preferences in your account."))


def marketing_unsubscribe(*, token: str):
    """Withdraw the marketing consent a signed unsubscribe link names, at once (a marketing message
    already queued on that channel is then not sent). Returns the (user, channel) it concerned. A forged
    token raises UnsubscribeLinkInvalid, a stale one UnsubscribeLinkExpired. Idempotent."""
    try:
        payload = signed_link_open(token=token, lifetimes={UNSUBSCRIBE_SALT: UNSUBSCRIBE_LINK_LIFETIME})
    except DownloadLinkExpired as error:
        raise UnsubscribeLinkExpired() from error
    except DownloadLinkInvalid as error:
        raise UnsubscribeLinkInvalid() from error
    user = get_user_model().objects.filter(pk=payload.get("user")).first()
    channel = payload.get("channel")
    if user is None or channel not in Channel.values:
        raise UnsubscribeLinkInvalid()
    if channel in enabled_channels(user=user, category=Category.MARKETING):
        preferences_update(user=user, changes=[{"channel": channel, "category": Category.MARKETING, "enabled": False}])
    return user, channel


@transaction.atomic
def whatsapp_inbound_record(*, phone: str, received_at: datetime) -> WhatsAppSession:
    """A person wrote to us on WhatsApp: free-form replies are allowed for 24 hours. A message reported late
    (an older one after a newer) does not shorten the window."""
    session, created = WhatsAppSession.objects.select_for_update().get_or_create(
        phone=phone, defaults={"last_inbound_at": received_at}
    )
    if not created and received_at > session.last_inbound_at:
        session.last_inbound_at = received_at
        session.save(update_fields=["last_inbound_at"])
    return session


def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at", "updated_at"])
    return notification


def notifications_mark_all_read(*, user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


@transaction.atomic
def preferences_update(*, user, changes: list[dict]) -> None:
    """Switch channels per category. Transactional in-app and e-mail cannot be switched off; turning
    marketing on records the consent (and its time), turning it off withdraws it."""
    for change in changes:
        channel, category, enabled = change["channel"], change["category"], change["enabled"]
        if not enabled and preference_is_locked(channel=channel, category=category):
            raise DomainError(
                gettext("%(channel)s messages about your account and deals cannot be switched off.")
                % {"channel": Channel(channel).label},
                field="preferences",
            )
        preference, _created = ChannelPreference.objects.get_or_create(
            user=user, channel=channel, category=category, defaults={"enabled": enabled}
        )
        preference.enabled = enabled
        if category == Category.MARKETING:
            preference.consented_at = timezone.now() if enabled else None
        preference.save()
        audit_record(
            action="notification.preference",
            instance=preference,
            user=user,
            changes={"channel": channel, "category": category, "enabled": enabled},
        )


@transaction.atomic
def notifications_erase_for_user(*, user) -> int:
    """Erase what notifications hold about a person whose account is anonymized (privacy): the in-app inbox,
    the preferences, the WhatsApp session of their number, and each message's address, text and error, whose
    row stays, blank, for the delivery statistics; one still queued is never sent. Run it while the account
    still has its phone. Returns how many rows were erased or blanked; a second run finds none."""
    erased = Notification.objects.filter(user=user).delete()[0]
    erased += ChannelPreference.objects.filter(user=user).delete()[0]
    if user.phone:
        erased += WhatsAppSession.objects.filter(phone=user.phone.as_e164).delete()[0]
    now = timezone.now()
    messages = MessageLog.objects.filter(user=user)
    erased += messages.exclude(recipient="", items=[]).update(recipient="", items=[], error="", updated_at=now)
    messages.filter(status=MessageStatus.QUEUED).update(
        status=MessageStatus.FAILED, error="Not sent: the account was deleted.", status_changed_at=now
    )
    return erased

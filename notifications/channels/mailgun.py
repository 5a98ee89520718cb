"""Mailgun's delivery webhooks: permanent failures and complaints stop further e-mail to an address.

Each event is signed: HMAC-SHA256 of timestamp + token with the webhook signing key.
https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages/#securing-webhooks
"""

import hashlib
import hmac
import time

from django.conf import settings

from notifications.models import MessageStatus

MAX_AGE_SECONDS = 15 * 60


def mailgun_signature_is_valid(*, timestamp: str, token: str, signature: str) -> bool:
    key = settings.MAILGUN_WEBHOOK_SIGNING_KEY
    if not key or not timestamp.isdecimal() or abs(time.time() - int(timestamp)) > MAX_AGE_SECONDS:
        return False
    expected = hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def mailgun_event_outcome(event_data: dict) -> tuple[str, bool] | None:
    """(our status, whether the address is undeliverable) for an event we act on, else None."""
    event = event_data.get("event")
    if event == "delivered":
        return MessageStatus.DELIVERED, False
    if event == "opened":
        return MessageStatus.READ, False
    if event == "failed" and event_data.get("severity") == "permanent":
        return MessageStatus.FAILED, True
    if event == "complained":
        return MessageStatus.FAILED, True
    return None

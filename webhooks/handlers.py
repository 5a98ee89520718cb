"""The registry of what applies each provider's events. An app that owns a provider registers its
handler in its AppConfig.ready (payments: Stripe and the rails; notifications: Twilio and Mailgun), so
that this ground-floor app imports none of them. Likewise the alert sent to staff when an event is
abandoned is registered by the app that sends messages (notifications). A provider's events may be
shared out by type: an app registers its handler for the `event_types` it owns (plans: Stripe's
subscription, checkout and invoice events), and the provider's own handler takes every other type.

A handler takes the stored event and returns PROCESSED or IGNORED. It must be idempotent: lock the row
it changes, act only if that row's state allows it, and let a unique constraint catch a concurrent
duplicate. It raises `RetryLater` for a passing "not yet" (the payment is not stored yet, the provider
still says pending); any other exception is a failure, kept with its traceback. Either way the inbox job
takes the event up again, a bounded number of times."""

from collections.abc import Callable, Iterable

from django.core.exceptions import ImproperlyConfigured

from webhooks.models import InboxEvent

Handler = Callable[[InboxEvent], str]

_HANDLERS: dict[str, Handler] = {}
_TYPE_HANDLERS: dict[tuple[str, str], Handler] = {}
_ABANDONED_ALERTS: list[Callable[[InboxEvent], None]] = []


class RetryLater(Exception):
    """The event cannot be applied yet; the inbox job tries it again later."""


def handler_register(*, provider: str, handler: Handler, event_types: Iterable[str] = ()) -> None:
    """Register `handler` for the provider's events of `event_types`, or, when none are named, for every
    type no app registered by name. One handler per provider, and one per type."""
    event_types = tuple(event_types)
    for event_type in event_types:
        if _TYPE_HANDLERS.get((provider, event_type), handler) is not handler:
            raise ImproperlyConfigured(f"Two handlers for {provider!r} {event_type!r} webhook events.")
        _TYPE_HANDLERS[(provider, event_type)] = handler
    if event_types:
        return
    if _HANDLERS.get(provider, handler) is not handler:
        raise ImproperlyConfigured(f"Two handlers for {provider!r} webhook events.")
    _HANDLERS[provider] = handler


def handler_for(provider: str, event_type: str = "") -> Handler:
    if (provider, event_type) in _TYPE_HANDLERS:
        return _TYPE_HANDLERS[(provider, event_type)]
    try:
        return _HANDLERS[provider]
    except KeyError:
        raise ImproperlyConfigured(f"No handler is registered for {provider!r} webhook events.") from None


def abandoned_alert_register(*, alert: Callable[[InboxEvent], None]) -> None:
    if alert not in _ABANDONED_ALERTS:
        _ABANDONED_ALERTS.append(alert)


def abandoned_alerts_send(event: InboxEvent) -> None:
    for alert in _ABANDONED_ALERTS:
        alert(event)

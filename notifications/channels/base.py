"""What every channel sender offers, and the two ways a send can fail."""

from dataclasses import dataclass
from typing import Protocol

from notifications.models import MessageLog


class DeliveryError(Exception):
    pass


class TransientDeliveryError(DeliveryError):
    """The provider could not be reached or failed on its side (network, 5xx): try again later."""


class PermanentDeliveryError(DeliveryError):
    """The provider refused the message (4xx): trying again would fail the same way.

    `undeliverable` means the address itself is bad (invalid number, hard bounce), so nothing
    more should be sent to it."""

    def __init__(self, reason: str, *, undeliverable: bool = False):
        super().__init__(reason)
        self.undeliverable = undeliverable


class DeliveryOutcomeUnknown(PermanentDeliveryError):
    """The message may have reached the provider, but its answer was lost. Providers take no idempotency
    key for messages, so it is never sent again: it is recorded failed with this reason, for staff."""


@dataclass(frozen=True)
class SendReceipt:
    provider_message_id: str


class Sender(Protocol):
    def send(self, message: MessageLog) -> SendReceipt: ...

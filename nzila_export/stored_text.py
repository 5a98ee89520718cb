"""Texts the platform writes into rows for people to read later (a hold reason, a risk flag, a failure
reason), each read in the reader's language rather than in the language of whoever was active when the
row was written (a French buyer's request, an English worker).

A row keeps the message's English source, as `text_to_store` gives it, or, where the row holds JSON and
the message has values, `message_to_store`'s {"message": source, "values": {...}}. `stored_text_read`
translates it into the active language when it is read. A text no catalogue knows (a provider's own
message, a note staff typed) reads as it was written.
"""

from django.utils import translation
from django.utils.functional import Promise, lazy


def text_to_store(message: Promise) -> str:
    """The English source of a gettext_lazy message."""
    with translation.override("en"):
        return str(message)


def message_to_store(message: Promise, **values) -> dict:
    """A message with named values ("%(percent)s"), for a JSON column."""
    return {"message": text_to_store(message), "values": {name: str(value) for name, value in values.items()}}


def stored_text_read(stored: str | dict) -> str:
    """What `text_to_store` or `message_to_store` kept, in the active language."""
    # translation.gettext, not gettext(): the message is a variable here; its literal was extracted where the
    # row was written.
    if isinstance(stored, dict):
        return translation.gettext(stored["message"]) % stored["values"]
    return translation.gettext(stored) if stored else stored


def stored_text_lazy(stored: str | dict) -> Promise:
    """`stored_text_read` when the text is rendered (a notification, in its recipient's language)."""
    return _stored_text_lazy(stored)


_stored_text_lazy = lazy(stored_text_read, str)

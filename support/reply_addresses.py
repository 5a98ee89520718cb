"""A ticket's reply address: the Reply-To of the e-mail that brings its opener a staff reply, so that
answering that e-mail writes on the ticket (support.inbound).

    support+<ticket id>.<signature>@<settings.SUPPORT_REPLY_DOMAIN>

The signature is django.core.signing's (HMAC-SHA256 with the SECRET_KEY, a salt of its own, URL-safe
base64), so nobody writes on a ticket by guessing its number; a rotated key keeps old addresses working
through SECRET_KEY_FALLBACKS. It does not expire: the ticket's status decides whether it takes a message (a
closed one does not), and the mail must also come from the opener's address. The local part stays within
RFC 5321's 64 characters (8 + the id + 1 + 43) and is case-sensitive, as mail servers pass it on.
"""

from email.utils import parseaddr

from django.conf import settings
from django.core import signing

LOCAL_PART_PREFIX = "support+"
SIGNING_SALT = "support.reply_address"


def _signer() -> signing.Signer:
    return signing.Signer(salt=SIGNING_SALT, sep=".")


def ticket_reply_address(*, ticket_id: int) -> str:
    """The ticket's reply address; "" when SUPPORT_REPLY_DOMAIN is not set (replies then go to the app)."""
    domain = settings.SUPPORT_REPLY_DOMAIN
    if not domain:
        return ""
    return f"{LOCAL_PART_PREFIX}{_signer().sign(str(ticket_id))}@{domain}"


def ticket_id_of_reply_address(address: str) -> int | None:
    """The ticket a reply address names; None when the address is not one of ours or its signature fails."""
    domain = settings.SUPPORT_REPLY_DOMAIN
    local_part, at, address_domain = parseaddr(address)[1].rpartition("@")
    if not (domain and at and address_domain.lower() == domain.lower() and local_part.startswith(LOCAL_PART_PREFIX)):
        return None
    try:
        ticket_id = _signer().unsign(local_part.removeprefix(LOCAL_PART_PREFIX))
    except signing.BadSignature:
        return None
    return int(ticket_id) if ticket_id.isdecimal() else None

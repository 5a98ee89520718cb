"""One-click unsubscribe from marketing e-mail (RFC 8058), as Gmail and Yahoo require of bulk senders.

A marketing e-mail carries `List-Unsubscribe: <https://…/unsubscribe/<token>/>` (and a mailto: when
NOTIFICATION_UNSUBSCRIBE_MAILTO is set) with `List-Unsubscribe-Post: List-Unsubscribe=One-Click`: the mail
client POSTs to the link, with no session, and the person's marketing consent on that channel is withdrawn
at once. The token is signed with the SECRET_KEY (nzila_export.signed_links) and names the person and the
channel. Transactional mail carries no such header: it cannot be switched off.
https://www.rfc-editor.org/rfc/rfc8058
"""

from datetime import timedelta
from urllib.parse import quote

from django.conf import settings

from notifications.events import EVENTS
from notifications.models import Category, Channel, MessageLog
from nzila_export.signed_links import DownloadLink, signed_link_make

UNSUBSCRIBE_SALT = "notifications.unsubscribe"
# A link keeps working long after its e-mail was read (RFC 8058 sets no limit).
UNSUBSCRIBE_LINK_LIFETIME = timedelta(days=400)


def unsubscribe_link_make(*, user, channel: str) -> DownloadLink:
    """The link that stops marketing to `user` on `channel` in one click, without signing in."""
    return signed_link_make(
        view_name="notification-unsubscribe",
        payload={"user": user.pk, "channel": channel},
        salt=UNSUBSCRIBE_SALT,
        max_age=UNSUBSCRIBE_LINK_LIFETIME,
    )


def message_is_marketing(message: MessageLog) -> bool:
    return any(
        (spec := EVENTS.get(item["event"])) is not None and spec.category == Category.MARKETING
        for item in message.items
    )


def list_unsubscribe_headers(message: MessageLog) -> dict[str, str]:
    """The List-Unsubscribe headers of a marketing e-mail; none for a transactional one."""
    if message.user is None or not message_is_marketing(message):
        return {}
    link = unsubscribe_link_make(user=message.user, channel=Channel.EMAIL)
    targets = [f"<{settings.SITE_URL.rstrip('/')}{link.path}>"]
    if settings.NOTIFICATION_UNSUBSCRIBE_MAILTO:
        targets.append(f"<mailto:{settings.NOTIFICATION_UNSUBSCRIBE_MAILTO}?subject={quote('unsubscribe')}>")
    return {"List-Unsubscribe": ", ".join(targets), "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}

"""Who may be told what, where: defaults, locks and consent.

Transactional messages (about the person's own account, deals and payments) always reach the in-app
inbox and e-mail: those two cannot be switched off. WhatsApp is on and SMS off by default, and both
can be switched. Marketing is off on every channel until the person consents.
"""

from notifications.models import Category, Channel, ChannelPreference

LOCKED_ON = {(Channel.IN_APP, Category.TRANSACTIONAL), (Channel.EMAIL, Category.TRANSACTIONAL)}
ON_BY_DEFAULT = LOCKED_ON | {(Channel.WHATSAPP, Category.TRANSACTIONAL)}


def preference_is_locked(*, channel: str, category: str) -> bool:
    return (channel, category) in LOCKED_ON


def preference_matrix(*, user) -> list[dict]:
    """Every channel and category with its state for this person."""
    stored = {(p.channel, p.category): p for p in ChannelPreference.objects.filter(user=user)}
    matrix = []
    for category in Category:
        for channel in Channel:
            preference = stored.get((channel, category))
            locked = preference_is_locked(channel=channel, category=category)
            matrix.append(
                {
                    "channel": channel.value,
                    "category": category.value,
                    "enabled": locked or (preference.enabled if preference else (channel, category) in ON_BY_DEFAULT),
                    "locked": locked,
                    "consented_at": preference.consented_at if preference else None,
                }
            )
    return matrix


def enabled_channels(*, user, category: str) -> set[str]:
    return {row["channel"] for row in preference_matrix(user=user) if row["category"] == category and row["enabled"]}

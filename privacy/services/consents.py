from django.db import transaction

from audit.services import USER_AGENT_MAX_LENGTH, audit_record
from notifications.models import Category
from notifications.services import preferences_update
from privacy.models import ConsentRecord
from privacy.selectors import MARKETING_CHANNELS, consent_states


@transaction.atomic
def consents_update(
    *, user, changes: dict[str, bool], source: str, ip_address: str | None = None, user_agent: str = ""
) -> list[ConsentRecord]:
    """Give or withdraw consents ({purpose: granted}); each real change is kept as a ConsentRecord. Marketing
    consents are written through notifications' channel preferences, which its deliveries obey: a withdrawal
    also stops a marketing message already queued on that channel."""
    current = {state.purpose: state.granted for state in consent_states(user=user)}
    changed = {purpose: granted for purpose, granted in changes.items() if current[purpose] != granted}
    marketing = [
        {"channel": MARKETING_CHANNELS[purpose], "category": Category.MARKETING, "enabled": granted}
        for purpose, granted in changed.items()
        if purpose in MARKETING_CHANNELS
    ]
    if marketing:
        preferences_update(user=user, changes=marketing)
    records = ConsentRecord.objects.bulk_create(
        ConsentRecord(
            user=user, purpose=purpose, granted=granted, source=source, ip_address=ip_address,
            user_agent=user_agent[:USER_AGENT_MAX_LENGTH],
        )
        for purpose, granted in changed.items()
    )  # fmt: skip
    if records:
        audit_record(action="privacy.consent", user=user, changes=changed)
    return records

"""When a message may go: quiet hours in the recipient's time zone, and the batching window."""

import zoneinfo
from datetime import datetime, time, timedelta

from django.conf import settings


def after_quiet_hours(*, moment: datetime, time_zone: str) -> datetime:
    """`moment`, or the end of the recipient's quiet hours if it falls inside them."""
    local = moment.astimezone(zoneinfo.ZoneInfo(time_zone))
    start, end = settings.NOTIFICATION_QUIET_HOURS
    if start <= local.hour or local.hour < end:
        morning = local.date() if local.hour < end else local.date() + timedelta(days=1)
        return datetime.combine(morning, time(hour=end), tzinfo=local.tzinfo)
    return moment


def earliest_send_time(*, now: datetime, time_zone: str, urgent: bool, batched: bool) -> datetime:
    """Urgent messages go now. Others wait out the batching window (so that several about one subject
    go as one) and then any quiet hours."""
    if urgent:
        return now
    ready = now + timedelta(seconds=settings.NOTIFICATION_BATCH_WINDOW_SECONDS) if batched else now
    return after_quiet_hours(moment=ready, time_zone=time_zone)

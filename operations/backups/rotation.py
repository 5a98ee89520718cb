"""Which backups to keep. Every backup of the last BACKUP_KEEP_HOURS (48: the hourly ones of the last two
days), then, as restic's --keep-daily/--keep-weekly/--keep-monthly do, the newest backup of each of the
last BACKUP_KEEP_DAILY days, BACKUP_KEEP_WEEKLY ISO weeks and BACKUP_KEEP_MONTHLY months that have one, in
the time zone of settings. Counting only periods that have a backup means that backups which stopped
are never all rotated away. The rest are deleted."""

from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from audit.services import audit_record
from operations.backups.base import BackupStore
from operations.backups.manifests import backups_list


def backups_to_delete(*, backups: dict[str, datetime], now: datetime) -> set[str]:
    newest_first = sorted(backups.items(), key=lambda item: item[1], reverse=True)
    recent = now - timedelta(hours=settings.BACKUP_KEEP_HOURS)
    kept = {key for key, created_at in newest_first if created_at >= recent}
    periods: list[tuple[int, Callable[[datetime], tuple]]] = [
        (settings.BACKUP_KEEP_DAILY, lambda moment: (moment.year, moment.month, moment.day)),
        (settings.BACKUP_KEEP_WEEKLY, lambda moment: moment.isocalendar()[:2]),
        (settings.BACKUP_KEEP_MONTHLY, lambda moment: (moment.year, moment.month)),
    ]
    for count, period_of in periods:
        seen: set[tuple] = set()
        for key, created_at in newest_first:
            period = period_of(timezone.localtime(created_at))
            if period not in seen:
                if len(seen) == count:
                    break
                seen.add(period)
                kept.add(key)
    return set(backups) - kept


def backups_rotate(*, store: BackupStore, now: datetime | None = None) -> list[str]:
    """Delete the backups the rule above does not keep (the manifest first, so none is left half)."""
    deleted = sorted(backups_to_delete(backups=backups_list(store=store), now=now or timezone.now()))
    for key in deleted:
        store.delete(f"{key}.json")
        store.delete(f"{key}.dump")
    if deleted:
        audit_record(action="backup.rotated", object_repr=deleted[0], changes={"deleted": deleted})
    return deleted

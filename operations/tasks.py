from celery import shared_task

from operations.backups import backup_store
from operations.backups.hourly import backup_run


# A dump of a grown database takes longer than the default 5 minutes; the hour is the bound (the next run).
@shared_task(soft_time_limit=50 * 60, time_limit=55 * 60)
def backup_database() -> str:
    """Hourly: back up the database and uploaded files, then rotate. A rerun only makes one more backup."""
    return backup_run(store=backup_store()).manifest.key

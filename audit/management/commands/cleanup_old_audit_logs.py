from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from audit.models import AUDIT_RETENTION_YEARS
from audit.services import RETENTION_BATCH_SIZE, audit_logs_delete_expired


# Not a DatedCommand: the database decides what is old enough, by its own clock (the trigger), so a run
# "as of" another day could not delete anything more.
class Command(BaseCommand):
    help = "Delete the audit log entries older than 7 years, oldest first, in batches, each batch recorded."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=RETENTION_BATCH_SIZE, help="Rows per transaction")

    def handle(self, *args, batch_size: int, **options):
        deleted = audit_logs_delete_expired(batch_size=batch_size)
        self.stdout.write(
            ngettext(
                "%(count)d audit log entry older than %(years)d years deleted.",
                "%(count)d audit log entries older than %(years)d years deleted.",
                deleted,
            )
            % {"count": deleted, "years": AUDIT_RETENTION_YEARS}
        )

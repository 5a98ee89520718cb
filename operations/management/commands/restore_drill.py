from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from nzila_export.exceptions import DomainError
from operations.backups import backup_store
from operations.backups.restore import restore_drill


class Command(BaseCommand):
    help = "Rehearse the recovery: back up, restore into a scratch database, check, drop it; print RTO and RPO."

    def handle(self, *args, **options):
        try:
            drill = restore_drill(store=backup_store())
        except DomainError as error:
            raise CommandError(error.message) from error
        restored = drill.restored
        for table, rows in restored.tables.items():
            self.stdout.write(f"{table}: {rows}")
        self.stdout.write(
            gettext("Backup %(key)s taken in %(seconds).1f s.")
            % {"key": restored.manifest.key, "seconds": drill.backup_seconds}
        )
        self.stdout.write(
            gettext("RTO: restored and checked in %(seconds).1f s (%(tables)d tables, every count equal).")
            % {"seconds": restored.seconds, "tables": len(restored.tables)}
        )
        if drill.previous_backup_age is None:
            self.stdout.write(gettext("RPO: there was no backup before this drill."))
        else:
            self.stdout.write(
                gettext("RPO: the newest backup before this drill was %(minutes).1f minutes old.")
                % {"minutes": drill.previous_backup_age.total_seconds() / 60}
            )

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from nzila_export.exceptions import DomainError
from operations.backups import backup_store
from operations.backups.restore import backup_restore


class Command(BaseCommand):
    help = "Restore a backup (default the newest) into a new database, then check it against its manifest."

    def add_arguments(self, parser):
        parser.add_argument("--into", required=True, help="the name of the new database (must not exist)")
        parser.add_argument("--backup", dest="key", help="database/YYYYMMDDTHHMMSSZ (default: the newest)")

    def handle(self, *args, into: str, key: str | None = None, **options):
        try:
            restored = backup_restore(store=backup_store(), into=into, key=key)
        except DomainError as error:
            raise CommandError(error.message) from error
        for table, rows in restored.tables.items():
            self.stdout.write(f"{table}: {rows}")
        self.stdout.write(
            self.style.SUCCESS(
                gettext("Backup %(key)s restored into %(name)s in %(seconds).1f s; every table has its rows.")
                % {"key": restored.manifest.key, "name": into, "seconds": restored.seconds}
            )
        )

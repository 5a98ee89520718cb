from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext, ngettext

from nzila_export.exceptions import DomainError
from operations.backups import backup_store
from operations.backups.hourly import backup_run


class Command(BaseCommand):
    help = "Back up the database (pg_dump, checksummed, with its manifest) and the uploaded files, then rotate."

    def handle(self, *args, **options):
        try:
            run = backup_run(store=backup_store())
        except DomainError as error:
            raise CommandError(error.message) from error
        manifest = run.manifest
        self.stdout.write(
            gettext("Backup %(key)s: %(size)d bytes, SHA-256 %(sha256)s, %(tables)d tables.")
            % {"key": manifest.key, "size": manifest.size, "sha256": manifest.sha256, "tables": len(manifest.tables)}
        )
        if run.files_copied is not None:
            self.stdout.write(
                ngettext("%(count)d uploaded file copied.", "%(count)d uploaded files copied.", run.files_copied)
                % {"count": run.files_copied}
            )
        for key in run.deleted:
            self.stdout.write(gettext("Deleted by rotation: %(key)s") % {"key": key})

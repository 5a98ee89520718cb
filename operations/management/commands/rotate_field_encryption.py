from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext, ngettext

from nzila_export.field_encryption import FieldDecryptionError
from operations.field_encryption import ROTATION_BATCH_SIZE, field_encryption_rotate


class Command(BaseCommand):
    help = (
        "Re-encrypt every value encrypted at rest with the first key of FIELD_ENCRYPTION_KEYS, so that the "
        "keys after it can be dropped (README, Operations, Field encryption)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=ROTATION_BATCH_SIZE, help="Rows per transaction.")

    def handle(self, *args, batch_size: int, **options):
        if batch_size < 1:
            raise CommandError(gettext("--batch-size must be at least 1."))
        try:
            counts = field_encryption_rotate(batch_size=batch_size)
        except FieldDecryptionError as error:
            raise CommandError(str(error)) from error
        for field, count in counts.items():
            self.stdout.write(
                ngettext("%(field)s: %(count)d value re-encrypted.", "%(field)s: %(count)d values re-encrypted.", count)
                % {"field": field, "count": count}
            )
        total = sum(counts.values())
        self.stdout.write(
            ngettext(
                "%(count)d value re-encrypted with the first key.",
                "%(count)d values re-encrypted with the first key.",
                total,
            )
            % {"count": total}
        )

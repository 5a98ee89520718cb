from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from leads.destination_rules import DESTINATION_RULES_FILE, DestinationRulesFileError
from leads.services import destination_rules_load


class Command(BaseCommand):
    help = "Create or update the destination import rules from a CSV (default: leads/data/destination_rules.csv)."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=DESTINATION_RULES_FILE)

    def handle(self, *args, file: Path, **options):
        if not file.exists():
            raise CommandError(f"No such file: {file}")
        try:
            created, updated = destination_rules_load(path=file)
        except DestinationRulesFileError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Destination rules: {created} created, {updated} updated."))

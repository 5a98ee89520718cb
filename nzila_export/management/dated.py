"""The base of the commands that run a daily job as of a given day (`--date YYYY-MM-DD`), so that ops can
run a missed day again or rehearse one ahead."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext


class DatedCommand(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("--date", dest="day", help="YYYY-MM-DD, Toronto time")

    def default_day(self) -> date:
        return timezone.localdate()

    def run_for(self, day: date) -> str:
        """Do the day's job; what to print."""
        raise NotImplementedError

    def handle(self, *args, day=None, **options):
        try:
            on = date.fromisoformat(day) if day else self.default_day()
        except ValueError as error:
            raise CommandError(gettext("'%(value)s' is not a date in the form YYYY-MM-DD.") % {"value": day}) from error
        self.stdout.write(self.run_for(on))

from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext

from payments.services.reconciliation import payments_reconcile


class Command(BaseCommand):
    help = "Compare a day's payments at Stripe with ours; store and e-mail the report (default: yesterday)."

    def add_arguments(self, parser):
        parser.add_argument("--date", dest="day", help="YYYY-MM-DD, Toronto time (default: yesterday)")

    def handle(self, *args, day=None, **options):
        try:
            on = date.fromisoformat(day) if day else timezone.localdate() - timedelta(days=1)
        except ValueError as error:
            raise CommandError(gettext("'%(value)s' is not a date in the form YYYY-MM-DD.") % {"value": day}) from error
        run = payments_reconcile(day=on)
        self.stdout.write(f"{run.date}: {run.status} ({run.provider_count} at Stripe, {run.database_count} ours)")
        for discrepancy in run.discrepancies.all():
            self.stdout.write(f"  {discrepancy}")

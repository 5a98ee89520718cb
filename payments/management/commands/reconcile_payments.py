from datetime import date, timedelta

from django.utils import timezone

from nzila_export.management.dated import DatedCommand
from payments.services.reconciliation import payments_reconcile


class Command(DatedCommand):
    help = "Compare a day's payments at Stripe with ours; store and e-mail the report (default: yesterday)."

    def default_day(self) -> date:
        return timezone.localdate() - timedelta(days=1)

    def run_for(self, day: date) -> str:
        run = payments_reconcile(day=day)
        lines = [f"{run.date}: {run.status} ({run.provider_count} at Stripe, {run.database_count} ours)"]
        lines += [f"  {discrepancy}" for discrepancy in run.discrepancies.all()]
        return "\n".join(lines)

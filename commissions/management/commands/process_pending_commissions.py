from datetime import date

from django.utils.translation import gettext

from commissions.services.approval import commissions_process_pending
from nzila_export.management.dated import DatedCommand


class Command(DatedCommand):
    help = "Adjust the tiers lifted in a period, then approve the commissions past the dispute window."

    def run_for(self, day: date) -> str:
        counts = commissions_process_pending(today=day)
        return gettext("%(adjusted)d adjustments, %(approved)d commissions approved as of %(day)s.") % {
            **counts,
            "day": day.isoformat(),
        }

from datetime import date

from django.utils.translation import ngettext

from nzila_export.management.dated import DatedCommand
from privacy.services.deletion import deletion_requests_process


class Command(DatedCommand):
    help = "Anonymize the accounts whose deletion grace period ended before the day began (default: today)."

    def run_for(self, day: date) -> str:
        count = deletion_requests_process(on=day)
        return ngettext(
            "%(count)d account anonymized as of %(day)s.", "%(count)d accounts anonymized as of %(day)s.", count
        ) % {"count": count, "day": day.isoformat()}

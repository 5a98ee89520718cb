from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext

from operations.selectors import jobs_status


def _local_time(moment: datetime | None) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S") if moment else ""


class Command(BaseCommand):
    help = "Every beat job with its schedule and its last run; late jobs flagged (and the exit status 1)."

    def handle(self, *args, **options):
        headers = (
            gettext("job"), gettext("schedule"), gettext("last started"), gettext("duration"),
            gettext("outcome"), gettext("last success"), gettext("late"),
        )  # fmt: skip
        rows = [headers]
        statuses = jobs_status(now=timezone.now())
        for status in statuses:
            run = status.run
            rows.append(
                (
                    status.job,
                    status.schedule,
                    _local_time(run.started_at) if run else gettext("never"),
                    f"{run.duration.total_seconds():.1f} s" if run and run.duration else "",
                    run.get_outcome_display() if run else "",
                    _local_time(run.succeeded_at) if run else "",
                    gettext("LATE") if status.is_late else "",
                )
            )
        widths = [max(len(row[column]) for row in rows) for column in range(len(headers))]
        for row in rows:
            self.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        late = [status.job for status in statuses if status.is_late]
        if late:
            raise CommandError(gettext("Late jobs: %(jobs)s.") % {"jobs": ", ".join(late)})

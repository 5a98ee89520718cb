from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext, ngettext

from audit.selectors import audit_chain_verify


class Command(BaseCommand):
    help = "Check the audit log's hash chain in commit order; name its first broken link and fail if there is one."

    def handle(self, *args, **options):
        check = audit_chain_verify()
        if not check.holds:
            if check.broken_sequence is None:
                message = gettext("Audit chain broken at row %(id)s: %(problem)s.")
            else:
                message = gettext("Audit chain broken at sequence %(sequence)s (row %(id)s): %(problem)s.")
            raise CommandError(
                message % {"sequence": check.broken_sequence, "id": check.broken_id, "problem": check.problem}
            )
        if not check.rows:
            self.stdout.write(gettext("Audit chain intact: no rows yet."))
            return
        self.stdout.write(
            ngettext(
                "Audit chain intact: %(rows)d row, sequence %(first)d to %(last)d.",
                "Audit chain intact: %(rows)d rows, sequence %(first)d to %(last)d.",
                check.rows,
            )
            % {"rows": check.rows, "first": check.first_sequence, "last": check.last_sequence}
        )

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext, ngettext

from invoices.services.numbering import invoice_chain_verify


class Command(BaseCommand):
    help = "Check that every issued invoice, credit note and receipt still matches its hash and its chain."

    def handle(self, *args, **options):
        check = invoice_chain_verify()
        if not check.holds:
            raise CommandError(
                gettext("The chain breaks at %(number)s: %(problem)s.")
                % {"number": check.broken_number, "problem": check.problem}
            )
        count = check.checked
        self.stdout.write(
            ngettext(
                "%(count)d issued document chains correctly.",
                "All %(count)d issued documents chain correctly.",
                count,
            )
            % {"count": count}
        )

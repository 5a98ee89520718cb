from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext, ngettext

from commissions.statements import commission_statements_send, statement_month


class Command(BaseCommand):
    help = "E-mail each broker its commission statement of the month, once (default: last month)."

    def add_arguments(self, parser):
        parser.add_argument("--month", help="YYYY-MM, Toronto time")

    def handle(self, *args, month=None, **options):
        try:
            first_day = statement_month(value=month)
        except ValueError as error:
            raise CommandError(gettext("'%(value)s' is not a month in the form YYYY-MM.") % {"value": month}) from error
        count = commission_statements_send(month=first_day)
        self.stdout.write(
            ngettext(
                "%(count)d commission statement sent for %(month)s.",
                "%(count)d commission statements sent for %(month)s.",
                count,
            )
            % {"count": count, "month": f"{first_day:%Y-%m}"}
        )

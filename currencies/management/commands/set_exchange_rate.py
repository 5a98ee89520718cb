from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext

from currencies.services import exchange_rate_set
from nzila_export.exceptions import DomainError


class Command(BaseCommand):
    help = "Set or correct an exchange rate by hand (CAD per unit; today unless --date). Marked manual, audited."

    def add_arguments(self, parser):
        parser.add_argument("currency", help="ISO 4217 code, e.g. NGN")
        parser.add_argument("rate", help="CAD per one unit of the currency, e.g. 0.00096")
        parser.add_argument("--date", dest="on", help="YYYY-MM-DD (default: today, Toronto time)")
        parser.add_argument("--note", default="Entered with set_exchange_rate", help="why, for the audit log")

    def handle(self, *args, currency, rate, on=None, note="", **options):
        try:
            cad_per_unit = Decimal(rate)
        except InvalidOperation as error:
            raise CommandError(gettext("'%(value)s' is not a number.") % {"value": rate}) from error
        try:
            day = date.fromisoformat(on) if on else timezone.localdate()
        except ValueError as error:
            raise CommandError(gettext("'%(value)s' is not a date in the form YYYY-MM-DD.") % {"value": on}) from error
        try:
            stored = exchange_rate_set(currency=currency, cad_per_unit=cad_per_unit, on=day, user=None, note=note)
        except DomainError as error:
            raise CommandError(error.message) from error
        self.stdout.write(self.style.SUCCESS(f"Stored: {stored}"))

"""Validation of the reference values a user chooses (time zone, currency) and of an identity number."""

import re
import zoneinfo
from functools import cache

from babel.numbers import list_currencies
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in _time_zones():
        raise ValidationError(_("%(value)s is not an IANA time zone, such as Africa/Abidjan."), params={"value": value})


def validate_currency_code(value: str) -> None:
    if value not in list_currencies():
        raise ValidationError(
            _("%(value)s is not an ISO 4217 currency code, such as CAD or XOF."), params={"value": value}
        )


# A national identity or passport number as printed on the document: letters, digits, spaces and dashes.
IDENTITY_NUMBER = re.compile(r"[A-Za-z0-9 -]{4,30}")


def validate_identity_number(value: str) -> None:
    if not IDENTITY_NUMBER.fullmatch(value):
        raise ValidationError(
            _("An identity number is 4 to 30 letters, digits, spaces or dashes, as on the document."),
            code="invalid",
        )

"""ISO 6346 container numbers: owner code (3 letters), category (U, J or Z), 6-digit serial and a check
digit, e.g. CSQU3054383. The check digit catches a mistyped number before a booking goes out on it.

Check digit: each of the first ten characters gets a value (digits as they are; letters from A=10
upwards, skipping multiples of 11), multiplied by 2**position; the sum modulo 11, with 10 read as 0.
"""

import re
import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CONTAINER_PATTERN = re.compile(r"^[A-Z]{3}[UJZ]\d{7}$")


def _letter_values() -> dict[str, int]:
    values, value = {}, 10
    for letter in string.ascii_uppercase:
        if value % 11 == 0:
            value += 1
        values[letter] = value
        value += 1
    return values


LETTER_VALUES = _letter_values()


def container_check_digit(first_ten: str) -> int:
    total = sum(
        (int(char) if char.isdigit() else LETTER_VALUES[char]) * 2**position for position, char in enumerate(first_ten)
    )
    return total % 11 % 10


def validate_container_number(value: str) -> None:
    if not CONTAINER_PATTERN.match(value or ""):
        raise ValidationError(
            _("%(value)r is not an ISO 6346 container number: 3 letters, U, J or Z, then 7 digits (e.g. CSQU3054383)."),
            code="invalid_container_number",
            params={"value": value},
        )
    expected = container_check_digit(value[:10])
    if int(value[10]) != expected:
        raise ValidationError(
            _("The check digit of %(value)s is wrong (it should be %(expected)s): check the number on the booking."),
            code="invalid_container_check_digit",
            params={"value": value, "expected": expected},
        )

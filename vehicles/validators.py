"""The VIN rules of a North American vehicle (49 CFR 565): each failure says which rule failed."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

VIN_LENGTH = 17
VIN_FORBIDDEN_LETTERS = frozenset("IOQ")
CHECK_DIGIT_POSITION = 9  # 1-based, as the standard counts

# Letters stand for digits (I, O and Q never appear); each position carries a weight.
TRANSLITERATION = {
    **{str(digit): digit for digit in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin_check_digit(vin: str) -> str:
    """The check digit a VIN must carry at position 9 ('0'-'9' or 'X' for 10)."""
    total = sum(TRANSLITERATION[character] * weight for character, weight in zip(vin, WEIGHTS, strict=True))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def validate_vin(value: str) -> None:
    vin = value.upper()
    if len(vin) != VIN_LENGTH:
        raise ValidationError(
            _("A VIN has 17 characters; this one has %(length)d."), code="vin_length", params={"length": len(vin)}
        )
    forbidden = sorted({character for character in vin if character in VIN_FORBIDDEN_LETTERS})
    if forbidden:
        raise ValidationError(
            _("A VIN never contains the letters I, O or Q; this one contains %(letters)s."),
            code="vin_forbidden_letter",
            params={"letters": ", ".join(forbidden)},
        )
    unknown = sorted({character for character in vin if character not in TRANSLITERATION})
    if unknown:
        raise ValidationError(
            _("A VIN holds only letters A-Z and digits 0-9; this one contains %(characters)s."),
            code="vin_character",
            params={"characters": ", ".join(repr(character) for character in unknown)},
        )
    expected = vin_check_digit(vin)
    if vin[CHECK_DIGIT_POSITION - 1] != expected:
        raise ValidationError(
            _("The check digit (9th character) of this VIN should be %(expected)s, not %(found)s."),
            code="vin_check_digit",
            params={"expected": expected, "found": vin[CHECK_DIGIT_POSITION - 1]},
        )


# The first character of the VIN (the World Manufacturer Identifier's region) names the country where the
# vehicle was built (ISO 3779; SAE J1044 assigns the ranges). Only the unambiguous single-country ranges
# are listed: a car built elsewhere gets no country from its VIN and the invoice says so.
VIN_COUNTRY_OF_ORIGIN = {
    **dict.fromkeys("145", "US"), "2": "CA", "3": "MX", "J": "JP", "K": "KR", "L": "CN", "W": "DE",
    "Y": "SE", "Z": "IT", "S": "GB", "9": "BR",
}  # fmt: skip


def vin_country_of_origin(vin: str) -> str:
    """The ISO country code where the vehicle was built, from its VIN; "" when the VIN does not say."""
    return VIN_COUNTRY_OF_ORIGIN.get(vin[:1].upper(), "")

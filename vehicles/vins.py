"""Making valid VINs (demo data, benchmark, tests): 16 chosen characters and the check digit."""

import random

from vehicles.validators import TRANSLITERATION, vin_check_digit

VIN_ALPHABET = "".join(sorted(TRANSLITERATION))
# World manufacturer identifiers (first three characters) of real makes, for plausible VINs.
WMI_BY_MAKE = {
    "Toyota": "2T1",
    "Honda": "2HG",
    "Ford": "1FA",
    "Chevrolet": "1G1",
    "Nissan": "1N4",
    "Hyundai": "KMH",
    "Kia": "KNA",
    "Mazda": "JM1",
    "Subaru": "JF1",
    "Volkswagen": "3VW",
    "BMW": "WBA",
    "Mercedes-Benz": "WDD",
    "Lexus": "2T2",
    "Jeep": "1C4",
    "Ram": "1C6",
    "GMC": "1GT",
    "Dodge": "2C3",
    "Audi": "WAU",
    "Mitsubishi": "JA4",
    "Land Rover": "SAL",
}


def vin_with_check_digit(first_sixteen: str) -> str:
    """Insert the right check digit at position 9 of these 16 characters (positions 1-8 and 10-17)."""
    draft = first_sixteen[:8] + "0" + first_sixteen[8:]
    return draft[:8] + vin_check_digit(draft) + draft[9:]


def vin_random(*, rng: random.Random, make: str = "", serial: int | None = None) -> str:
    wmi = WMI_BY_MAKE.get(make) or "".join(rng.choice(VIN_ALPHABET) for _ in range(3))
    descriptor = "".join(rng.choice(VIN_ALPHABET) for _ in range(5))
    year_and_plant = "".join(rng.choice(VIN_ALPHABET) for _ in range(2))
    tail = f"{serial:06d}"[-6:] if serial is not None else "".join(rng.choice("0123456789") for _ in range(6))
    return vin_with_check_digit(wmi + descriptor + year_and_plant + tail)

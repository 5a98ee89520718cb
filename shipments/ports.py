"""Ports as UN/LOCODEs (two-letter country + three letters or digits 2-9, e.g. CAHAL, CIABJ).

Cars for Africa leave from a handful of Canadian ports, so the origin must be one of CANADIAN_PORTS.
The destination may be any well-formed code (a new port must not need a deploy); the ones the
destination rules name (leads/data/destination_rules.csv) and the usual corridors are listed here with
their names. Source: UNECE UN/LOCODE code lists (unece.org/trade/cefact/unlocode-code-list-country-and-territory).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

UNLOCODE_PATTERN = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")

CANADIAN_PORTS = {
    "CAHAL": "Halifax",
    "CAMTR": "Montréal",
    "CASJB": "Saint John",
    "CAQUE": "Québec",
    "CATOR": "Toronto",
    "CAVAN": "Vancouver",
    "CAPRR": "Prince Rupert",
}

AFRICAN_PORTS = {
    "CIABJ": "Abidjan",
    "CISPY": "San-Pédro",
    "SNDKR": "Dakar",
    "GHTEM": "Tema",
    "GHTKD": "Takoradi",
    "NGLOS": "Lagos",
    "NGAPP": "Apapa (Lagos)",
    "NGTIN": "Tin Can Island (Lagos)",
    "NGONN": "Onne",
    "CMDLA": "Douala",
    "BJCOO": "Cotonou",
    "TGLFW": "Lomé",
    "GNCKY": "Conakry",
    "CGPNR": "Pointe-Noire",
    "GAOWE": "Owendo (Libreville)",
    "CDMAT": "Matadi",
    "CDBOA": "Boma",
    "KEMBA": "Mombasa",
    "TZDAR": "Dar es Salaam",
}

KNOWN_PORTS = {**CANADIAN_PORTS, **AFRICAN_PORTS}

# Where a car leaves Canada for Africa before its shipment is booked: the Atlantic provinces' cars go to
# Halifax, the others by rail or road to Montréal, the two ports with regular West Africa sailings.
ATLANTIC_PROVINCES = frozenset({"NB", "NL", "NS", "PE"})


def port_of_loading_for(*, province: str) -> str:
    return "CAHAL" if province in ATLANTIC_PROVINCES else "CAMTR"


def port_name(code: str) -> str:
    return KNOWN_PORTS.get(code, "")


def validate_unlocode(value: str) -> None:
    if not UNLOCODE_PATTERN.match(value or ""):
        raise ValidationError(
            _("%(value)r is not a UN/LOCODE: two country letters then three letters or digits 2-9, e.g. CIABJ."),
            code="invalid_unlocode",
            params={"value": value},
        )


def validate_canadian_port(value: str) -> None:
    validate_unlocode(value)
    if value not in CANADIAN_PORTS:
        known = ", ".join(f"{code} ({name})" for code, name in CANADIAN_PORTS.items())
        raise ValidationError(
            _("Cars leave from a Canadian port: one of %(ports)s."), code="not_a_canadian_port", params={"ports": known}
        )

"""The interface every exchange-rate source implements, and what it answers."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol


@dataclass(frozen=True)
class RateQuote:
    """One published rate: the value in CAD of one unit of `currency` on `date`."""

    currency: str
    date: date
    cad_per_unit: Decimal


class RateProviderError(Exception):
    """The source could not answer (network, 5xx after retries, or a body we cannot read)."""


class RateProvider(Protocol):
    code: str
    source: str  # a currencies.models.RateSource value

    def fetch(self, *, currencies: list[str]) -> list[RateQuote]:
        """The newest published rate of each of `currencies` the source knows; unknown ones are left out."""
        ...

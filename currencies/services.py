"""Exchange-rate writes: the daily update from the feeds, the euro parity of the CFA francs, rates
entered by hand, and the alert when rates go stale."""

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_EVEN, Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import User
from accounts.selectors import staff_list_active
from audit.services import audit_record
from currencies.conversion import RATE_QUANTUM
from currencies.models import ExchangeRate, RateSource
from currencies.money import EURO_PARITY, REFERENCE_CURRENCY, SUPPORTED_CURRENCIES, currency_check
from currencies.rates import rate_provider
from currencies.rates.base import RateProviderError, RateQuote
from notifications.services import notify
from nzila_export.exceptions import DomainError

logger = logging.getLogger(__name__)

# Every currency that needs a rate, and those a feed must supply (the CFA francs follow the euro).
RATED_CURRENCIES = [code for code in SUPPORTED_CURRENCIES if code != REFERENCE_CURRENCY]
FEED_CURRENCIES = [code for code in RATED_CURRENCIES if code not in EURO_PARITY]


@dataclass
class RatesUpdateReport:
    stored: list[str] = field(default_factory=list)  # "USD 2026-11-20 (bank_of_canada)"
    missing: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)


def exchange_rates_update(*, now: datetime | None = None) -> RatesUpdateReport:
    """Read the newest rates from the configured source, ask the fallback for what it lacked, derive
    XOF and XAF from the euro, then alert staff about any currency left stale."""
    now = now or timezone.now()
    report = RatesUpdateReport()
    wanted = list(FEED_CURRENCIES)
    for code in [settings.EXCHANGE_RATE_PROVIDER, settings.EXCHANGE_RATE_FALLBACK_PROVIDER]:
        if not code or not wanted:
            continue
        provider = rate_provider(code)
        try:
            quotes = provider.fetch(currencies=wanted)
        except RateProviderError as error:
            logger.warning("Exchange-rate source %s failed: %s", code, error)
            report.errors.append(f"{code}: {error}")
            continue
        report.stored += exchange_rates_store(quotes=quotes, source=provider.source, now=now)
        found = {quote.currency for quote in quotes}
        wanted = [code for code in wanted if code not in found]
    report.missing = wanted
    report.stale = exchange_rates_alert_stale(now=now)
    return report


@transaction.atomic
def exchange_rates_store(*, quotes: list[RateQuote], source: str, now: datetime | None = None) -> list[str]:
    """Store a source's quotes (hand-entered rates of the same day are kept); returns what was stored."""
    now = now or timezone.now()
    return [
        f"{quote.currency} {quote.date.isoformat()} ({source})"
        for quote in quotes
        if _rate_store(quote=quote, source=source, now=now)
    ]


def _rate_store(*, quote: RateQuote, source: str, now: datetime) -> bool:
    """Store a feed's rate (and, for the euro, the CFA francs' parity rates) unless a rate of that day
    was entered by hand. False when the hand-entered rate was kept."""
    existing = ExchangeRate.objects.select_for_update().filter(currency=quote.currency, date=quote.date).first()
    if existing is not None and existing.source == RateSource.MANUAL:
        return False
    ExchangeRate.objects.update_or_create(
        currency=quote.currency,
        date=quote.date,
        defaults={"cad_per_unit": quote.cad_per_unit, "source": source, "confirmed_at": now, "entered_by": None},
    )
    if quote.currency == "EUR":
        _parity_store(euro_cad=quote.cad_per_unit, on=quote.date, now=now)
    return True


def _parity_store(*, euro_cad: Decimal, on: date, now: datetime) -> None:
    for currency, per_euro in EURO_PARITY.items():
        existing = ExchangeRate.objects.select_for_update().filter(currency=currency, date=on).first()
        if existing is not None and existing.source == RateSource.MANUAL:
            continue
        ExchangeRate.objects.update_or_create(
            currency=currency,
            date=on,
            defaults={
                "cad_per_unit": parity_rate(euro_cad=euro_cad, per_euro=per_euro),
                "source": RateSource.PARITY,
                "confirmed_at": now,
                "entered_by": None,
            },
        )


def parity_rate(*, euro_cad: Decimal, per_euro: Decimal) -> Decimal:
    """CAD per unit of a currency pegged at `per_euro` units to the euro: 1.6150 / 655.957."""
    return (euro_cad / per_euro).quantize(RATE_QUANTUM, rounding=ROUND_HALF_EVEN)


def exchange_rate_check(*, currency: str, cad_per_unit: Decimal) -> tuple[str, Decimal]:
    """The currency and rate as stored, or a DomainError naming the wrong field."""
    currency = currency_check(currency)
    if currency == REFERENCE_CURRENCY:
        raise DomainError(gettext("CAD is the reference currency: its rate is always 1."), field="currency")
    if currency in EURO_PARITY:
        raise DomainError(
            gettext("%(currency)s is fixed at %(per_euro)s per euro: set the EUR rate instead.")
            % {"currency": currency, "per_euro": EURO_PARITY[currency]},
            field="currency",
        )
    cad_per_unit = Decimal(cad_per_unit)
    if not cad_per_unit.is_finite() or cad_per_unit <= 0:
        raise DomainError(gettext("The rate must be a positive number of CAD per unit."), field="cad_per_unit")
    if cad_per_unit.adjusted() >= 12:  # the column holds 12 digits before the point
        raise DomainError(gettext("The rate is out of range."), field="cad_per_unit")
    cad_per_unit = cad_per_unit.quantize(RATE_QUANTUM, rounding=ROUND_HALF_EVEN)
    if cad_per_unit <= 0:
        raise DomainError(gettext("The rate is smaller than 0.000000000001 CAD per unit."), field="cad_per_unit")
    return currency, cad_per_unit


@transaction.atomic
def exchange_rate_set(
    *, currency: str, cad_per_unit: Decimal, on: date, user: User | None, note: str = ""
) -> ExchangeRate:
    """Set or correct a day's rate by hand (ops, when a feed fails). Marked manual, never overwritten
    by a feed, and audited with the value it replaced. Setting the euro re-derives XOF and XAF."""
    currency, cad_per_unit = exchange_rate_check(currency=currency, cad_per_unit=cad_per_unit)
    now = timezone.now()
    before = ExchangeRate.objects.select_for_update().filter(currency=currency, date=on).first()
    rate, _ = ExchangeRate.objects.update_or_create(
        currency=currency,
        date=on,
        defaults={
            "cad_per_unit": cad_per_unit,
            "source": RateSource.MANUAL,
            "entered_by": user,
            "note": note[:255],
            "confirmed_at": now,
        },
    )
    audit_record(
        action="exchange_rate.set",
        instance=rate,
        user=user,
        changes={
            "currency": currency,
            "date": on.isoformat(),
            "cad_per_unit": [str(before.cad_per_unit) if before else None, str(cad_per_unit)],
            "source": [before.source if before else None, RateSource.MANUAL],
            "note": note,
        },
    )
    if currency == "EUR":
        _parity_store(euro_cad=cad_per_unit, on=on, now=now)
    return rate


def exchange_rates_stale(*, now: datetime | None = None) -> list[tuple[str, datetime | None]]:
    """(currency, last confirmed) for each needed currency no source has confirmed within
    EXCHANGE_RATE_STALE_AFTER_HOURS (None: never had a rate)."""
    now = now or timezone.now()
    limit = now - timedelta(hours=settings.EXCHANGE_RATE_STALE_AFTER_HOURS)
    confirmed = dict(
        ExchangeRate.objects.filter(currency__in=RATED_CURRENCIES)
        .values_list("currency")
        .annotate(last=Max("confirmed_at"))
        .values_list("currency", "last")
    )
    return [(code, confirmed.get(code)) for code in RATED_CURRENCIES if (confirmed.get(code) or limit) <= limit]


def exchange_rates_alert_stale(*, now: datetime | None = None) -> list[str]:
    """Tell staff which rates are stale (none are used silently: conversions past their allowed age
    are refused). Returns the stale currencies."""
    stale = exchange_rates_stale(now=now)
    if stale:
        staff = staff_list_active()
        with transaction.atomic():
            notify(
                event="exchange_rates.stale",
                recipients=list(staff),
                context={
                    "stale": [{"currency": code, "confirmed_at": last} for code, last in stale],
                    "hours": settings.EXCHANGE_RATE_STALE_AFTER_HOURS,
                },
            )
        logger.warning("Stale exchange rates: %s", ", ".join(code for code, _ in stale))
    return [code for code, _ in stale]

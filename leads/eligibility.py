"""The destination check: may this car be imported into that country?

One place for the rule, read by leads now and by deals later. Two things can stop a car from Canada:
- steering: Canadian cars are left-hand drive, so a country that admits right-hand drive only
  (Kenya, Tanzania, Uganda) refuses every one of them;
- age: a country with `max_age_years` refuses a car older than that. We know a listing's model year,
  not its manufacture or first-registration date, so age is counted as this calendar year minus the
  model year, whatever basis the rule uses; the reason says which basis the rule names, so that the
  dealer knows to check the first-registration date where it matters.
A country with no rule on file is allowed, with a note saying so.

The reasons are kept as nzila_export.stored_text messages: a lead stores them and each reader reads them
in their own language; `reasons` gives them in the active language (a refusal answered at once).
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from leads.models import AgeCountedFrom, DestinationRule, Steering
from nzila_export.stored_text import message_to_store, stored_text_read

CANADIAN_STEERING = Steering.LHD

# One sentence per basis rather than the basis as a value: a stored message's values are not translated.
TOO_OLD_REASON = {
    AgeCountedFrom.FIRST_REGISTRATION: _(
        "%(destination)s admits used cars up to %(max_age)s years old (counted from first registration); "
        "this %(year)s car is %(age)s years old, counted from its model year."
    ),
    AgeCountedFrom.MANUFACTURE: _(
        "%(destination)s admits used cars up to %(max_age)s years old (counted from manufacture); "
        "this %(year)s car is %(age)s years old, counted from its model year."
    ),
    AgeCountedFrom.UNKNOWN: _(
        "%(destination)s admits used cars up to %(max_age)s years old (the rule does not say whether from "
        "manufacture or first registration); this %(year)s car is %(age)s years old, counted from its model year."
    ),
}


@dataclass(frozen=True)
class Eligibility:
    allowed: bool
    reasons_to_store: list[dict] = field(default_factory=list)  # nzila_export.stored_text messages
    rule: DestinationRule | None = None

    @property
    def reasons(self) -> list[str]:
        return [stored_text_read(reason) for reason in self.reasons_to_store]


def destination_rule_for(*, country) -> DestinationRule | None:
    return DestinationRule.objects.filter(country=str(country).upper()).first()


def vehicle_age_years(*, year: int, today: date | None = None) -> int:
    """Age as the calendar year minus the model year (a 2020 car is 6 in 2026)."""
    today = today or timezone.localdate()
    return max(today.year - int(year), 0)


def destination_check(
    *, vehicle, country, rule: DestinationRule | None = None, today: date | None = None
) -> Eligibility:
    """Whether `vehicle` (anything with a model `year`) may be imported into `country` (ISO2).

    Pass `rule` when it is already loaded (a list checks many cars against one country)."""
    country_code = str(country).upper()
    if rule is None:
        rule = destination_rule_for(country=country_code)
    if rule is None:
        return Eligibility(
            allowed=True,
            reasons_to_store=[
                message_to_store(
                    _("No import rule is on file for %(country)s; check the destination's rules before shipping."),
                    country=country_code,
                )
            ],
        )
    reasons = []
    if rule.steering_allowed != CANADIAN_STEERING:
        reasons.append(
            message_to_store(
                _("%(destination)s admits right-hand-drive cars only, and cars from Canada are left-hand drive."),
                destination=rule.name,
            )
        )
    if rule.max_age_years is not None:
        age = vehicle_age_years(year=vehicle.year, today=today)
        if age > rule.max_age_years:
            reasons.append(
                message_to_store(
                    TOO_OLD_REASON[rule.age_counted_from],
                    destination=rule.name,
                    max_age=rule.max_age_years,
                    year=vehicle.year,
                    age=age,
                )
            )
    return Eligibility(allowed=not reasons, reasons_to_store=reasons, rule=rule)


def oldest_admitted_year(*, rule: DestinationRule | None, today: date | None = None) -> int | None:
    """The oldest model year `rule` admits (None: no age cap), for filtering lists in the database."""
    if rule is None or rule.max_age_years is None:
        return None
    today = today or timezone.localdate()
    return today.year - rule.max_age_years


def steering_refused(*, rule: DestinationRule | None) -> bool:
    return rule is not None and rule.steering_allowed != CANADIAN_STEERING

"""The destination check: may this car be imported into that country?

One place for the rule, read by leads now and by deals later. Two things can stop a car from Canada:
- steering: Canadian cars are left-hand drive, so a country that admits right-hand drive only
  (Kenya, Tanzania, Uganda) refuses every one of them;
- age: a country with `max_age_years` refuses a car older than that. We know a listing's model year,
  not its manufacture or first-registration date, so age is counted as this calendar year minus the
  model year, whatever basis the rule uses; the reason says which basis the rule names, so that the
  dealer knows to check the first-registration date where it matters.
A country with no rule on file is allowed, with a note saying so.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from leads.models import AgeCountedFrom, DestinationRule, Steering

CANADIAN_STEERING = Steering.LHD

AGE_BASIS_TEXT = {
    AgeCountedFrom.FIRST_REGISTRATION: _("counted from first registration"),
    AgeCountedFrom.MANUFACTURE: _("counted from manufacture"),
    AgeCountedFrom.UNKNOWN: _("the rule does not say whether from manufacture or first registration"),
}


@dataclass(frozen=True)
class Eligibility:
    allowed: bool
    reasons: list[str] = field(default_factory=list)
    rule: DestinationRule | None = None


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
            reasons=[
                gettext("No import rule is on file for %(country)s; check the destination's rules before shipping.")
                % {"country": country_code}
            ],
        )
    reasons = []
    if rule.steering_allowed != CANADIAN_STEERING:
        reasons.append(
            gettext("%(destination)s admits right-hand-drive cars only, and cars from Canada are left-hand drive.")
            % {"destination": rule.name}
        )
    if rule.max_age_years is not None:
        age = vehicle_age_years(year=vehicle.year, today=today)
        if age > rule.max_age_years:
            reasons.append(
                gettext(
                    "%(destination)s admits used cars up to %(max_age)s years old (%(basis)s); this %(year)s car "
                    "is %(age)s years old, counted from its model year."
                )
                % {
                    "destination": rule.name,
                    "max_age": rule.max_age_years,
                    "basis": AGE_BASIS_TEXT[rule.age_counted_from],
                    "year": vehicle.year,
                    "age": age,
                }
            )
    return Eligibility(allowed=not reasons, reasons=reasons, rule=rule)


def oldest_admitted_year(*, rule: DestinationRule | None, today: date | None = None) -> int | None:
    """The oldest model year `rule` admits (None: no age cap), for filtering lists in the database."""
    if rule is None or rule.max_age_years is None:
        return None
    today = today or timezone.localdate()
    return today.year - rule.max_age_years


def steering_refused(*, rule: DestinationRule | None) -> bool:
    return rule is not None and rule.steering_allowed != CANADIAN_STEERING

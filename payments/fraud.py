"""Fraud controls on payments. The signals a deal's risk shares (a new account, a country mismatch, a
high value) are defined once, in deals.fraud, below payments; the points and the checks here are the
payment's.

Every payment attempt is checked before it reaches a provider:

1. Velocity limits, counted in the cache (Redis; atomic incr, each counter expiring with its window):
   payment attempts per user per day, distinct cards per user per month, failed payments per IP per hour
   (FRAUD_MAX_* settings). Over a limit the attempt is refused (429 with Retry-After, or 403 for cards).
2. Risk points, each with its reason kept: a new account, a high CAD value, a billing or phone country
   other than the account's, a rapid checkout, recent failures of the payer. Under FRAUD_REVIEW_FROM
   the payment proceeds; from it to FRAUD_BLOCK_ABOVE it is held for staff review; above it is blocked.
   A learned model adds its points when one serves (payments.hooks.PAYMENT_RISK_POINTS: ml, only once a
   version has beaten these points on held-out payments), with its assessment kept on the payment.

Refusal messages never say which limit or signal tripped: the audit log and the payment say it to staff.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import phonenumbers
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deals.fraud import account_is_new, countries_differ, value_exceeds
from nzila_export.exceptions import DomainError
from payments.hooks import PAYMENT_RISK_POINTS

# The payment's own signals: their thresholds.
RAPID_CHECKOUT_WITHIN = timedelta(minutes=2)
RECENT_FAILURES_WINDOW = timedelta(hours=24)
RECENT_FAILURES_COUNT = 3

# Payment risk points.
POINTS_NEW_ACCOUNT = 20
POINTS_HIGH_VALUE = 15
POINTS_COUNTRY_MISMATCH = 25
POINTS_RAPID_CHECKOUT = 10
POINTS_RECENT_FAILURES = 15
PAYMENT_HIGH_VALUE_CAD = Decimal("10000")

MODEL_REASON_CODE = "anomaly_model"  # the learned model's points among the reasons

DECISION_PROCEED, DECISION_REVIEW, DECISION_BLOCK = "proceed", "review", "block"

BLOCKED_FAILURE_CODE = "risk_blocked"  # on the payment, for staff; callers see PaymentBlocked.code
REFUSED_MESSAGE = _("This payment cannot be accepted. Please contact support if you believe this is a mistake.")
LATER_MESSAGE = _("This payment cannot be taken right now. Please try again later.")


@dataclass(frozen=True)
class RiskReason:
    code: str
    points: int
    reason: str

    def as_dict(self) -> dict:
        return {"code": self.code, "points": self.points, "reason": self.reason}


@dataclass(frozen=True)
class PaymentRisk:
    score: int
    reasons: list[RiskReason] = field(default_factory=list)
    model: dict | None = None  # the learned model's assessment (PAYMENT_RISK_POINTS); None when none serves

    @property
    def decision(self) -> str:
        if self.score > settings.FRAUD_BLOCK_ABOVE:
            return DECISION_BLOCK
        if self.score >= settings.FRAUD_REVIEW_FROM:
            return DECISION_REVIEW
        return DECISION_PROCEED

    def reasons_as_dicts(self) -> list[dict]:
        return [reason.as_dict() for reason in self.reasons]


class FraudRefusal(DomainError):
    """An attempt refused by the fraud controls. Raised once the refusal's audit record (and a blocked
    payment) are committed; the body carries the payment's id and Retry-After when there are some."""

    def __init__(
        self, message: str, *, retry_after: int | None = None, payment_id: int | None = None, limit: str = "",
        status_code: int | None = None,
    ):  # fmt: skip
        extra = {"payment": payment_id, "retry_after": retry_after}
        super().__init__(message, **{name: value for name, value in extra.items() if value})
        self.limit = limit  # for the audit log, never for the caller
        if status_code is not None:
            self.status_code = status_code


class VelocityLimitExceeded(FraudRefusal):
    status_code = 429
    code = "too_many_attempts"


class PaymentBlocked(FraudRefusal):
    status_code = 403
    code = "payment_refused"


# --- Signals (shared with deals.fraud) ---------------------------------------------------------------


def phone_country(phone) -> str:
    """The ISO country of an E.164 number ("" when unknown)."""
    if not phone:
        return ""
    try:
        number = phone if isinstance(phone, phonenumbers.PhoneNumber) else phonenumbers.parse(str(phone), None)
    except phonenumbers.NumberParseException:
        return ""
    return phonenumbers.region_code_for_number(number) or ""


# --- Payment risk ------------------------------------------------------------------------------------


def payment_risk_assess(
    *, payer, deal, amount_cad: Decimal, billing_country: str = "", phone: str = "", ip_address: str | None = None,
    now: datetime | None = None,
) -> PaymentRisk:  # fmt: skip
    """The payment's risk points, each with its reason, and the learned model's when one serves. `phone` is the
    number paying (mobile money); the payer's own phone otherwise."""
    from payments.models import Payment, PaymentStatus

    now = now or timezone.now()
    reasons: list[RiskReason] = []
    if account_is_new(user=payer, now=now):
        reasons.append(RiskReason("new_account", POINTS_NEW_ACCOUNT, "The buyer's account is less than 7 days old."))
    if value_exceeds(amount_cad=amount_cad, threshold_cad=PAYMENT_HIGH_VALUE_CAD):
        reasons.append(RiskReason("high_value", POINTS_HIGH_VALUE, "The payment is over CAD 10,000."))
    account_country = str(payer.country or "")
    mismatched = [
        (what, country)
        for what, country in (("billing", billing_country), ("phone", phone_country(phone or payer.phone)))
        if countries_differ(account_country=account_country, other_country=country)
    ]
    if mismatched:
        described = ", ".join(f"{what} country {country}" for what, country in mismatched)
        reasons.append(
            RiskReason(
                "country_mismatch", POINTS_COUNTRY_MISMATCH,
                f"The {described} differs from the account's country ({account_country}).",
            )
        )  # fmt: skip
    if deal.status_changed_at and now - deal.status_changed_at < RAPID_CHECKOUT_WITHIN:
        reasons.append(
            RiskReason(
                "rapid_checkout", POINTS_RAPID_CHECKOUT,
                "Paid less than 2 minutes after the deal became payable.",
            )
        )  # fmt: skip
    failures = Payment.objects.filter(
        payer=payer, status=PaymentStatus.FAILED, created_at__gte=now - RECENT_FAILURES_WINDOW
    ).count()
    if failures >= RECENT_FAILURES_COUNT:
        reasons.append(
            RiskReason(
                "recent_failures", POINTS_RECENT_FAILURES,
                f"The buyer had {failures} failed payments in the last 24 hours.",
            )
        )  # fmt: skip
    model = None
    if PAYMENT_RISK_POINTS.is_answered:
        model = PAYMENT_RISK_POINTS.ask(
            payer=payer, deal=deal, amount_cad=amount_cad, reason_codes={reason.code for reason in reasons},
            ip_address=ip_address, now=now,
        )  # fmt: skip
    if model and model["points"]:
        reasons.append(
            RiskReason(
                MODEL_REASON_CODE, model["points"],
                f"The payment anomaly model (version {model['model_version']}) puts the chance of fraud at "
                f"{model['probability']:.0%}, above its threshold of {model['threshold']:.0%}.",
            )
        )  # fmt: skip
    return PaymentRisk(score=min(sum(reason.points for reason in reasons), 100), reasons=reasons, model=model)


# --- Velocity ----------------------------------------------------------------------------------------


def _window(now: datetime, period: str) -> tuple[str, int]:
    """The fixed window `now` falls in (its key part) and the seconds until it ends."""
    now = now.astimezone(UTC)
    if period == "hour":
        start = now.replace(minute=0, second=0, microsecond=0)
        end, label = start + timedelta(hours=1), start.strftime("%Y%m%d%H")
    elif period == "day":
        start = now.replace(hour=0, minute=0, second=0, microsecond=0)
        end, label = start + timedelta(days=1), start.strftime("%Y%m%d")
    else:  # month
        start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        end = (start + timedelta(days=32)).replace(day=1)
        label = start.strftime("%Y%m")
    return label, max(int((end - now).total_seconds()) + 1, 1)


def _incr(key: str, *, timeout: int) -> int:
    """Atomic: add with the window's expiry if new, then incr (Redis INCR)."""
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 0, timeout=timeout)
        return cache.incr(key)


def velocity_check(*, user, card: str, ip_address: str | None, now: datetime | None = None) -> None:
    """Count this attempt and refuse it when over a limit (VelocityLimitExceeded). Checked in order:
    failures from the IP this hour, distinct cards this month, attempts today."""
    now = now or timezone.now()
    if ip_address:
        label, remaining = _window(now, "hour")
        failures = cache.get(f"fraud:ip-failures:{ip_address}:{label}", 0)
        if failures >= settings.FRAUD_MAX_FAILURES_PER_IP_PER_HOUR:
            raise VelocityLimitExceeded(str(LATER_MESSAGE), retry_after=remaining, limit="ip_failures_per_hour")
    if card:
        label, remaining = _window(now, "month")
        if cache.add(f"fraud:card:{user.pk}:{label}:{card}", 1, timeout=remaining):  # a card new this month
            cards = _incr(f"fraud:cards:{user.pk}:{label}", timeout=remaining)
            if cards > settings.FRAUD_MAX_CARDS_PER_USER_PER_MONTH:
                cache.delete(f"fraud:card:{user.pk}:{label}:{card}")
                cache.decr(f"fraud:cards:{user.pk}:{label}")
                raise VelocityLimitExceeded(str(REFUSED_MESSAGE), limit="cards_per_month", status_code=403)
    label, remaining = _window(now, "day")
    attempts = _incr(f"fraud:attempts:{user.pk}:{label}", timeout=remaining)
    if attempts > settings.FRAUD_MAX_ATTEMPTS_PER_USER_PER_DAY:
        raise VelocityLimitExceeded(str(LATER_MESSAGE), retry_after=remaining, limit="attempts_per_day")


def ip_failure_record(*, ip_address: str | None, now: datetime | None = None) -> None:
    """A payment from this IP failed (declined, refused after review is not counted)."""
    if not ip_address:
        return
    label, remaining = _window(now or timezone.now(), "hour")
    _incr(f"fraud:ip-failures:{ip_address}:{label}", timeout=remaining)

"""What the payment anomaly model knows about a payment, as of the moment it is made.

FEATURES, each known before the provider is asked:
- amount_log: ln(amount in CAD / 10,000);
- minutes_log: ln(1 + minutes since the deal became payable) (a deal's last move to pending payment);
- declined_attempts: the payer's failed payments in the DECLINED_WINDOW before this one;
- country_mismatch: the rule found a billing or phone country other than the account's (its reason is kept
  on the payment: the only record of the billing country);
- new_device: the payment's IP address is none of those of the payer's payments made more than
  NEW_DEVICE_LOOKBACK before, when there are such payments;
- new_account: the rule's reason (an account less than 7 days old).

Labels: a fraud is a disputed payment or one staff rejected on review; a payment that went through (succeeded or
refunded) and was made at least LABEL_WAIT before the newest payment is taken as genuine (a fraud let through is
disputed within that time). Declined attempts, blocked payments and those still held or open have no label."""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
from django.db.models import OuterRef, Q, Subquery

from deals.models import DealEvent, DealStatus
from payments.fraud import MODEL_REASON_CODE
from payments.models import Payment, PaymentStatus, ReviewDecision

FEATURES = ("amount_log", "minutes_log", "declined_attempts", "country_mismatch", "new_device", "new_account")
DECLINED_WINDOW = timedelta(hours=1)
NEW_DEVICE_LOOKBACK = timedelta(hours=24)
LABEL_WAIT = timedelta(days=60)
WENT_THROUGH = (PaymentStatus.SUCCEEDED, PaymentStatus.REFUNDED, PaymentStatus.PARTIALLY_REFUNDED)


@dataclass
class PaymentRows:
    """Payments as a feature matrix (FEATURES' order), with when each was made (seconds since the epoch), the
    rule's score, and for labelled rows whether it was a fraud."""

    matrix: np.ndarray
    made_at: np.ndarray
    rule_score: np.ndarray
    fraud: np.ndarray

    def __len__(self) -> int:
        return len(self.made_at)

    def subset(self, rows) -> "PaymentRows":
        return PaymentRows(self.matrix[rows], self.made_at[rows], self.rule_score[rows], self.fraud[rows])

    @classmethod
    def from_payments(cls, payments: Iterable[dict]) -> "PaymentRows":
        """From dicts with the FEATURES, `made_at` (datetime), `rule_score` and `fraud` (bool)."""
        payments = list(payments)
        return cls(
            np.array([[float(payment[name]) for name in FEATURES] for payment in payments]).reshape(-1, len(FEATURES)),
            np.array([payment["made_at"].timestamp() for payment in payments]),
            np.array([payment["rule_score"] for payment in payments], dtype=float),
            np.array([payment["fraud"] for payment in payments], dtype=bool),
        )


def rule_points(reasons: list[dict]) -> int:
    """The rule's score from a payment's reasons (the model's own points left out), capped at 100 as the rule is."""
    return min(sum(reason["points"] for reason in reasons if reason["code"] != MODEL_REASON_CODE), 100)


def payment_features(
    *, amount_cad, payable_since: datetime | None, made_at: datetime, reason_codes: set[str],
    ip_address: str | None, history: list[tuple[datetime, str, str | None]],
) -> dict[str, float]:  # fmt: skip
    """A payment's FEATURES; `history` is the payer's earlier payments as (made at, status, IP address)."""
    minutes = (made_at - payable_since).total_seconds() / 60 if payable_since is not None else math.nan
    lookback = made_at - NEW_DEVICE_LOOKBACK
    known_addresses = {address for at, _status, address in history if at < lookback}
    return {
        "amount_log": math.log(max(float(amount_cad), 1.0) / 10_000),
        "minutes_log": math.log1p(max(minutes, 0.0)) if not math.isnan(minutes) else math.nan,
        "declined_attempts": sum(
            1
            for at, status, _ in history
            if status == PaymentStatus.FAILED and made_at - DECLINED_WINDOW <= at < made_at
        ),
        "country_mismatch": float("country_mismatch" in reason_codes),
        "new_device": float(bool(known_addresses) and ip_address not in known_addresses),
        "new_account": float("new_account" in reason_codes),
    }


def training_rows_load() -> PaymentRows:
    """Every labelled payment (see the module), oldest first: one query for the payments, one for the deals'
    moves to payable, and the payers' histories in memory."""
    payable_since = (
        DealEvent.objects.filter(
            deal=OuterRef("deal"), to_status=DealStatus.PENDING_PAYMENT, created_at__lte=OuterRef("created_at")
        )
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    payments = list(
        Payment.objects.order_by("created_at", "id").values_list(
            "id", "payer_id", "created_at", "status", "ip_address", "review_decision", "amount_cad", "fraud_reasons",
        )
    )  # fmt: skip
    if not payments:
        return PaymentRows.from_payments([])
    newest = payments[-1][2]
    fraud = Q(status=PaymentStatus.DISPUTED) | Q(review_decision=ReviewDecision.REJECT)
    genuine = Q(status__in=WENT_THROUGH, created_at__lte=newest - LABEL_WAIT) & ~Q(
        review_decision=ReviewDecision.REJECT
    )
    labelled = dict(
        Payment.objects.filter(fraud | genuine)
        .annotate(payable_since=Subquery(payable_since))
        .values_list("id", "payable_since")
    )
    history: dict[int, list[tuple[datetime, str, str | None]]] = {}
    rows = []
    for pk, payer, made_at, status, address, decision, amount_cad, reasons in payments:
        earlier = history.setdefault(payer, [])
        if pk in labelled:
            features = payment_features(
                amount_cad=amount_cad, payable_since=labelled[pk], made_at=made_at,
                reason_codes={reason["code"] for reason in reasons}, ip_address=address, history=earlier,
            )  # fmt: skip
            rows.append(
                {
                    **features, "made_at": made_at, "rule_score": rule_points(reasons),
                    "fraud": status == PaymentStatus.DISPUTED or decision == ReviewDecision.REJECT,
                }
            )  # fmt: skip
        earlier.append((made_at, status, address))
    return PaymentRows.from_payments(rows)


def serving_features(*, payer, deal, amount_cad, reason_codes: set[str], ip_address: str | None, now: datetime):
    """The FEATURES of a payment being made now (one query: the payer's earlier payments)."""
    history = list(
        Payment.objects.filter(payer=payer, created_at__lt=now).values_list("created_at", "status", "ip_address")
    )
    return payment_features(
        amount_cad=amount_cad, payable_since=deal.status_changed_at, made_at=now, reason_codes=reason_codes,
        ip_address=ip_address, history=history,
    )  # fmt: skip

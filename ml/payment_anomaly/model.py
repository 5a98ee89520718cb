"""The payment anomaly model: a logistic regression on FEATURES (imputed, standardised), and the points it adds.

Why logistic regression: frauds are labelled (disputes, staff rejections), and the odds of a fraud move with the
log of the amount, the log of the minutes since the deal became payable, each declined attempt, a country
mismatch and a new device, each by a constant factor: a model linear in the log-odds on those inputs recovers
the process, gives calibrated probabilities (fitted on log-loss), and its coefficients say which way each input
moves. An IsolationForest over the same inputs (scored beside it in training, ml.payment_anomaly.training) ranks
payments by how unusual they are, not how fraudulent: a large or slow payment is unusual and honest, one declined
attempt is usual and telling; on the generated market it ranks frauds better than the rule but well below the
classifier (held-out PR AUC 0.20 against 0.34; README, "Payment anomaly").

Points (`points_for`): none up to `threshold`, then in proportion to the probability above it, MAX_POINTS at 1.
The threshold is chosen on the training payments: the probability above which the model flags as many payments
as the rule holds for review (score >= FRAUD_REVIEW_FROM) there, so that the model adds points to about as many
payments as the rule flags, the riskiest by its own ranking.

Explanations (`explain`): for each factor, the change in probability when its input is set to its typical
training value (median; none for a yes/no signal): positive when this payment's value raises the risk."""

import numpy as np
from django.utils.translation import gettext_lazy as _
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from ml.payment_anomaly.features import FEATURES, PaymentRows

MAX_POINTS = 40
FACTORS_SHOWN = 3
# What a staff member reads for each factor (stored with the payment in English, as the rule's reasons are).
FACTOR_LABELS = {
    "amount_log": _("The amount"),
    "minutes_log": _("Time since the deal became payable"),
    "declined_attempts": _("Declined attempts in the last hour"),
    "country_mismatch": _("Billing or phone country differs from the account's"),
    "new_device": _("A device not seen before"),
    "new_account": _("A new account"),
}


class PaymentAnomalyModel:
    """What the registry stores: the fitted pipeline, the typical values and the points threshold."""

    def fit(self, rows: PaymentRows, *, review_share: float) -> "PaymentAnomalyModel":
        """Fit on labelled `rows`; `review_share` is the share of them the rule held for review."""
        self.pipeline = make_pipeline(
            SimpleImputer(strategy="median"), StandardScaler(), LogisticRegression(C=1.0, max_iter=1000)
        ).fit(rows.matrix, rows.fraud)
        self.typical = np.nanmedian(rows.matrix, axis=0)
        self.threshold = float(np.quantile(self.predict_proba(rows), 1 - review_share))
        return self

    @property
    def coefficients(self) -> dict[str, float]:
        """Each input's change in log-odds per standard deviation."""
        return dict(zip(FEATURES, self.pipeline[-1].coef_[0], strict=True))

    def predict_proba(self, rows: PaymentRows) -> np.ndarray:
        return self.pipeline.predict_proba(rows.matrix)[:, 1]

    def points_for(self, probability: float) -> int:
        if probability <= self.threshold:
            return 0
        return round(MAX_POINTS * (probability - self.threshold) / (1 - self.threshold))

    def explain(
        self, matrix: np.ndarray, *, top: int = FACTORS_SHOWN
    ) -> tuple[np.ndarray, list[list[tuple[str, float]]]]:
        """Each payment's probability and its `top` factors, (feature, effect), largest effect first."""
        variants = [matrix]
        for index in range(len(FEATURES)):
            variant = matrix.copy()
            variant[:, index] = self.typical[index]
            variants.append(variant)
        predicted = self.pipeline.predict_proba(np.vstack(variants))[:, 1].reshape(len(variants), len(matrix))
        probability, effects = predicted[0], predicted[0] - predicted[1:]
        explained = []
        for payment in range(len(matrix)):
            order = np.argsort(-np.abs(effects[:, payment]), kind="stable")[:top]
            explained.append([(FEATURES[index], float(effects[index, payment])) for index in order])
        return probability, explained

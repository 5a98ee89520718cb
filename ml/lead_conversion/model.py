"""The lead conversion model: gradient-boosted trees with calibrated probabilities, and its explanations.

Two steps, fitted together on the training leads:

1. The price against similar cars: a ridge regression of the log price on make and model, condition, province,
   age, mileage and listing date (a hedonic price model, linear in the logs as car values are); its residual
   is how much dearer or cheaper the car is than cars like it, the dealer's markup, which the price alone does
   not say. It is an input of step 2, beside the log price.
2. A HistGradientBoostingClassifier on MODEL_FEATURES (categories native), its probabilities calibrated by
   CalibratedClassifierCV (Platt scaling on cross-validated predictions, one final model: one tree ensemble
   to run when serving).

Explanations (`explain`): for each factor (a group of inputs that mean one thing to a dealer, FACTORS), the
change in probability when the factor's inputs are set to their typical training values (median of a number,
most frequent category): positive when this lead's value raises the chance against a typical lead. One batched
prediction per call covers every factor of every lead. The effects are not additive (trees interact): each
says what this factor alone does, which is what a dealer asks."""

from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext_lazy as _
from scipy import sparse
from sklearn.calibration import CalibratedClassifierCV
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import Ridge
from sklearn.preprocessing import OneHotEncoder

from ml.lead_conversion.features import LeadRows
from ml.threads import one_thread

MODEL_FEATURES = (
    "price_vs_similar", "price_log", "age_years", "mileage_10k", "buyer_deals_before", "buyer_leads_before",
    "destination_allowed", "broker_assigned", "answered", "answer_hours", "waited_hours", "hour", "weekday",
    "source", "destination_country", "condition",
)  # fmt: skip
MODEL_CATEGORIES = ("source", "destination_country", "condition")
PRICE_CATEGORIES = ("make_model", "condition", "province")
PRICE_NUMBERS = ("age_years", "mileage_10k", "listed_years")

# factor: (its inputs, what a dealer reads)
FACTORS = {
    "price_vs_similar": (("price_vs_similar",), _("Price against similar cars")),
    "vehicle_age": (("age_years",), _("The car's age")),
    "vehicle": (("price_log", "mileage_10k", "condition"), _("The car's price, mileage and condition")),
    "buyer_deals": (("buyer_deals_before",), _("The buyer's earlier deals")),
    "buyer_inquiries": (("buyer_leads_before",), _("The buyer's other inquiries")),
    "dealer_answer": (("answered", "answer_hours", "waited_hours"), _("The dealer's first answer")),
    "destination_allowed": (("destination_allowed",), _("The destination's import rules")),
    "destination_country": (("destination_country",), _("The destination country")),
    "source": (("source",), _("Where the inquiry came from")),
    "broker": (("broker_assigned",), _("Broker assignment")),
    "timing": (("hour", "weekday"), _("When the inquiry came in")),
}
FACTORS_SHOWN = 3


def _inputs(rows: LeadRows) -> dict[str, np.ndarray]:
    """The raw columns and those derived without fitting."""
    columns = dict(rows.columns)
    columns["price_log"] = np.log(columns["price_cad"])
    columns["mileage_10k"] = columns["mileage_km"] / 10_000
    return columns


@dataclass
class SimilarPrice:
    """Step 1: the log price expected of a car like this one."""

    encoder: OneHotEncoder
    regression: Ridge

    @classmethod
    def fit(cls, columns: dict[str, np.ndarray]) -> "SimilarPrice":
        priced = np.isfinite(columns["price_log"])
        encoder = OneHotEncoder(handle_unknown="ignore").fit(_categories(columns, priced))
        regression = Ridge(alpha=1.0).fit(_price_design(encoder, columns, priced), columns["price_log"][priced])
        return cls(encoder, regression)

    def residual(self, columns: dict[str, np.ndarray]) -> np.ndarray:
        priced = np.isfinite(columns["price_log"])
        residual = np.full(len(priced), np.nan)
        if priced.any():
            expected = self.regression.predict(_price_design(self.encoder, columns, priced))
            residual[priced] = columns["price_log"][priced] - expected
        return residual


def _categories(columns, rows) -> np.ndarray:
    return np.column_stack([columns[name][rows].astype(str) for name in PRICE_CATEGORIES])


def _price_design(encoder, columns, rows):
    numbers = np.column_stack([np.nan_to_num(columns[name][rows]) for name in PRICE_NUMBERS])
    return sparse.hstack([encoder.transform(_categories(columns, rows)), sparse.csr_matrix(numbers)]).tocsr()


class LeadConversionModel:
    """What the registry stores: both steps, the category codes and the typical values the explanations use."""

    def __init__(self, *, seed: int = 16):
        self.seed = seed

    def fit(self, rows: LeadRows) -> "LeadConversionModel":
        columns = _inputs(rows)
        self.similar_price = SimilarPrice.fit(columns)
        columns["price_vs_similar"] = self.similar_price.residual(columns)
        self.vocabularies = {name: sorted(set(columns[name])) for name in MODEL_CATEGORIES}
        matrix = self._encoded(columns)
        trees = HistGradientBoostingClassifier(
            categorical_features=[name in MODEL_CATEGORIES for name in MODEL_FEATURES],
            learning_rate=0.08, max_iter=250, max_leaf_nodes=15, min_samples_leaf=40, l2_regularization=1.0,
            early_stopping=True, random_state=self.seed,
        )  # fmt: skip
        self.classifier = CalibratedClassifierCV(trees, method="sigmoid", cv=3, ensemble=False)
        with one_thread():
            self.classifier.fit(matrix, rows.converted)
        self.typical = self._typical(matrix)
        return self

    def predict_proba(self, rows: LeadRows) -> np.ndarray:
        """The chance each lead converts."""
        with one_thread():
            return self.classifier.predict_proba(self._matrix(rows))[:, 1]

    def explain(self, rows: LeadRows, *, top: int = FACTORS_SHOWN) -> tuple[np.ndarray, list[list[tuple[str, float]]]]:
        """The chance each lead converts and its `top` factors, (factor, effect), largest effect first."""
        matrix = self._matrix(rows)
        variants = [matrix]
        for inputs, _label in FACTORS.values():
            variant = matrix.copy()
            for name in inputs:
                variant[:, MODEL_FEATURES.index(name)] = self.typical[name]
            variants.append(variant)
        with one_thread():
            predicted = self.classifier.predict_proba(np.vstack(variants))[:, 1]
        predicted = predicted.reshape(len(variants), len(rows))
        probability, effects = predicted[0], predicted[0] - predicted[1:]
        factors = list(FACTORS)
        explained = []
        for lead in range(len(rows)):
            order = np.argsort(-np.abs(effects[:, lead]), kind="stable")[:top]
            explained.append([(factors[index], float(effects[index, lead])) for index in order])
        return probability, explained

    def _matrix(self, rows: LeadRows) -> np.ndarray:
        columns = _inputs(rows)
        columns["price_vs_similar"] = self.similar_price.residual(columns)
        return self._encoded(columns)

    def _encoded(self, columns: dict[str, np.ndarray]) -> np.ndarray:
        encoded = []
        for name in MODEL_FEATURES:
            if name in MODEL_CATEGORIES:
                codes = {value: float(code) for code, value in enumerate(self.vocabularies[name])}
                encoded.append(np.array([codes.get(value, np.nan) for value in columns[name]]))
            else:
                encoded.append(columns[name].astype(float))
        return np.column_stack(encoded)

    @staticmethod
    def _typical(matrix: np.ndarray) -> dict[str, float]:
        typical = {}
        for index, name in enumerate(MODEL_FEATURES):
            values = matrix[:, index][np.isfinite(matrix[:, index])]
            if name in MODEL_CATEGORIES:
                codes, counts = np.unique(values, return_counts=True)
                typical[name] = float(codes[counts.argmax()]) if len(codes) else np.nan
            else:
                typical[name] = float(np.median(values)) if len(values) else np.nan
        return typical

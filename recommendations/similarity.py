"""Content-based likeness of listings, computed by PostgreSQL: one query scores every candidate against
one listing (or a buyer's few seed listings) with annotations, and returns the best.

A candidate earns points out of 1 for what it shares with the target listing:
- the same make and model (SAME_MODEL_POINTS), or only the same make, a near model (SAME_MAKE_POINTS);
- the same body type (BODY_TYPE_POINTS);
- a close year, price (CAD) and mileage, each worth its points at no difference, falling linearly to 0 at
  its band: YEAR_BAND years, PRICE_BAND of the target's price either way, MILEAGE_BAND_KM.
Only candidates of the same make, or of the same body type in the price band, are scored: nothing
else could reach the top (at most 0.45 points), and skipping it spares most of the catalogue.
"""

from dataclasses import dataclass

from django.db.models import Case, Expression, F, FloatField, Q, QuerySet, Value, When
from django.db.models.functions import Abs, Cast, Greatest, Upper
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

from vehicles.models import Vehicle

SAME_MODEL_POINTS = 0.35
SAME_MAKE_POINTS = 0.15
BODY_TYPE_POINTS = 0.20
YEAR_POINTS = 0.15
PRICE_POINTS = 0.20
MILEAGE_POINTS = 0.10
YEAR_BAND = 4
PRICE_BAND = 0.25
MILEAGE_BAND_KM = 60_000
# What a listing's likeness is computed from (a seed listing is read with these only).
LIKENESS_FIELDS = ("make", "model", "body_type", "year", "price_cad", "mileage_km")

# Why a listing is like another, from the points it earned: the first that applies.
SAME_MODEL_SIMILAR_PRICE = _("Same model, similar price")
SAME_MODEL = _("Same model")
SAME_MAKE_AND_BODY_TYPE = _("Same make and body type")
SAME_BODY_TYPE_AND_PRICE_BAND = _("Same body type and price band")
SAME_MAKE = _("Same make")
SAME_PRICE_BAND = _("Same price band")


@dataclass(frozen=True)
class Likeness:
    """The annotations that score candidates against one target: each part's points, and their sum."""

    parts: dict[str, Expression]
    near: Q  # the candidates worth scoring

    @property
    def total(self) -> Expression:
        parts = list(self.parts.values())
        total = parts[0]
        for part in parts[1:]:
            total = total + part
        return total


def _closeness(difference: Expression, *, band: float, points: float) -> Expression:
    """`points` at no difference, falling linearly to 0 at `band` and beyond."""
    fraction = Cast(Abs(difference), FloatField()) / Value(float(band))
    return Value(points) * Greatest(Value(0.0), Value(1.0) - fraction, output_field=FloatField())


def likeness_to(target: Vehicle) -> Likeness:
    same_make = Exact(Upper("make"), target.make.upper())
    same_model = Exact(Upper("model"), target.model.upper())
    price = float(target.price_cad)
    price_band = max(price * PRICE_BAND, 1.0)
    parts = {
        "name_points": Case(
            When(same_make & same_model, then=Value(SAME_MODEL_POINTS)),
            When(same_make, then=Value(SAME_MAKE_POINTS)),
            default=Value(0.0),
            output_field=FloatField(),
        ),
        "body_points": _same_body_points(target),
        "year_points": _closeness(F("year") - target.year, band=YEAR_BAND, points=YEAR_POINTS),
        "price_points": _closeness(
            Cast("price_cad", FloatField()) - Value(price), band=price_band, points=PRICE_POINTS
        ),
        "mileage_points": _closeness(F("mileage_km") - target.mileage_km, band=MILEAGE_BAND_KM, points=MILEAGE_POINTS),
    }
    in_price_band = Q(price_cad__gt=price - price_band, price_cad__lt=price + price_band)
    if target.body_type:
        in_price_band &= Q(body_type=target.body_type)
    return Likeness(parts=parts, near=Q(same_make) | in_price_band)


def _same_body_points(target: Vehicle) -> Expression:
    if not target.body_type:
        return Value(0.0)
    return Case(When(body_type=target.body_type, then=Value(BODY_TYPE_POINTS)), default=Value(0.0))


def likeness_reason(parts: dict[str, float]) -> str:
    """Why a listing that earned these `parts` (of likeness_to) is like the target, in the active language."""
    same_make = parts["name_points"] > 0
    same_body = parts["body_points"] > 0
    price_band = parts["price_points"] > 0
    if parts["name_points"] >= SAME_MODEL_POINTS:
        return str(SAME_MODEL_SIMILAR_PRICE if price_band else SAME_MODEL)
    if same_make:
        return str(SAME_MAKE_AND_BODY_TYPE if same_body else SAME_MAKE)
    return str(SAME_BODY_TYPE_AND_PRICE_BAND if same_body else SAME_PRICE_BAND)


@dataclass(frozen=True)
class Scored:
    vehicle_id: int
    score: float
    reason: str


def listings_like(*, target: Vehicle, candidates: QuerySet[Vehicle], limit: int) -> list[Scored]:
    """The `limit` candidates most like `target`, best first, each with its score and reason. One query."""
    likeness = likeness_to(target)
    rows = (
        candidates.filter(likeness.near)
        .exclude(pk=target.pk)
        .annotate(**likeness.parts)
        .annotate(score=likeness.total)
        .order_by("-score", "-id")
        .values("id", "score", *likeness.parts)[:limit]
    )
    return [Scored(row["id"], round(row["score"], 4), likeness_reason(row)) for row in rows]


def content_scores(
    *, seeds: dict[int, float], seed_listings: dict[int, Vehicle], candidates: QuerySet[Vehicle], limit: int
) -> dict[int, tuple[float, int]]:
    """The `limit` candidates most like any of the seeds (listing id: weight, at most 1), each scored by its
    best seed's weight * likeness, with that seed: {listing: (score, seed)}. One query; PostgreSQL computes
    each seed's column of the returned rows only, after the sort and limit."""
    if not seeds:
        return {}
    near = Q(pk__in=[])
    by_seed = {}
    for seed, weight in seeds.items():
        likeness = likeness_to(seed_listings[seed])
        by_seed[seed] = Value(weight) * likeness.total
        near |= likeness.near
    columns = {f"seed_{seed}": expression for seed, expression in by_seed.items()}
    expressions = list(by_seed.values())
    best = expressions[0] if len(expressions) == 1 else Greatest(*expressions, output_field=FloatField())
    rows = (
        candidates.filter(near)
        .annotate(**columns)
        .annotate(content=best)
        .order_by("-content", "-id")
        .values_list("id", "content", *columns)[:limit]
    )
    seed_ids = list(by_seed)
    scores = {}
    for listing, score, *per_seed in rows:
        if score > 0:
            scores[listing] = (score, seed_ids[per_seed.index(max(per_seed))])
    return scores

"""Price guidance on the generated market of 100,000 listings: how long one suggestion takes with the learned
model and with the comparables rule, side by side on the same listings, in process (no HTTP).

Four timings per listing, in turn: the whole `PricePredictionEngine.suggest_price` with the active model, the
same with the rule (`learned=False`: what answers when no version is active), and the price alone for each, the
model's prediction with its explanation (one batch to the regressor) and the rule's comparables (one query).
The whole suggestion adds the demand and the similar sold cars (two queries) to either.

Runs against the learned models' benchmark database (scripts/bench/_market.py: the generated market, made on
the first run), and trains the model there when no version is active (`train_price_model`, seconds). Targets:
the model's price under 10 ms and its whole suggestion under 50 ms (medians).

    .venv/bin/python scripts/bench/price_guidance.py [--listings 100000] [--cars 200]
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.bench._market import market_prepare  # noqa: E402

TARGETS_MS = {"price, model": 10, "suggestion, model": 50}


def prepare(listings: int) -> None:
    market_prepare(listings=listings)
    from django.core.management import call_command

    from ml.models import ModelName
    from ml.selectors import active_model

    if active_model(name=ModelName.PRICE_GUIDANCE) is None:
        call_command("train_price_model")


def measure(cars: int) -> dict[str, list[float]]:
    from django.utils import timezone

    from ml.models import ModelName
    from ml.price_guidance.engine import PricePredictionEngine
    from ml.price_guidance.features import ListingRows
    from ml.price_guidance.selectors import price_comparables
    from ml.selectors import active_model
    from vehicles.models import Vehicle, VehicleStatus

    ids = list(Vehicle.objects.filter(status=VehicleStatus.AVAILABLE).values_list("pk", flat=True))
    vehicles = list(Vehicle.objects.filter(pk__in=random.Random(16).sample(ids, min(cars, len(ids)))))  # noqa: S311
    model = active_model(name=ModelName.PRICE_GUIDANCE).estimator
    cases = {
        "suggestion, model": PricePredictionEngine().suggest_price,
        "suggestion, rule": PricePredictionEngine(learned=False).suggest_price,
        "price, model": lambda vehicle: model.explain(ListingRows.for_vehicle(vehicle, at=timezone.now())),
        "price, rule": lambda vehicle: price_comparables(vehicle=vehicle),
    }
    for case in cases.values():  # warm the connection, the plans and the model's process cache
        case(vehicles[0])
    timings = {name: [] for name in cases}
    for vehicle in vehicles:
        for name, case in cases.items():
            started = time.perf_counter()
            case(vehicle)
            timings[name].append((time.perf_counter() - started) * 1000)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=100_000, help="The market's size, on the first run.")
    parser.add_argument("--cars", type=int, default=200, help="Available listings to price.")
    arguments = parser.parse_args()
    prepare(arguments.listings)
    timings = measure(arguments.cars)
    print(f"{len(timings['price, model'])} available listings, each priced four ways in turn:")
    print(f"{'':<20} {'p50 ms':>8} {'p95 ms':>8}")
    for name, measured in timings.items():
        target = f"   target < {TARGETS_MS[name]} ms" if name in TARGETS_MS else ""
        p50, p95 = statistics.median(measured), statistics.quantiles(measured, n=20)[18]
        print(f"{name:<20} {p50:>8.2f} {p95:>8.2f}{target}")
    missed = [name for name, target in TARGETS_MS.items() if statistics.median(timings[name]) >= target]
    if missed:
        print(f"over target: {', '.join(missed)}")
        return 1
    print("all medians within target")
    return 0


if __name__ == "__main__":
    sys.exit(main())

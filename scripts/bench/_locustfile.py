"""The platform's load, as Locust users: anonymous visitors and signed-in buyers who browse the catalogue,
open listings, search and send inquiries (weights 3 : 2 : 2 : 1), thinking 1 to 5 s between two actions.

scripts/bench/load_test.py prepares the database, serves the platform and runs this file headless. It
hands over a JSON fixture (LOAD_TEST_FIXTURE, a file path) with the ids of available listings and, for
each bench buyer, an access token, the account's e-mail and name, and the listings the buyer has
already inquired about. To aim it at a server by hand:

    LOAD_TEST_FIXTURE=fixture.json .venv/bin/locust -f scripts/bench/_locustfile.py --host http://127.0.0.1:8000

Every answer outside 2xx counts as a failure, redirects included (none is followed).
"""

import itertools
import json
import os
import random
import sys
import uuid
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

from locust import FastHttpUser, between, task

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from vehicles.catalogue import CATALOGUE  # plain data: no Django in the load generator

FIXTURE = json.loads(Path(os.environ["LOAD_TEST_FIXTURE"]).read_text())
AVAILABLE_IDS: list[int] = FIXTURE["vehicles"]
BUYERS: list[dict] = FIXTURE["buyers"]
next_buyer = itertools.count()  # one Locust process: each signed-in user takes the next account

THIS_YEAR = date.today().year
LAST_PAGE = 3  # buyers rarely page further than the third page of a list
SEARCHES = [
    "toyota camry",
    "Toyoya Camri",
    "honda civic",
    "land cruiser diesel",
    "Landcruser",
    "hilux",
    "heated seats",
    "remote start",
    "sièges chauffants",
    "backup camera",
    "rav4 hybrid",
    "Hundai Tucson",
    "Mercedez benz",
    "f-150",
    "pickup 4x4",
    "one owner",
]
ORDERINGS = ["price", "-price", "-year", "mileage_km", "-created_at"]
PRICE_CEILINGS = [10_000, 15_000, 20_000, 30_000, 40_000, 60_000]
BODY_TYPES = ["sedan", "suv", "pickup", "minivan", "hatchback"]
PROVINCES = ["ON", "QC", "AB", "BC", "NS"]
CONDITIONS = ["new", "used_excellent", "used_excellent,used_good"]
# Where buyers ship to: West and Central African ports, and East Africa.
DESTINATIONS = ["CI", "SN", "GH", "NG", "CM", "BJ", "TG", "CD", "GA", "KE", "TZ"]
LANGUAGES = ["en", "fr", "fr-FR,fr;q=0.9,en;q=0.5", "en-CA,en;q=0.9"]
MESSAGES = [
    "Is this car still available? What is the shipping cost to {port}?",
    "Bonjour, la voiture est-elle toujours disponible ? Livraison à {port} possible ?",
    "Please send more photos and the inspection report.",
    "What is your best price for export?",
]


def browse_filters(rng: random.Random) -> dict:
    """A filter set a buyer plausibly picks: often a make (and model), a price ceiling, a year, an order."""
    filters = {}
    if rng.random() < 0.5:
        make = rng.choice(list(CATALOGUE))
        filters["make"] = make
        if rng.random() < 0.4:
            filters["model"] = rng.choice(CATALOGUE[make])[0]
    elif rng.random() < 0.4:
        filters["body_type"] = rng.choice(BODY_TYPES)
    if rng.random() < 0.3:
        filters["price__lte"] = rng.choice(PRICE_CEILINGS)
    if rng.random() < 0.25:
        filters["year__gte"] = THIS_YEAR - rng.randint(2, 10)
    if rng.random() < 0.1:
        filters["province"] = rng.choice(PROVINCES)
    if rng.random() < 0.1:
        filters["condition"] = rng.choice(CONDITIONS)
    if rng.random() < 0.4:
        filters["ordering"] = rng.choice(ORDERINGS)
    return filters


class Visitor(FastHttpUser):
    """Someone who has not signed in: reads the catalogue and may send an inquiry with an e-mail."""

    weight = 7
    wait_time = between(1, 5)
    max_redirects = 0

    def on_start(self) -> None:
        self.rng = random.Random()  # noqa: S311 - load shapes, not secrets
        self.headers = {"Accept": "application/json", "Accept-Language": self.rng.choice(LANGUAGES)}
        self.seen: list[int] = []  # listings met in lists and searches, most recent last
        self.inquired: set[int] = set()
        self.filters: dict = {}
        self.page = 0  # 0: no list open yet
        self.has_next_page = False
        tag = uuid.uuid4().hex[:12]
        self.full_name = f"Visitor {tag}"
        self.email = f"visitor-{tag}@load.example"  # a new address: no account, no earlier inquiry

    def _get(self, path: str, *, name: str, query: dict | None = None) -> dict | None:
        url = f"{path}?{urlencode(query)}" if query else path
        with self.client.get(
            url, name=name, headers=self.headers, allow_redirects=False, catch_response=True
        ) as response:
            if not 200 <= response.status_code < 300:
                response.failure(f"{response.status_code}: {(response.text or '')[:200]}")
                return None
            try:
                body = response.json()
            except ValueError:
                response.failure("the answer is not JSON")
                return None
            response.success()
            return body

    def _remember(self, page: dict | None) -> None:
        if page is None:
            return
        self.seen.extend(listing["id"] for listing in page["results"])
        del self.seen[:-100]

    @task(3)
    def browse(self) -> None:
        """A list page: a new filter set at page 1, or the next page of the open list (up to page 3)."""
        if self.has_next_page and self.page < LAST_PAGE and self.rng.random() < 0.5:
            self.page += 1
        else:
            self.filters, self.page = browse_filters(self.rng), 1
        query = {**self.filters, "page": self.page} if self.page > 1 else self.filters
        page = self._get("/api/v1/vehicles/", name="/api/v1/vehicles/ [browse]", query=query)
        self.has_next_page = bool(page and page["next"])
        self._remember(page)

    @task(2)
    def detail(self) -> None:
        """A listing met in a list or a search, or now and then one from a link elsewhere."""
        if self.seen and self.rng.random() < 0.8:
            vehicle_id = self.rng.choice(self.seen)
        else:
            vehicle_id = self.rng.choice(AVAILABLE_IDS)
        self._get(f"/api/v1/vehicles/{vehicle_id}/", name="/api/v1/vehicles/{id}/ [detail]")

    @task(2)
    def search(self) -> None:
        page = self._get(
            "/api/v1/vehicles/", name="/api/v1/vehicles/ [search]", query={"search": self.rng.choice(SEARCHES)}
        )
        self._remember(page)

    @task(1)
    def inquire(self) -> None:
        """An inquiry about a listing this user has not asked about yet, preferably one it has seen."""
        candidates = [vehicle_id for vehicle_id in self.seen if vehicle_id not in self.inquired]
        if not candidates:
            candidates = [vehicle_id for vehicle_id in AVAILABLE_IDS if vehicle_id not in self.inquired]
        if not candidates:
            return  # has asked about every listing
        vehicle_id = self.rng.choice(candidates)
        self.inquired.add(vehicle_id)
        destination = self.rng.choice(DESTINATIONS)
        body = {
            "vehicle": vehicle_id,
            "full_name": self.full_name,
            "email": self.email,
            "destination_country": destination,
            "message": self.rng.choice(MESSAGES).format(port=destination),
        }
        with self.client.post(
            "/api/v1/leads/",
            json=body,
            name="/api/v1/leads/ [inquire]",
            headers=self.headers,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 201:
                response.success()
            else:
                response.failure(f"{response.status_code}: {(response.text or '')[:200]}")


class Buyer(Visitor):
    """A signed-in buyer: the same actions with a bearer token; inquiries are made as the account."""

    weight = 3

    def on_start(self) -> None:
        super().on_start()
        account = BUYERS[next(next_buyer) % len(BUYERS)]
        self.headers["Authorization"] = f"Bearer {account['token']}"
        self.full_name, self.email = account["name"], account["email"]
        self.inquired = set(account["inquired"])

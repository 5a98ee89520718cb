"""The public catalogue's page cache (vehicles.api.caching, vehicles.cache) as clients see it: a change
shows on the very next request, a revalidation costs a 304, pages come gzipped, only the callers who see
the public catalogue share its pages, and a visitor's cached page touches no database.

Invalidation happens once a write commits: each write runs in django_capture_on_commit_callbacks."""

import gzip
import io
import json
import time
from datetime import UTC, datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from PIL import Image
from rest_framework.test import APIClient

from accounts.tests.factories import BrokerFactory, BuyerFactory, DealerFactory, StaffFactory
from currencies.models import ExchangeRate
from vehicles import photos, view_buffer
from vehicles.api import caching
from vehicles.api.views import VehicleViewSet
from vehicles.cache import CATALOGUE, scope_for_listing, version_key, versions
from vehicles.models import VehicleStatus, ViewHistory
from vehicles.services import vehicle_follow_deal, vehicle_prices_revalue
from vehicles.tasks import write_buffered_views
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/vehicles/"
# Ten seconds into a minute: the throttle's fixed windows stay put while a test runs.


def detail(vehicle) -> str:
    return f"/api/v1/vehicles/{vehicle.pk}/"


def ids(response) -> list[int]:
    return [card["id"] for card in response.json()["results"]]


def card(response, vehicle) -> dict | None:
    return next((card for card in response.json()["results"] if card["id"] == vehicle.pk), None)


def image_bytes() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (64, 48), (30, 90, 200)).save(output, format="PNG")
    return output.getvalue()


@pytest.fixture
def changed(api_client, django_capture_on_commit_callbacks):
    """Run `write` between a cached page and the visitor's next request for it: the page was a hit before
    the write and is recomputed (a miss) right after it. Returns that next response."""

    def check(write, url: str = LIST, client: APIClient | None = None):
        client = client or api_client
        client.get(url)
        assert client.get(url)["X-Cache"] == "hit"
        with django_capture_on_commit_callbacks(execute=True):
            write()
        response = client.get(url)
        assert response["X-Cache"] == "miss", response.status_code
        return response

    return check


def test_a_listing_edit_shows_in_the_cached_list_on_the_very_next_request(
    api_client, client_for, django_capture_on_commit_callbacks
):
    vehicle = VehicleFactory(price=Decimal("18500.00"))
    draft = VehicleFactory(dealer=vehicle.dealer, status=VehicleStatus.DRAFT)
    dealer = client_for(vehicle.dealer)
    first, second = api_client.get(LIST), api_client.get(LIST)
    assert (first.status_code, first["X-Cache"], second["X-Cache"]) == (200, "miss", "hit")
    assert second.content == first.content
    assert ids(second) == [vehicle.pk]
    assert card(second, vehicle)["price"] == "18500.00"

    with django_capture_on_commit_callbacks(execute=True):
        edited = dealer.patch(detail(vehicle), {"price": "17900.00"}, format="json")
    assert edited.status_code == 200, edited.json()
    after = api_client.get(LIST)
    assert after["X-Cache"] == "miss"
    assert (card(after, vehicle)["price"], card(after, vehicle)["price_cad"]) == ("17900.00", "17900.00")
    assert api_client.get(LIST)["X-Cache"] == "hit"

    # A draft is nobody's but its dealer's: its edit leaves the catalogue's pages alone, not its own.
    tokens = versions([CATALOGUE, scope_for_listing(draft.pk)])
    with django_capture_on_commit_callbacks(execute=True):
        assert dealer.patch(detail(draft), {"price": "9999.00"}, format="json").status_code == 200
    still = api_client.get(LIST)
    assert (still["X-Cache"], still.content) == ("hit", after.content)
    assert cache.get(version_key(CATALOGUE)) == tokens[CATALOGUE]
    assert cache.get(version_key(scope_for_listing(draft.pk))) is None


def test_photo_writes_show_in_the_cached_cards_and_gallery(api_client, changed):
    vehicle = VehicleFactory()
    dealer = vehicle.dealer
    added = []

    def add():
        added.append(photos.vehicle_photo_add(vehicle=vehicle, content=image_bytes(), user=dealer))

    def cover_and_count(response) -> tuple[str, int]:
        shown = card(response, vehicle)
        return shown["cover_photo"]["image"], shown["photo_count"]

    assert card(api_client.get(LIST), vehicle)["cover_photo"] is None
    page = changed(add)
    assert cover_and_count(page) == (f"http://testserver{added[0].image.url}", 1)
    assert card(page, vehicle)["cover_photo"]["width"] == 64
    page = changed(add)
    assert cover_and_count(page) == (f"http://testserver{added[0].image.url}", 2)

    first, second = added
    page = changed(lambda: photos.vehicle_photos_reorder(vehicle=vehicle, photo_ids=[second.pk, first.pk], user=dealer))
    assert cover_and_count(page) == (f"http://testserver{second.image.url}", 2)
    gallery = changed(
        lambda: photos.vehicle_photo_delete(photo=second, user=dealer), url=detail(vehicle), client=APIClient()
    )
    assert [photo["id"] for photo in gallery.json()["photos"]] == [first.pk]
    page = api_client.get(LIST)
    assert page["X-Cache"] == "miss"  # the catalogue's pages went stale with the listing's own
    assert cover_and_count(page) == (f"http://testserver{first.image.url}", 1)


def _reserve(vehicle, client_for):
    vehicle_follow_deal(vehicle=vehicle, status=VehicleStatus.RESERVED, user=None)
    return None


def _delete(vehicle, client_for):
    assert client_for(vehicle.dealer).delete(detail(vehicle)).status_code == 204
    return None


def _revalue(vehicle, client_for):
    ExchangeRate.objects.filter(currency="USD").update(cad_per_unit=Decimal("1.40"))
    assert vehicle_prices_revalue() == 1
    return ("price_cad", "14000.00")


def _rename(vehicle, client_for):
    response = client_for(vehicle.dealer).patch("/api/v1/users/me/", {"company_name": "Sahel Auto"}, format="json")
    assert response.status_code == 200, response.json()
    return ("dealer", {"id": vehicle.dealer_id, "company_name": "Sahel Auto"})


@pytest.mark.parametrize("write", [_reserve, _delete, _revalue, _rename], ids=lambda write: write.__name__[1:])
def test_each_writer_makes_the_listings_cached_pages_stale(client_for, changed, write):
    vehicle = VehicleFactory(price=Decimal("10000.00"), currency="USD")  # 13,950.00 CAD at today's rate
    other = VehicleFactory()
    visitor = APIClient()  # the detail opens a session; the list's visitor stays on the early path
    assert [visitor.get(detail(vehicle))["X-Cache"] for _ in range(2)] == ["miss", "hit"]
    expected = {}

    def run():
        expected["change"] = write(vehicle, client_for)

    page = changed(run)
    assert ids(page) == ([other.pk] if expected["change"] is None else [other.pk, vehicle.pk])
    shown = visitor.get(detail(vehicle))
    if expected["change"] is None:
        assert shown.status_code == 404
    else:
        field, value = expected["change"]
        assert (shown.status_code, shown["X-Cache"]) == (200, "miss")
        assert card(page, vehicle)[field] == shown.json()[field] == value


def test_a_client_revalidates_with_a_304_until_the_page_changes(
    api_client, client_for, django_capture_on_commit_callbacks, monkeypatch
):
    vehicle = VehicleFactory()
    # In the second its version is minted a page has no date: a change later in that second would have
    # the same one, and a client asking by date alone would be told nothing changed.
    assert not api_client.get(LIST).has_header("Last-Modified")
    a_second_later = time.time() + 1
    monkeypatch.setattr(caching, "time", SimpleNamespace(time=lambda: a_second_later))
    first = api_client.get(LIST)
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('W/"')
    assert first["Cache-Control"] == "no-cache"
    assert {"Accept-Encoding", "Authorization", "Cookie"} <= {value.strip() for value in first["Vary"].split(",")}

    by_tag = api_client.get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert (by_tag.status_code, by_tag.content, by_tag["ETag"]) == (304, b"", etag)
    by_date = api_client.get(LIST, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert (by_date.status_code, by_date.content, by_date["ETag"]) == (304, b"", etag)
    from_the_views = client_for(BuyerFactory()).get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert (from_the_views.status_code, from_the_views["X-Cache"]) == (304, "hit")

    with django_capture_on_commit_callbacks(execute=True):
        photos.vehicle_photo_add(vehicle=vehicle, content=image_bytes(), user=vehicle.dealer)
    after = api_client.get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert (after.status_code, after["X-Cache"]) == (200, "miss")
    assert after["ETag"] != etag
    assert card(after, vehicle)["photo_count"] == 1


def test_pages_come_gzipped_to_clients_that_take_gzip(api_client, client_for):
    VehicleFactory()
    zipped_miss = api_client.get(LIST, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    plain_hit = api_client.get(LIST)
    zipped_hit = api_client.get(LIST, HTTP_ACCEPT_ENCODING="gzip")
    assert (zipped_miss["X-Cache"], plain_hit["X-Cache"], zipped_hit["X-Cache"]) == ("miss", "hit", "hit")
    assert (zipped_miss["Content-Encoding"], zipped_hit["Content-Encoding"]) == ("gzip", "gzip")
    assert not plain_hit.has_header("Content-Encoding")
    assert gzip.decompress(zipped_miss.content) == gzip.decompress(zipped_hit.content) == plain_hit.content
    assert json.loads(plain_hit.content)["count"] == 1
    assert int(zipped_hit["Content-Length"]) == len(zipped_hit.content) < len(plain_hit.content)
    # An uncached page (a dealer's) is compressed by GZipMiddleware on the way out.
    dealers = client_for(DealerFactory()).get(LIST, HTTP_ACCEPT_ENCODING="gzip")
    assert dealers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(dealers.content))["count"] == 1


def test_only_callers_who_see_the_public_catalogue_share_its_cached_pages(api_client, client_for, settings):
    dealer = DealerFactory()
    public = VehicleFactory(dealer=dealer)
    draft = VehicleFactory(dealer=dealer, status=VehicleStatus.DRAFT)
    # The dealer and staff read first: their lists, drafts included, are never cached.
    for user in (dealer, StaffFactory()):
        for _ in range(2):
            page = client_for(user).get(LIST)
            assert not page.has_header("X-Cache")
            assert not page.has_header("ETag")
            assert sorted(ids(page)) == sorted([public.pk, draft.pk])
    assert client_for(dealer).get(detail(draft)).status_code == 200

    visitor = api_client.get(LIST)
    assert (visitor["X-Cache"], ids(visitor)) == ("miss", [public.pk])
    for user in (BuyerFactory(), BrokerFactory()):
        page = client_for(user).get(LIST)
        assert (page["X-Cache"], page.content) == ("hit", visitor.content)
    assert APIClient().get(detail(draft)).status_code == 404

    settings.CATALOGUE_CACHE_SECONDS = 0
    for client in (api_client, client_for(BuyerFactory())):
        page = client.get(LIST)
        assert (page.status_code, ids(page)) == (200, [public.pk])
        assert not page.has_header("X-Cache")
        assert not page.has_header("ETag")


def test_english_and_french_readers_share_one_page_for_every_page_is_the_same_in_both(api_client, client_for, settings):
    """Pages are not stored per language (vehicles.api.caching). Should a page ever carry a text in its
    reader's language, the first half fails: such a page must then be stored under its language."""
    camry = VehicleFactory(make="Toyota", model="Camry", year=2019, price=Decimal("18500.00"))
    VehicleFactory(make="Honda", model="Civic", status=VehicleStatus.AVAILABLE)
    changed_price = client_for(camry.dealer).patch(detail(camry), {"price": "17900.00"}, format="json")
    assert changed_price.status_code == 200
    urls = [
        LIST,
        LIST + "?search=Toyoya Camri",
        LIST + "?search=Hondda Civik&year__gte=2030",  # nothing found: did_you_mean is filled
        detail(camry),
        f"{detail(camry)}price-history/",
        "/api/v1/vehicles/facets/",
        "/api/v1/vehicles/autocomplete/?q=To",
    ]
    settings.CATALOGUE_CACHE_SECONDS = 0
    for url in urls:
        english, french = (api_client.get(url, HTTP_ACCEPT_LANGUAGE=language) for language in ("en", "fr"))
        assert (english.status_code, english["Content-Language"], french["Content-Language"]) == (200, "en", "fr")
        assert english.json() == french.json(), url
    assert api_client.get(urls[2], HTTP_ACCEPT_LANGUAGE="fr").json()["did_you_mean"] == "Honda Civic"

    settings.CATALOGUE_CACHE_SECONDS = 600
    french_buyer = BuyerFactory(preferred_language="fr")
    for url in urls:
        english = api_client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        french = api_client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
        signed_in = client_for(french_buyer).get(url)
        assert (english["X-Cache"], french["X-Cache"], signed_in["X-Cache"]) == ("miss", "hit", "hit"), url
        assert (french["Content-Language"], signed_in["Content-Language"]) == ("fr", "fr")
        assert french.content == signed_in.content == english.content


def test_a_visitors_cached_page_is_answered_before_the_views_and_counted_once_against_the_throttle(
    api_client, rates, monkeypatch, django_assert_num_queries
):
    rates(catalogue_burst="9/minute", catalogue_sustained="10000/hour")
    vehicle = VehicleFactory()
    urls = [
        LIST + "?ordering=price",
        "/api/v1/vehicles/facets/",
        "/api/v1/vehicles/autocomplete/?q=To",
        f"{detail(vehicle)}price-history/",
    ]
    assert [api_client.get(url)["X-Cache"] for url in urls] == ["miss"] * 4

    def views_not_reached(*args, **kwargs):
        raise AssertionError("a visitor's cached page went down to the views")

    with monkeypatch.context() as patched:
        patched.setattr(VehicleViewSet, "dispatch", views_not_reached)
        for url in urls:
            with django_assert_num_queries(0):
                hit = api_client.get(url)
            assert (hit.status_code, hit["X-Cache"]) == (200, "hit")
        assert api_client.get(urls[0]).status_code == 200  # the ninth request
    # The tenth: refused early, then counted and answered by the views, in the API's error format.
    blocked = api_client.get(urls[0])
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "50"
    assert blocked.json() == {
        "status": 429,
        "code": "throttled",
        "detail": "Request was throttled. Expected available in 50 seconds.",
        "retry_after": 50,
    }
    assert not blocked.has_header("X-Cache")


def test_a_detail_page_from_the_cache_is_still_recorded_as_a_view(api_client, client_for, django_assert_num_queries):
    vehicle = VehicleFactory()
    first = api_client.get(detail(vehicle))
    with django_assert_num_queries(0):  # the visitor's hit: from the early path, its view buffered in Redis
        second = api_client.get(detail(vehicle))
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    revalidated = api_client.get(detail(vehicle), HTTP_IF_NONE_MATCH=first["ETag"])
    assert revalidated.status_code == 304
    buyer = BuyerFactory()
    assert client_for(buyer).get(detail(vehicle))["X-Cache"] == "hit"
    assert not ViewHistory.objects.exists()  # written by the minute's job
    assert write_buffered_views() == 4
    views = list(ViewHistory.objects.filter(vehicle=vehicle).order_by("id").values_list("user_id", "session_key"))
    assert len(views) == 4
    session_key = views[0][1]
    assert session_key != ""
    assert views == [(None, session_key)] * 3 + [(buyer.pk, "")]


def test_buffered_views_are_written_with_their_own_time_and_not_for_closed_accounts_or_gone_listings(monkeypatch):
    vehicle, closed = VehicleFactory(), BuyerFactory(is_active=False)
    monkeypatch.setattr(view_buffer, "time", SimpleNamespace(time=lambda: 1_800_000_000.0))
    view_buffer.view_buffer(vehicle_id=vehicle.pk, user_id=closed.pk, visitor="")  # privacy erased its history
    view_buffer.view_buffer(vehicle_id=vehicle.pk + 1000, user_id=None, visitor="a1b2")  # a listing gone since
    view_buffer.view_buffer(vehicle_id=vehicle.pk, user_id=None, visitor="a1b2")
    assert write_buffered_views() == 1
    view = ViewHistory.objects.get()
    assert (view.vehicle_id, view.user_id, view.session_key) == (vehicle.pk, None, "a1b2")
    assert view.viewed_at == datetime(2027, 1, 15, 8, 0, tzinfo=UTC)
    assert view_buffer.views_take() == []  # taken once

"""What a client gets from the catalogue's pages: sparse fieldsets (`?fields=`), keyset pages (`?cursor=`)
beside the numbered ones, and a detail whose cost does not grow with its gallery."""

from decimal import Decimal
from urllib.parse import parse_qs

import pytest

from accounts.tests.factories import BuyerFactory
from vehicles.api.serializers import VehicleCardSerializer, VehicleSerializer
from vehicles.models import ViewHistory
from vehicles.photos import vehicle_galleries_summarize
from vehicles.tasks import write_buffered_views
from vehicles.tests.factories import VehicleFactory, VehiclePhotoFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/vehicles/"


def unknown_field_message(unknown: str, serializer_class) -> str:
    return f"Unknown field {unknown}; choose among {', '.join(serializer_class.Meta.fields)}."


def test_fields_keeps_only_the_named_ones_on_the_list_and_the_detail(api_client):
    vehicle = VehicleFactory(price=Decimal("18500.00"))
    page = api_client.get(LIST + "?fields=id,make,price_cad,id")
    assert page.status_code == 200
    assert page.json()["count"] == 1
    assert page.json()["results"] == [{"id": vehicle.pk, "make": "Toyota", "price_cad": "18500.00"}]
    shown = api_client.get(f"{LIST}{vehicle.pk}/?fields=id,photos,dealer")
    assert shown.json() == {
        "id": vehicle.pk,
        "photos": [],
        "dealer": {"id": vehicle.dealer_id, "company_name": vehicle.dealer.company_name},
    }

    unknown = api_client.get(LIST + "?fields=id,colour,engine")
    assert unknown.status_code == 400
    assert unknown.json() == {
        "status": 400,
        "code": "invalid",
        "detail": "Invalid input.",
        "fields": {"fields": [unknown_field_message("colour, engine", VehicleCardSerializer)]},
    }
    # The gallery is the detail's: a card has no `photos`.
    gallery_on_a_card = api_client.get(LIST + "?fields=id,photos")
    assert gallery_on_a_card.status_code == 400
    assert gallery_on_a_card.json()["fields"] == {"fields": [unknown_field_message("photos", VehicleCardSerializer)]}
    empty = api_client.get(f"{LIST}{vehicle.pk}/?fields=,")
    assert empty.json()["fields"] == {"fields": [unknown_field_message('""', VehicleSerializer)]}


def test_a_cursor_walks_every_listing_once_in_the_requested_order(api_client):
    prices = ["15000", "9000", "22000", "12000", "18000", "9000", "30000"]  # a tie: the id breaks it
    vehicles = [VehicleFactory(price=Decimal(price), mileage_km=index) for index, price in enumerate(prices)]
    expected = [vehicle.pk for vehicle in sorted(vehicles, key=lambda vehicle: (vehicle.price, vehicle.pk))]

    walked, pages = [], []
    url = LIST + "?ordering=price&page_size=3&cursor="
    while url:
        page = api_client.get(url)
        assert page.status_code == 200, page.json()
        body = page.json()
        assert "count" not in body
        pages.append(body)
        walked += [card["id"] for card in body["results"]]
        url = body["next"]
    assert walked == expected
    assert [len(body["results"]) for body in pages] == [3, 3, 1]
    assert pages[0]["previous"] is None
    back = api_client.get(pages[2]["previous"]).json()
    assert [card["id"] for card in back["results"]] == expected[3:6]

    garbage = api_client.get(LIST + "?cursor=not-a-cursor")
    assert garbage.status_code == 400
    assert garbage.json()["fields"] == {
        "cursor": ["This cursor was not given by a page; start again with an empty cursor."]
    }
    too_deep = api_client.get(LIST + "?page=501&page_size=20")
    assert too_deep.status_code == 400
    assert too_deep.json()["fields"] == {
        "page": ["Pages stop at result 10,000; walk further with ?cursor= (empty to start)."]
    }
    assert api_client.get(LIST + "?page=500&page_size=20").status_code == 404  # in depth; just no such page


def test_a_detail_costs_the_same_queries_whatever_its_gallery(client_for, django_assert_num_queries):
    bare, pictured = VehicleFactory(), VehicleFactory()
    for position in range(3):
        VehiclePhotoFactory(vehicle=pictured, position=position)
    vehicle_galleries_summarize(vehicle_ids=[pictured.pk])
    buyer = client_for(BuyerFactory())
    # The buyer (by the token), the listing with its dealer's name and cover, its gallery (the view is buffered).
    with django_assert_num_queries(3):
        empty = buyer.get(f"{LIST}{bare.pk}/")
    with django_assert_num_queries(3):
        full = buyer.get(f"{LIST}{pictured.pk}/")
    assert (empty["X-Cache"], full["X-Cache"]) == ("miss", "miss")
    assert (empty.json()["photo_count"], empty.json()["photos"], empty.json()["cover_photo"]) == (0, [], None)
    assert full.json()["photo_count"] == 3
    assert [photo["position"] for photo in full.json()["photos"]] == [0, 1, 2]
    assert full.json()["cover_photo"]["thumbnail"].endswith(f"/vehicles/{pictured.pk}/photos/0-thumb.jpg")
    # From the cache: the buyer only.
    with django_assert_num_queries(1):
        again = buyer.get(f"{LIST}{pictured.pk}/")
    assert (again["X-Cache"], again.content) == ("hit", full.content)
    write_buffered_views()
    assert ViewHistory.objects.filter(vehicle=pictured).count() == 2


def test_a_cards_cover_urls_are_the_gallerys_own_also_for_names_that_need_quoting(api_client):
    """A card writes its cover's URLs from the storage's base worked out once per page; they are the very
    URLs the gallery (DRF's file fields) gives, quoting and host included."""
    vehicle = VehicleFactory()
    VehiclePhotoFactory(
        vehicle=vehicle, position=0, image=f"vehicles/{vehicle.pk}/photos/côté gauche #1.jpg", thumbnail="t 1.jpg"
    )
    vehicle_galleries_summarize(vehicle_ids=[vehicle.pk])

    card = api_client.get(LIST).json()["results"][0]
    gallery = api_client.get(f"{LIST}{vehicle.pk}/").json()["photos"]

    assert card["cover_photo"]["image"] == gallery[0]["image"]
    assert card["cover_photo"]["thumbnail"] == gallery[0]["thumbnail"]
    assert card["cover_photo"]["image"].startswith("http://testserver/")
    assert card["cover_photo"]["image"].endswith(f"/vehicles/{vehicle.pk}/photos/c%C3%B4t%C3%A9%20gauche%20%231.jpg")


def test_on_s3_a_cards_cover_urls_are_signed_by_the_storage_each(api_client, settings):
    """S3 signs each URL (AWS_QUERYSTRING_AUTH, the default): a card's cover URLs are the storage's own, one
    signature each, not a base with the name after it. Signing is local: no request leaves."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "photos",
                "endpoint_url": "https://s3.example.com",
                "access_key": "testing",
                "secret_key": "testing",
                "region_name": "us-east-1",
                "querystring_auth": True,
            },
        },
    }
    vehicle = VehicleFactory()
    VehiclePhotoFactory(vehicle=vehicle, position=0)
    vehicle_galleries_summarize(vehicle_ids=[vehicle.pk])

    cover = api_client.get(LIST).json()["results"][0]["cover_photo"]

    for url, name in ((cover["image"], "0.jpg"), (cover["thumbnail"], "0-thumb.jpg")):
        path, query = url.split("?")
        assert path == f"https://s3.example.com/photos/vehicles/{vehicle.pk}/photos/{name}"
        assert set(parse_qs(query)) == {"AWSAccessKeyId", "Signature", "Expires"}


def test_a_page_number_in_superscript_digits_is_no_such_page_not_a_500(api_client):
    VehicleFactory()
    response = api_client.get(LIST + "?page=%C2%B2")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"

import io
from urllib.parse import urlsplit

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from accounts.tests.factories import BuyerFactory, DealerFactory
from vehicles import photos
from vehicles.models import VehiclePhoto
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db


def image_bytes(image_format: str, size=(1200, 800)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(output, format=image_format)
    return output.getvalue()


def upload(client, vehicle, content: bytes, name: str):
    return client.post(
        f"/api/v1/vehicles/{vehicle.pk}/photos/",
        {"image": SimpleUploadedFile(name, content, content_type="image/jpeg")},
        format="multipart",
    )


def test_png_named_jpg_is_stored_as_png_with_a_thumbnail(client_for):
    vehicle = VehicleFactory()
    response = upload(client_for(vehicle.dealer), vehicle, image_bytes("PNG"), "car.jpg")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["image_format"], body["width"], body["height"], body["position"]) == ("PNG", 1200, 800, 0)
    photo = VehiclePhoto.objects.get()
    assert photo.image.name.endswith(".png")
    assert default_storage.exists(photo.image.name)
    with default_storage.open(photo.thumbnail.name) as thumbnail, Image.open(thumbnail) as opened:
        assert (opened.format, opened.size) == ("JPEG", (480, 320))


@pytest.mark.parametrize("image_format", ["JPEG", "WEBP"])
def test_jpeg_and_webp_are_accepted(client_for, image_format):
    vehicle = VehicleFactory()
    response = upload(client_for(vehicle.dealer), vehicle, image_bytes(image_format), "photo.bin")
    assert response.status_code == 201
    assert response.json()["image_format"] == image_format


def test_text_file_named_jpg_is_refused(client_for):
    vehicle = VehicleFactory()
    response = upload(client_for(vehicle.dealer), vehicle, b"just some text, not a photo", "car.jpg")
    assert response.status_code == 400
    assert response.json()["fields"] == {"image": ["This file is not a JPEG, PNG or WebP image."]}
    assert VehiclePhoto.objects.count() == 0


def test_gif_is_refused_by_its_format(client_for):
    vehicle = VehicleFactory()
    response = upload(client_for(vehicle.dealer), vehicle, image_bytes("GIF"), "car.png")
    assert response.status_code == 400
    assert response.json()["fields"] == {"image": ["Photos are JPEG, PNG or WebP; this file is GIF."]}


def test_photo_over_10_mb_is_refused(client_for, monkeypatch):
    monkeypatch.setattr(photos, "MAX_PHOTO_BYTES", 1000)
    vehicle = VehicleFactory()
    response = upload(client_for(vehicle.dealer), vehicle, image_bytes("PNG"), "car.png")
    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["image"]


def test_only_the_vehicles_dealer_adds_photos(client_for):
    vehicle = VehicleFactory()
    assert upload(client_for(DealerFactory()), vehicle, image_bytes("PNG"), "a.png").status_code == 404
    assert upload(client_for(BuyerFactory()), vehicle, image_bytes("PNG"), "a.png").status_code == 403
    assert VehiclePhoto.objects.count() == 0


def test_gallery_is_ordered_reordered_and_compacted_on_delete(client_for, api_client):
    vehicle = VehicleFactory()
    client = client_for(vehicle.dealer)
    first, second, third = (upload(client, vehicle, image_bytes("PNG"), "p.png").json()["id"] for _ in range(3))

    def gallery():
        return [(row["id"], row["position"]) for row in api_client.get(f"/api/v1/vehicles/{vehicle.pk}/photos/").json()]

    assert gallery() == [(first, 0), (second, 1), (third, 2)]
    response = client.post(
        f"/api/v1/vehicles/{vehicle.pk}/photos/reorder/", {"order": [third, first, second]}, format="json"
    )
    assert response.status_code == 200
    assert gallery() == [(third, 0), (first, 1), (second, 2)]
    incomplete = client.post(f"/api/v1/vehicles/{vehicle.pk}/photos/reorder/", {"order": [third]}, format="json")
    assert incomplete.status_code == 400
    assert list(incomplete.json()["fields"]) == ["order"]
    assert client.delete(f"/api/v1/vehicles/{vehicle.pk}/photos/{first}/").status_code == 204
    assert gallery() == [(third, 0), (second, 1)]


def test_staff_add_photos_to_any_vehicle_and_other_dealers_cannot_delete(client_for):
    from accounts.tests.factories import StaffFactory

    vehicle = VehicleFactory()
    response = upload(client_for(StaffFactory()), vehicle, image_bytes("JPEG"), "a.jpg")
    assert response.status_code == 201
    photo_id = response.json()["id"]
    assert client_for(DealerFactory()).delete(f"/api/v1/vehicles/{vehicle.pk}/photos/{photo_id}/").status_code == 404
    assert VehiclePhoto.objects.filter(pk=photo_id).exists()


def test_truncated_image_is_refused_as_damaged(client_for):
    vehicle = VehicleFactory()
    content = image_bytes("PNG", size=(400, 400))
    response = upload(client_for(vehicle.dealer), vehicle, content[: len(content) // 2], "car.png")
    assert response.status_code == 400
    assert response.json()["fields"] == {"image": ["This image is damaged and cannot be read."]}
    assert VehiclePhoto.objects.count() == 0


def test_price_is_capped_so_its_cad_value_fits(client_for):
    from vehicles.tests.test_vehicles_api import NEW_CAR

    response = client_for(DealerFactory()).post(
        "/api/v1/vehicles/", {**NEW_CAR, "price": "999999999999.99"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["fields"] == {"price": ["Ensure this value is less than or equal to 100000000."]}


def test_a_photos_urls_serve_the_photo_and_its_thumbnail(client_for, client, settings):
    """Kept on the local disk, the files are served at the URLs the catalogue gives (they were 404s)."""
    vehicle = VehicleFactory()
    content = image_bytes("JPEG")
    body = upload(client_for(vehicle.dealer), vehicle, content, "car.jpg").json()

    image = client.get(urlsplit(body["image"]).path)
    thumbnail = client.get(urlsplit(body["thumbnail"]).path)

    assert (image.status_code, image["Content-Type"], b"".join(image.streaming_content)) == (200, "image/jpeg", content)
    assert (thumbnail.status_code, thumbnail["Content-Type"]) == (200, "image/jpeg")
    revalidated = client.get(urlsplit(body["image"]).path, HTTP_IF_MODIFIED_SINCE=image["Last-Modified"])
    assert revalidated.status_code == 304
    settings.PRIVATE_MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    (settings.PRIVATE_MEDIA_ROOT / "passport.pdf").write_bytes(b"%PDF-1.7")
    assert client.get("/media/../private_media/passport.pdf").status_code == 400  # outside MEDIA_ROOT: refused

"""Vehicle photos: recognised by their bytes (never their name), stored through Django's storage API
with a thumbnail, and kept as an ordered gallery. Every photo write is here."""

import io
import struct
import uuid
import warnings

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import formats
from django.utils.translation import gettext
from PIL import Image, ImageOps, UnidentifiedImageError

from accounts.models import User
from audit.services import audit_record
from nzila_export.exceptions import DomainError
from vehicles.cache import listings_changed
from vehicles.models import Vehicle, VehiclePhoto, VehicleStatus

MAX_PHOTO_BYTES = 10 * 1024 * 1024
# What Pillow raises on a damaged or truncated file, as it decodes more of it.
DAMAGED_IMAGE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error)
MAX_PHOTO_PIXELS = 60_000_000  # far above any camera's, far below a decompression bomb
THUMBNAIL_SIZE = (480, 360)
ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


class InvalidPhoto(DomainError):
    code = "invalid_photo"

    def __init__(self, message: str):
        super().__init__(message, field="image")


def photo_too_large_message(*, size_bytes: int) -> str:
    megabytes = formats.number_format(size_bytes / 1024 / 1024, decimal_pos=1)
    return gettext("A photo is at most 10 MB; this one is %(megabytes)s MB.") % {"megabytes": megabytes}


def photo_inspect(*, content: bytes) -> tuple[str, int, int]:
    """(format, width, height) of an accepted image, read from its bytes; InvalidPhoto otherwise."""
    if len(content) > MAX_PHOTO_BYTES:
        raise InvalidPhoto(photo_too_large_message(size_bytes=len(content)))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                image_format, (width, height) = image.format, image.size
                if width * height > MAX_PHOTO_PIXELS:
                    raise InvalidPhoto(
                        gettext("A photo has at most %(pixels)s pixels.")
                        % {"pixels": formats.number_format(MAX_PHOTO_PIXELS, force_grouping=True)}
                    )
                image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise InvalidPhoto(gettext("This file is not a JPEG, PNG or WebP image.")) from error
    except DAMAGED_IMAGE_ERRORS as error:
        raise InvalidPhoto(gettext("This image is damaged and cannot be read.")) from error
    if image_format not in ACCEPTED_FORMATS:
        raise InvalidPhoto(gettext("Photos are JPEG, PNG or WebP; this file is %(format)s.") % {"format": image_format})
    return image_format, width, height


def _thumbnail(content: bytes) -> bytes:
    with Image.open(io.BytesIO(content)) as image:
        image = ImageOps.exif_transpose(image)
        image.thumbnail(THUMBNAIL_SIZE)
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        output = io.BytesIO()
        image.save(output, format="JPEG", quality=82, optimize=True)
    return output.getvalue()


@transaction.atomic
def vehicle_photo_add(*, vehicle: Vehicle, content: bytes, user: User | None) -> VehiclePhoto:
    image_format, width, height = photo_inspect(content=content)
    try:
        thumbnail = _thumbnail(content)
    except (*DAMAGED_IMAGE_ERRORS, Image.DecompressionBombError) as error:
        raise InvalidPhoto(gettext("This image is damaged and cannot be read.")) from error
    Vehicle.objects.select_for_update().filter(pk=vehicle.pk).first()  # one position at a time
    last_position = vehicle.photos.aggregate(last=Max("position"))["last"]
    name = uuid.uuid4().hex
    photo = VehiclePhoto(
        vehicle=vehicle,
        image_format=image_format,
        width=width,
        height=height,
        size_bytes=len(content),
        position=0 if last_position is None else last_position + 1,
    )
    photo.image.save(f"{name}.{ACCEPTED_FORMATS[image_format]}", ContentFile(content), save=False)
    photo.thumbnail.save(f"{name}-thumb.jpg", ContentFile(thumbnail), save=False)
    photo.save()
    audit_record(action="vehicle.photo_add", instance=vehicle, user=user, changes={"photo": photo.pk})
    vehicle_gallery_changed(vehicle=vehicle)
    return photo


@transaction.atomic
def vehicle_photo_delete(*, photo: VehiclePhoto, user: User | None) -> None:
    vehicle = photo.vehicle
    files = [(photo.image.storage, photo.image.name), (photo.thumbnail.storage, photo.thumbnail.name)]
    photo.delete()
    for position, remaining in enumerate(vehicle.photos.order_by("position", "id")):
        if remaining.position != position:
            remaining.position = position
            remaining.save(update_fields=["position"])
    audit_record(action="vehicle.photo_delete", instance=vehicle, user=user, changes={"photo": photo.pk})
    vehicle_gallery_changed(vehicle=vehicle)

    def remove_files():
        for storage, name in files:
            storage.delete(name)

    # Files go only once the row is surely gone; a rolled-back delete keeps them.
    transaction.on_commit(remove_files)


@transaction.atomic
def vehicle_photos_reorder(*, vehicle: Vehicle, photo_ids: list[int], user: User | None) -> list[VehiclePhoto]:
    photos = {photo.pk: photo for photo in vehicle.photos.select_for_update()}
    if len(photo_ids) != len(set(photo_ids)) or set(photo_ids) != set(photos):
        raise DomainError(
            gettext("Give every photo of this vehicle exactly once, in the new order: %(ids)s.")
            % {"ids": sorted(photos)},
            field="order",
        )
    for position, photo_id in enumerate(photo_ids):
        photo = photos[photo_id]
        if photo.position != position:
            photo.position = position
            photo.save(update_fields=["position"])
    audit_record(action="vehicle.photos_reorder", instance=vehicle, user=user, changes={"order": photo_ids})
    vehicle_gallery_changed(vehicle=vehicle)
    return [photos[photo_id] for photo_id in photo_ids]


def vehicle_gallery_changed(*, vehicle: Vehicle) -> None:
    """The gallery shows in the listing's pages, and its cover in the catalogue's while the listing is public."""
    vehicle_galleries_summarize(vehicle_ids=[vehicle.pk])
    listings_changed(vehicle_ids=[vehicle.pk], public=vehicle.status == VehicleStatus.AVAILABLE)


def vehicle_galleries_summarize(*, vehicle_ids: list[int]) -> int:
    """Write each listing's gallery summary on its row (cover_photo: the first photo; photo_count), in one
    UPDATE; the listings' pages are the caller's to make stale. Returns how many listings it wrote."""
    gallery = VehiclePhoto.objects.filter(vehicle=OuterRef("pk"))
    return Vehicle.all_objects.filter(pk__in=vehicle_ids).update(
        cover_photo=Subquery(gallery.order_by("position", "id").values("id")[:1]),
        photo_count=Coalesce(Subquery(gallery.order_by().values("vehicle").annotate(n=Count("id")).values("n")), 0),
    )

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.image_format_enum import ImageFormatEnum

T = TypeVar("T", bound="VehiclePhoto")


@_attrs_define
class VehiclePhoto:
    """
    Attributes:
        id (int):
        position (int):
        image (None | str):
        thumbnail (None | str):
        image_format (ImageFormatEnum): * `JPEG` - JPEG
            * `PNG` - PNG
            * `WEBP` - WebP
        width (int):
        height (int):
        size_bytes (int):
        created_at (datetime.datetime):
    """

    id: int
    position: int
    image: None | str
    thumbnail: None | str
    image_format: ImageFormatEnum
    width: int
    height: int
    size_bytes: int
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        position = self.position

        image: None | str
        image = self.image

        thumbnail: None | str
        thumbnail = self.thumbnail

        image_format = self.image_format.value

        width = self.width

        height = self.height

        size_bytes = self.size_bytes

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "position": position,
                "image": image,
                "thumbnail": thumbnail,
                "image_format": image_format,
                "width": width,
                "height": height,
                "size_bytes": size_bytes,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        position = d.pop("position")

        def _parse_image(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        image = _parse_image(d.pop("image"))

        def _parse_thumbnail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        thumbnail = _parse_thumbnail(d.pop("thumbnail"))

        image_format = ImageFormatEnum(d.pop("image_format"))

        width = d.pop("width")

        height = d.pop("height")

        size_bytes = d.pop("size_bytes")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        vehicle_photo = cls(
            id=id,
            position=position,
            image=image,
            thumbnail=thumbnail,
            image_format=image_format,
            width=width,
            height=height,
            size_bytes=size_bytes,
            created_at=created_at,
        )

        vehicle_photo.additional_properties = d
        return vehicle_photo

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

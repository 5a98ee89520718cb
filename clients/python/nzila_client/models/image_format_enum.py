from enum import StrEnum


class ImageFormatEnum(StrEnum):
    JPEG = "JPEG"
    PNG = "PNG"
    WEBP = "WEBP"

    def __str__(self) -> str:
        return str(self.value)

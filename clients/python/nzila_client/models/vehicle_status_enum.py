from enum import StrEnum


class VehicleStatusEnum(StrEnum):
    ARCHIVED = "archived"
    AVAILABLE = "available"
    DRAFT = "draft"
    RESERVED = "reserved"
    SOLD = "sold"

    def __str__(self) -> str:
        return str(self.value)

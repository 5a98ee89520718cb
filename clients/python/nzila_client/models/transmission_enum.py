from enum import StrEnum


class TransmissionEnum(StrEnum):
    AUTOMATIC = "automatic"
    CVT = "cvt"
    MANUAL = "manual"

    def __str__(self) -> str:
        return str(self.value)

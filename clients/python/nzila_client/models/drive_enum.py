from enum import StrEnum


class DriveEnum(StrEnum):
    AWD = "awd"
    FWD = "fwd"
    RWD = "rwd"
    VALUE_3 = "4wd"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class IncotermEnum(StrEnum):
    CIF = "CIF"
    FOB = "FOB"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class FuelTypeEnum(StrEnum):
    DIESEL = "diesel"
    ELECTRIC = "electric"
    GASOLINE = "gasoline"
    HYBRID = "hybrid"
    PLUG_IN_HYBRID = "plug_in_hybrid"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class BodyTypeEnum(StrEnum):
    CONVERTIBLE = "convertible"
    COUPE = "coupe"
    HATCHBACK = "hatchback"
    MINIVAN = "minivan"
    PICKUP = "pickup"
    SEDAN = "sedan"
    SUV = "suv"
    TRUCK = "truck"
    VAN = "van"
    WAGON = "wagon"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class VehiclesListOrderingItem(StrEnum):
    CREATED_AT = "created_at"
    MILEAGE_KM = "mileage_km"
    PRICE = "price"
    VALUE_0 = "-created_at"
    VALUE_1 = "-mileage_km"
    VALUE_2 = "-price"
    VALUE_3 = "-year"
    YEAR = "year"

    def __str__(self) -> str:
        return str(self.value)

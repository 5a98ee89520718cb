from enum import StrEnum


class FeatureEnum(StrEnum):
    CONDITION = "condition"
    LISTED_DAYS = "listed_days"
    MILEAGE_KM = "mileage_km"
    PROVINCE = "province"
    YEAR = "year"

    def __str__(self) -> str:
        return str(self.value)

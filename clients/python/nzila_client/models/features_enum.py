from enum import StrEnum


class FeaturesEnum(StrEnum):
    CSV_IMPORT = "csv_import"
    PRICE_GUIDANCE = "price_guidance"
    REPORTS = "reports"

    def __str__(self) -> str:
        return str(self.value)

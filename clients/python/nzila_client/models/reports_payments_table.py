from enum import StrEnum


class ReportsPaymentsTable(StrEnum):
    BY_COUNTRY = "by_country"
    BY_RAIL = "by_rail"

    def __str__(self) -> str:
        return str(self.value)

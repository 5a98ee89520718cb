from enum import StrEnum


class ReportsRevenueTable(StrEnum):
    ROWS = "rows"
    TOTALS = "totals"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ReportsTopVehiclesTable(StrEnum):
    ROWS = "rows"

    def __str__(self) -> str:
        return str(self.value)

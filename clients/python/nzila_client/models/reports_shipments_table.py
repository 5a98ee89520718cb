from enum import StrEnum


class ReportsShipmentsTable(StrEnum):
    ROUTES = "routes"

    def __str__(self) -> str:
        return str(self.value)

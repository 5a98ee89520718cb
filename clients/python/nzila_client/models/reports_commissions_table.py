from enum import StrEnum


class ReportsCommissionsTable(StrEnum):
    BY_BROKER = "by_broker"
    BY_STATUS = "by_status"

    def __str__(self) -> str:
        return str(self.value)

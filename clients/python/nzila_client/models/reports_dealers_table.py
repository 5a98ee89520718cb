from enum import StrEnum


class ReportsDealersTable(StrEnum):
    DEALERS = "dealers"

    def __str__(self) -> str:
        return str(self.value)

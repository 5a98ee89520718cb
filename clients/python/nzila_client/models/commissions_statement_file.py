from enum import StrEnum


class CommissionsStatementFile(StrEnum):
    CSV = "csv"
    PDF = "pdf"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class CommissionsListRole(StrEnum):
    CLOSING = "closing"
    REFERRING = "referring"

    def __str__(self) -> str:
        return str(self.value)

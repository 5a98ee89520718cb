from enum import StrEnum


class CommissionRoleEnum(StrEnum):
    CLOSING = "closing"
    REFERRING = "referring"

    def __str__(self) -> str:
        return str(self.value)

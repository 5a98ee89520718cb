from enum import StrEnum


class CommissionsListStatus(StrEnum):
    APPROVED = "approved"
    HELD = "held"
    PAID = "paid"
    PENDING = "pending"
    REVERSED = "reversed"

    def __str__(self) -> str:
        return str(self.value)

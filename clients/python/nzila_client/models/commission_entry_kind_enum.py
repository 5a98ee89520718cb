from enum import StrEnum


class CommissionEntryKindEnum(StrEnum):
    ACCRUAL = "accrual"
    ADJUSTMENT = "adjustment"
    REVERSAL = "reversal"

    def __str__(self) -> str:
        return str(self.value)

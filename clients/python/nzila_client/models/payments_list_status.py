from enum import StrEnum


class PaymentsListStatus(StrEnum):
    DISPUTED = "disputed"
    FAILED = "failed"
    HELD = "held"
    PARTIALLY_REFUNDED = "partially_refunded"
    PENDING = "pending"
    REFUNDED = "refunded"
    REQUIRES_ACTION = "requires_action"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)

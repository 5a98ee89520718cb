from enum import StrEnum


class PayoutStatusEnum(StrEnum):
    FAILED = "failed"
    PENDING = "pending"
    PROCESSING = "processing"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class DataRequestStatusEnum(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    RECEIVED = "received"

    def __str__(self) -> str:
        return str(self.value)

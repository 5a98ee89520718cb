from enum import StrEnum


class ChecklistStatusEnum(StrEnum):
    MISSING = "missing"
    PENDING_REVIEW = "pending_review"
    REJECTED = "rejected"
    VERIFIED = "verified"

    def __str__(self) -> str:
        return str(self.value)

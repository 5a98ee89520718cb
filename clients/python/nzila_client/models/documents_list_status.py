from enum import StrEnum


class DocumentsListStatus(StrEnum):
    PENDING_REVIEW = "pending_review"
    REJECTED = "rejected"
    VERIFIED = "verified"

    def __str__(self) -> str:
        return str(self.value)

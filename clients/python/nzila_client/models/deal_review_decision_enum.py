from enum import StrEnum


class DealReviewDecisionEnum(StrEnum):
    CANCEL = "cancel"
    RELEASE = "release"

    def __str__(self) -> str:
        return str(self.value)

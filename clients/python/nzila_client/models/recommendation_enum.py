from enum import StrEnum


class RecommendationEnum(StrEnum):
    ACCEPT = "accept"
    REQUEST_BETTER_COPY = "request_better_copy"
    REVIEW = "review"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class SubscriptionDetailStatusEnum(StrEnum):
    ACTIVE = "active"
    CANCELED = "canceled"
    INCOMPLETE = "incomplete"
    LAPSED = "lapsed"
    PAST_DUE = "past_due"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class StageEnum(StrEnum):
    AFTER_LOADING = "after_loading"
    BEFORE_DEPARTURE = "before_departure"
    BEFORE_PAYMENT = "before_payment"

    def __str__(self) -> str:
        return str(self.value)

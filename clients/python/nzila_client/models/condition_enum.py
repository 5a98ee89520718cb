from enum import StrEnum


class ConditionEnum(StrEnum):
    NEW = "new"
    SALVAGE = "salvage"
    USED_EXCELLENT = "used_excellent"
    USED_FAIR = "used_fair"
    USED_GOOD = "used_good"

    def __str__(self) -> str:
        return str(self.value)

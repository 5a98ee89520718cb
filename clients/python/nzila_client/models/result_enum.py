from enum import StrEnum


class ResultEnum(StrEnum):
    CREATED = "created"
    REJECTED = "rejected"
    UNCHANGED = "unchanged"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)

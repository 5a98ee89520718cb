from enum import StrEnum


class FoundEnum(StrEnum):
    ANY = "any"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)

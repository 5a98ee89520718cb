from enum import StrEnum


class SearchAnalyticsTopFound(StrEnum):
    ANY = "any"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)

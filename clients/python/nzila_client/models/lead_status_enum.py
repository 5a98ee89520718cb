from enum import StrEnum


class LeadStatusEnum(StrEnum):
    CONTACTED = "contacted"
    CONVERTED = "converted"
    LOST = "lost"
    NEGOTIATING = "negotiating"
    NEW = "new"
    QUALIFIED = "qualified"

    def __str__(self) -> str:
        return str(self.value)

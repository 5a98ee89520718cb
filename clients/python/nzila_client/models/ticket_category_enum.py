from enum import StrEnum


class TicketCategoryEnum(StrEnum):
    DAMAGE = "damage"
    DELAY = "delay"
    DOCUMENTS = "documents"
    OTHER = "other"
    PAYMENT = "payment"

    def __str__(self) -> str:
        return str(self.value)

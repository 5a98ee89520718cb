from enum import StrEnum


class TicketMessageViaEnum(StrEnum):
    APP = "app"
    EMAIL = "email"
    WHATSAPP = "whatsapp"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ChannelsEnum(StrEnum):
    BANK = "bank"
    BANK_TRANSFER = "bank_transfer"
    CARD = "card"
    MOBILE_MONEY = "mobile_money"
    USSD = "ussd"

    def __str__(self) -> str:
        return str(self.value)

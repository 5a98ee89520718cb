from enum import StrEnum


class LeadsListSource(StrEnum):
    BROKER = "broker"
    DIRECT = "direct"
    REFERRAL = "referral"
    WEBSITE = "website"
    WHATSAPP = "whatsapp"

    def __str__(self) -> str:
        return str(self.value)

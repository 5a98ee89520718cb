from enum import StrEnum


class LeadContactChannelEnum(StrEnum):
    EMAIL = "email"
    IN_PERSON = "in_person"
    OTHER = "other"
    PHONE = "phone"
    SMS = "sms"
    WHATSAPP = "whatsapp"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class PurposeEnum(StrEnum):
    ANALYTICS = "analytics"
    MARKETING_EMAIL = "marketing_email"
    MARKETING_SMS = "marketing_sms"
    MARKETING_WHATSAPP = "marketing_whatsapp"
    PROFILING = "profiling"

    def __str__(self) -> str:
        return str(self.value)

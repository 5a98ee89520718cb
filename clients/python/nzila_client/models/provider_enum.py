from enum import StrEnum


class ProviderEnum(StrEnum):
    SANDBOX = "sandbox"
    STRIPE = "stripe"

    def __str__(self) -> str:
        return str(self.value)

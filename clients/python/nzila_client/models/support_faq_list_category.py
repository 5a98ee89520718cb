from enum import StrEnum


class SupportFaqListCategory(StrEnum):
    ACCOUNT = "account"
    BUYING = "buying"
    DOCUMENTS = "documents"
    PAYMENTS = "payments"
    SHIPPING = "shipping"

    def __str__(self) -> str:
        return str(self.value)

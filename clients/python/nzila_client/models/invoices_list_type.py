from enum import StrEnum


class InvoicesListType(StrEnum):
    CREDIT_NOTE = "credit_note"
    INVOICE = "invoice"
    PLATFORM = "platform"
    RECEIPT = "receipt"

    def __str__(self) -> str:
        return str(self.value)

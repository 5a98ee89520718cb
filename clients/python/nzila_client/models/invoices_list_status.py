from enum import StrEnum


class InvoicesListStatus(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"
    OVERDUE = "overdue"
    PAID = "paid"
    PARTIALLY_PAID = "partially_paid"
    VOID = "void"

    def __str__(self) -> str:
        return str(self.value)

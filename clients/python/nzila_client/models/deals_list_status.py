from enum import StrEnum


class DealsListStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    DELIVERED = "delivered"
    DRAFT = "draft"
    IN_TRANSIT = "in_transit"
    PAID = "paid"
    PENDING_DOCUMENTS = "pending_documents"
    PENDING_PAYMENT = "pending_payment"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class InvoiceLineKindEnum(StrEnum):
    CREDIT = "credit"
    DOCUMENTATION_FEE = "documentation_fee"
    INLAND_TRANSPORT = "inland_transport"
    INSURANCE = "insurance"
    OCEAN_FREIGHT = "ocean_freight"
    PAYMENT = "payment"
    PLATFORM_FEE = "platform_fee"
    VEHICLE = "vehicle"

    def __str__(self) -> str:
        return str(self.value)

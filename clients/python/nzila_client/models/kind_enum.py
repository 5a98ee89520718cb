from enum import StrEnum


class KindEnum(StrEnum):
    CHARGE = "charge"
    DISPUTE = "dispute"
    DISPUTE_LOST = "dispute_lost"
    DISPUTE_WON = "dispute_won"
    FEE = "fee"
    REFUND = "refund"

    def __str__(self) -> str:
        return str(self.value)

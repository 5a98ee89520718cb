from enum import StrEnum


class PayoutRailEnum(StrEnum):
    BANK_TRANSFER = "bank_transfer"
    MPESA_B2C = "mpesa_b2c"
    MTN_MOMO = "mtn_momo"
    STRIPE_CONNECT = "stripe_connect"

    def __str__(self) -> str:
        return str(self.value)

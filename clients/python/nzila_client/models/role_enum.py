from enum import StrEnum


class RoleEnum(StrEnum):
    BROKER = "broker"
    BUYER = "buyer"
    DEALER = "dealer"
    STAFF = "staff"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class RegistrationRoleEnum(StrEnum):
    BROKER = "broker"
    BUYER = "buyer"
    DEALER = "dealer"

    def __str__(self) -> str:
        return str(self.value)

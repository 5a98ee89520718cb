from enum import StrEnum


class UsersListRole(StrEnum):
    BROKER = "broker"
    BUYER = "buyer"
    DEALER = "dealer"
    STAFF = "staff"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ShipmentsListStatus(StrEnum):
    ARRIVED = "arrived"
    AT_ORIGIN_PORT = "at_origin_port"
    BOOKED = "booked"
    CUSTOMS_CLEARED = "customs_cleared"
    DELIVERED = "delivered"
    DEPARTED = "departed"
    IN_TRANSIT = "in_transit"

    def __str__(self) -> str:
        return str(self.value)

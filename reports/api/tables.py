"""The tables of each report that CSV gives (`?format=csv&table=`, the first by default): for each, the
columns in order, each with its header in the reader's language."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

STATUS = ("status", _("Status"))
COUNT = ("count", _("Count"))
SUCCESS = [
    ("attempts", _("Attempts")), ("succeeded", _("Succeeded")), ("failed", _("Failed")),
    ("open", pgettext_lazy("report column", "Open")),
    ("success_rate", _("Success rate")), ("captured_cad", _("Captured (CAD)")),
]  # fmt: skip
REVENUE = [
    ("currency", _("Currency")), ("charged", _("Charged")), ("refunded", _("Refunded")), ("net", _("Net")),
    ("net_cad", _("Net (CAD)")), ("entries", _("Ledger entries")),
]  # fmt: skip

REPORT_TABLES = {
    "pipeline": {
        "stages": [
            ("stage", _("Stage")), ("reached", _("Reached")), ("conversion", _("Conversion from the stage before")),
            ("left", _("Left")), ("average_days", _("Average days in stage")),
        ],
        "leads": [STATUS, COUNT],
        "deals": [STATUS, COUNT],
    },
    "revenue": {
        "rows": [("period", pgettext_lazy("report column", "Period")), *REVENUE],
        "totals": REVENUE,
    },
    "payments": {
        "by_rail": [("rail", _("Rail")), ("rail_name", _("Rail name")), *SUCCESS],
        "by_country": [("country", _("Country")), ("country_name", _("Country name")), *SUCCESS],
    },
    "commissions": {
        "by_broker": [
            ("broker", _("Broker ID")), ("broker_name", _("Broker")), ("commissions", _("Commissions")),
            ("earned_cad", _("Earned (CAD)")), ("paid_cad", _("Paid (CAD)")),
        ],
        "by_status": [STATUS, ("status_name", _("Status name")), ("commissions", _("Commissions")),
                      ("amount_cad", _("Amount (CAD)"))],
    },
    "shipments": {
        "routes": [
            ("origin_port", _("Origin port")), ("destination_port", _("Destination port")),
            ("shipments", _("Shipments")), ("on_time", _("On time")), ("late", _("Late")),
            ("overdue", _("Overdue")), ("on_the_way", _("On the way")), ("on_time_rate", _("On-time rate")),
        ],
    },
    "top-vehicles": {
        "rows": [
            ("destination_country", _("Destination")), ("destination_name", _("Destination name")),
            ("rank", _("Rank")), ("make", _("Make")), ("model", _("Model")), ("deals", _("Deals")),
        ],
    },
    "dealers": {
        "dealers": [
            ("dealer", _("Dealer ID")), ("dealer_name", _("Dealer")), ("leads", _("Leads")),
            ("answered", _("Answered")), ("average_response_days", _("Average days to first contact")),
            ("converted", _("Converted")), ("conversion_rate", _("Conversion rate")),
            ("deals_opened", _("Deals opened")), ("deals_completed", _("Deals completed")),
        ],
    },
}  # fmt: skip

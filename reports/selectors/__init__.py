"""Every report, each one selector: `report_<name>(*, scope, period, ...) -> dict`, computed in SQL (grouped
and counted by the database; Python only names and formats the grouped rows)."""

from reports.selectors.market import report_dealers, report_shipments, report_top_vehicles
from reports.selectors.money import INTERVALS, report_commissions, report_payments, report_revenue
from reports.selectors.pipeline import report_pipeline

__all__ = [
    "INTERVALS",
    "report_commissions",
    "report_dealers",
    "report_payments",
    "report_pipeline",
    "report_revenue",
    "report_shipments",
    "report_top_vehicles",
]

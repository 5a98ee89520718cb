"""What becomes of each kind of personal information when an account is deleted, and why: the one table
that the answer to a deletion request, the export's README and the anonymization job all read.

Erased categories are erased (or blanked) by the job once the grace period has passed, each by the eraser
privacy.services.deletion names for it. Kept categories stay, attached to the pseudonymous account, for the
years the law asks, counted from the end of the year of the person's latest record of that kind.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from audit.models import AUDIT_RETENTION_YEARS

TAX_RECORDS = _(
    "Canada Revenue Agency: books and records, with the documents that support them, are kept six years from the "
    "end of the last tax year they relate to (Income Tax Act, s. 230; Excise Tax Act, s. 286)."
)
EXPORT_RECORDS = _(
    "Canada Border Services Agency: the records of goods exported from Canada are kept six years (Customs Act, "
    "s. 95; Exporters' and Producers' Records Regulations)."
)


@dataclass(frozen=True)
class RetentionRule:
    category: str
    description: Promise
    kept_years: int = 0  # 0: erased when the account is anonymized
    reason: Promise | str = ""

    @property
    def is_kept(self) -> bool:
        return self.kept_years > 0

    def kept_until(self, *, latest: date) -> date:
        """The last day of the retention of records whose latest is dated `latest`."""
        return date(latest.year + self.kept_years, 12, 31)


RETENTION_RULES = (
    RetentionRule(
        "profile",
        _(
            "Your profile: name, e-mail address, phone, postal address, company, business number, identity number, "
            "user name and password (replaced by a pseudonym)."
        ),
    ),
    RetentionRule("preferences", _("Your saved searches, price alerts and the history of the listings you viewed.")),
    RetentionRule(
        "notifications",
        _(
            "Your in-app notifications, your notification preferences, and the addresses and texts of the messages "
            "sent to you."
        ),
    ),
    RetentionRule("consents", _("The history of your consents.")),
    RetentionRule("inquiries", _("Your name, contact details and messages in your inquiries, and the notes on them.")),
    RetentionRule(
        "identity_documents",
        _(
            "The files of the identity documents you gave us: no law we follow asks us to keep them once your "
            "deals are closed."
        ),
    ),
    RetentionRule("payout_details", _("Your payout details: bank details, mobile money number and Stripe account.")),
    RetentionRule("exports", _("The copies of your data that we prepared for you.")),
    RetentionRule("deals", _("Your deals: the vehicle, the price, the parties and their timeline."), 6, TAX_RECORDS),
    RetentionRule(
        "invoices",
        _("Invoices, credit notes and receipts, with the names and addresses printed on them."),
        6,
        TAX_RECORDS,
    ),
    RetentionRule("payments", _("Your payments and the ledger entries of the money moved."), 6, TAX_RECORDS),
    RetentionRule("commissions", _("Your commissions, their entries and their payouts."), 6, TAX_RECORDS),
    RetentionRule(
        "export_documents",
        _(
            "The export documents of your deals: bills of sale, titles, export declarations, bills of lading, "
            "commercial invoices and the like."
        ),
        6,
        EXPORT_RECORDS,
    ),
    RetentionRule(
        "security_log",
        _("The security log of what was done with your account (sign-ins, changes)."),
        AUDIT_RETENTION_YEARS,
        _(
            "It is the evidence of how the records above were made and changed, and guards against fraud; no entry "
            "of it is ever changed."
        ),
    ),
)

ERASED_RULES = tuple(rule for rule in RETENTION_RULES if not rule.is_kept)
KEPT_RULES = tuple(rule for rule in RETENTION_RULES if rule.is_kept)

"""The README.txt of an export, in its person's language: what each file holds, and what would become of
each kind of information if the account were deleted (privacy.retention)."""

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from privacy.personal_data import CATEGORIES
from privacy.retention import ERASED_RULES, KEPT_RULES


def export_readme(*, user, missing: list[str]) -> str:
    with translation.override(user.preferred_language), timezone.override(user.timezone):
        moment = formats.date_format(timezone.localtime(), "DATETIME_FORMAT")
        lines = [
            gettext("Your personal information at Nzila Export Hub, as of %(moment)s") % {"moment": moment},
            "",
            gettext("The files of this archive (JSON, UTF-8):"),
            *(f"- {name}.json: {description}" for name, description in CATEGORIES.items()),
            "- files/: " + gettext("the files that documents.json, invoices.json and commissions.json name."),
        ]
        if missing:
            lines += ["", gettext("These files could not be found in our storage:"), *(f"- {path}" for path in missing)]
        lines += [
            "",
            gettext("If you delete your account, we erase:"),
            *(f"- {rule.description}" for rule in ERASED_RULES),
            "",
            gettext("and we keep, for the years the law sets:"),
            *(
                "- "
                + gettext("%(description)s Kept %(years)s years. %(reason)s")
                % {"description": rule.description, "years": rule.kept_years, "reason": rule.reason}
                for rule in KEPT_RULES
            ),
            "",
            gettext("To correct something, or for any question about your information, write to %(email)s.")
            % {"email": settings.PRIVACY_OFFICER_EMAIL},
        ]
    return "\n".join(lines) + "\n"

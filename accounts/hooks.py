"""What accounts tells the apps above it (nzila_export.hooks); accounts imports none of them.

- PUBLIC_NAME_CHANGED, an announcement inside the transaction that changes a dealer's company name (its
  profile, a staff edit, an anonymization), `(user=)`: vehicles makes stale the cached catalogue pages
  that show the name on the dealer's listings.
"""

from nzila_export.hooks import HookPoint

PUBLIC_NAME_CHANGED = HookPoint("accounts.public_name_changed")

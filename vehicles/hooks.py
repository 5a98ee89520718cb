"""What vehicles tells the apps above it (nzila_export.hooks); vehicles imports none of them.

- SEARCH_MADE, an announcement on the request path, `(query=, filters=, result_count=, country=)`: a visitor,
  buyer or broker read the first page of a catalogue search (words in `?search=`, or a filter of
  vehicles.search_reports.REPORTED_FILTERS), answered or served from the page cache (a 304 included). `query`:
  the words as typed ("" when none); `filters`: the reported filters given, as typed (name: value); `result_count`:
  how many listings it found, None when the page does not say (a cursor page with more after it); `country`: the
  caller's country (ISO 3166-1 alpha-2), "" for a visitor or an account without one. search_analytics buffers it
  in Redis (a listener must not write to the database here: the answer may be a cached page).
- LISTING_PUBLISHING, an announcement inside the listing's transaction, `(dealer=)`: a listing of `dealer` is about
  to go on the market (created available, or moved to available from draft or archived), CSV imports included.
  plans refuses it beyond the dealer's plan's listing limit by raising its DomainError (402), which rolls it back.
- FEATURE_USING, an announcement before a dealer uses a feature that is sold by plan, `(user=, feature=)`
  ("csv_import"); plans refuses a dealer whose plan lacks it by raising its DomainError (402).
"""

from nzila_export.hooks import HookPoint

SEARCH_MADE = HookPoint("vehicles.search_made")
LISTING_PUBLISHING = HookPoint("vehicles.listing_publishing")
FEATURE_USING = HookPoint("vehicles.feature_using")

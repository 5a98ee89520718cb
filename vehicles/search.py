"""Words to vehicles: full-text search with ranking, fuzzy matching of make and model, "did you mean"
suggestions and autocomplete.

Full text (PostgreSQL, GIN index on the generated `search_vector`): make, model and trim in the 'simple'
configuration (names are not stemmed), colour and description in 'english' and 'french'. The query is
read in all three configurations, any of which may match. Fuzzy (pg_trgm, GIN trigram index on the
`VehicleName` vocabulary of make-and-model names, "toyota camry"): the whole query is trigram-similar to
a name, or word-similar to a part of it, so `Toyoya Camri` still finds a Toyota Camry; the vehicles are
then fetched by name (B-tree index on the generated `search_name`).
"""

import difflib
import re

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramSimilarity
from django.db.models import Count, F, Q, QuerySet

from vehicles.models import Vehicle, VehicleName

SEARCH_CONFIGURATIONS = ("simple", "english", "french")
SUGGESTION_CUTOFF = 0.6
AUTOCOMPLETE_LIMIT = 10
MAX_FUZZY_NAMES = 100
WORD = re.compile(r"[\w-]+")


def _full_text_query(text: str) -> SearchQuery:
    query = SearchQuery(text, config=SEARCH_CONFIGURATIONS[0], search_type="websearch")
    for config in SEARCH_CONFIGURATIONS[1:]:
        query |= SearchQuery(text, config=config, search_type="websearch")
    return query


def vehicle_names_like(*, text: str) -> list[str]:
    """The make-and-model names trigram-similar to `text`, or with a part word-similar to it."""
    return list(
        VehicleName.objects.filter(Q(name__trigram_similar=text) | Q(name__trigram_word_similar=text))
        .order_by("name")
        .values_list("name", flat=True)[:MAX_FUZZY_NAMES]
    )


def vehicle_search(*, queryset: QuerySet[Vehicle], text: str) -> QuerySet[Vehicle]:
    """The vehicles of `queryset` that match `text` by words or fuzzily, most relevant first."""
    text = " ".join(text.split())
    if not text:
        return queryset
    query = _full_text_query(text)
    fuzzy = text.lower()
    match = Q(search_vector=query)
    names = vehicle_names_like(text=fuzzy)
    if names:
        match |= Q(search_name__in=names)
    return (
        queryset.filter(match)
        .annotate(search_rank=SearchRank(F("search_vector"), query) + TrigramSimilarity("search_name", fuzzy))
        .order_by("-search_rank", "-id")
    )


def vehicle_did_you_mean(*, queryset: QuerySet[Vehicle], text: str) -> str | None:
    """The query with each word that names no make or model replaced by the closest one that does
    (among `queryset`), or None when nothing closer is known."""
    vocabulary: dict[str, str] = {}
    for make, model in queryset.order_by().values_list("make", "model").distinct():
        for name in (make, model):
            for word in WORD.findall(name):
                vocabulary.setdefault(word.lower(), word)
    corrected, changed = [], False
    for word in text.split():
        lowered = word.lower()
        if lowered in vocabulary:
            corrected.append(vocabulary[lowered])
            continue
        close = difflib.get_close_matches(lowered, vocabulary, n=1, cutoff=SUGGESTION_CUTOFF)
        if close:
            corrected.append(vocabulary[close[0]])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None


def vehicle_autocomplete(*, queryset: QuerySet[Vehicle], text: str) -> list[dict]:
    """Makes, then make-and-model pairs, that begin with `text` (or whose model does), most listed first."""
    prefix = " ".join(text.split()).lower()
    if not prefix:
        return []
    matching = queryset.order_by().filter(Q(search_name__startswith=prefix) | Q(search_name__contains=" " + prefix))
    makes = list(
        matching.filter(search_name__startswith=prefix)
        .values("make")
        .annotate(count=Count("id"))
        .order_by("-count", "make")[:AUTOCOMPLETE_LIMIT]
    )
    pairs = list(
        matching.values("make", "model")
        .annotate(count=Count("id"))
        .order_by("-count", "make", "model")[:AUTOCOMPLETE_LIMIT]
    )
    suggestions = [
        {"text": row["make"], "make": row["make"], "model": "", "count": row["count"]}
        for row in makes
        if row["make"].lower().startswith(prefix)
    ]
    suggestions += [
        {"text": f"{row['make']} {row['model']}", "make": row["make"], "model": row["model"], "count": row["count"]}
        for row in pairs
    ]
    return suggestions[:AUTOCOMPLETE_LIMIT]

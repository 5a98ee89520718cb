"""The one check of a status move against its model's table of moves.

Each model with a status keeps its table beside it (`DEAL_MOVES = {draft: {pending_documents, ...}}`),
and the one service that sets the status calls `transition_check` first; a move the table does not
hold raises `InvalidTransition` (409), whatever the model."""

from collections.abc import Collection, Mapping

from django.db import models
from django.utils.translation import gettext

from nzila_export.exceptions import Conflict


class InvalidTransition(Conflict):
    code = "invalid_transition"


def transition_check(
    *,
    moves: Mapping[str, Collection[str]],
    choices: type[models.TextChoices],
    current: str,
    to: str,
    field: str = "status",
) -> None:
    """Refuse (InvalidTransition, on `field`) a move from `current` to `to` that `moves` does not list."""
    allowed = moves.get(current, ())
    if to in allowed:
        return
    # In the order the choices are declared, which for a status is the order a row goes through them.
    options = ", ".join(str(label).lower() for value, label in choices.choices if value in allowed)
    raise InvalidTransition(
        gettext("Cannot move from “%(current)s” to “%(to)s” (possible from here: %(options)s).")
        % {
            "current": str(choices(current).label).lower(),
            "to": str(choices(to).label).lower(),
            "options": options or gettext("none, it is final"),
        },
        field=field,
    )

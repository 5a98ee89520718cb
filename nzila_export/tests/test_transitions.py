import pytest
from django.db import models
from django.utils import translation

from nzila_export.transitions import InvalidTransition, transition_check


class Light(models.TextChoices):
    RED = "red", "Red"
    GREEN = "green", "Green"
    AMBER = "amber", "Amber light"
    BROKEN = "broken", "Broken"


# Declared in an order other than the alphabet's, to show the options come in the choices' order.
LIGHT_MOVES = {
    Light.RED: {Light.GREEN, Light.BROKEN},
    Light.GREEN: {Light.BROKEN, Light.AMBER},
    Light.AMBER: {Light.RED, Light.BROKEN},
    Light.BROKEN: set(),
}


def test_a_move_the_table_holds_passes():
    assert transition_check(moves=LIGHT_MOVES, choices=Light, current="red", to="green") is None
    assert transition_check(moves=LIGHT_MOVES, choices=Light, current=Light.GREEN, to=Light.AMBER) is None


def test_a_refused_move_names_both_statuses_and_where_it_may_go():
    with translation.override("en"), pytest.raises(InvalidTransition) as refusal:
        transition_check(moves=LIGHT_MOVES, choices=Light, current="green", to="red", field="to")
    assert refusal.value.message == "Cannot move from “green” to “red” (possible from here: amber light, broken)."
    assert (refusal.value.status_code, refusal.value.code, refusal.value.field) == (409, "invalid_transition", "to")


def test_a_final_status_allows_no_move_and_says_so():
    with translation.override("en"), pytest.raises(InvalidTransition) as refusal:
        transition_check(moves=LIGHT_MOVES, choices=Light, current="broken", to="red")
    assert refusal.value.message == "Cannot move from “broken” to “red” (possible from here: none, it is final)."
    assert refusal.value.field == "status"


def test_a_status_missing_from_the_table_allows_no_move():
    with pytest.raises(InvalidTransition):
        transition_check(moves={Light.RED: {Light.GREEN}}, choices=Light, current="green", to="red")

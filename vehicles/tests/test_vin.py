import pytest
from django.core.exceptions import ValidationError

from vehicles.validators import validate_vin, vin_check_digit
from vehicles.vins import vin_with_check_digit

# Real VINs with their published check digits.
VALID_VINS = ["1M8GDM9AXKP042788", "11111111111111111", "1HGCM82633A004352"]


@pytest.mark.parametrize("vin", VALID_VINS)
def test_real_vins_pass_every_rule(vin):
    validate_vin(vin)


def test_check_digit_x_stands_for_ten():
    assert vin_check_digit("1M8GDM9AXKP042788") == "X"


def test_lower_case_is_read_as_upper_case():
    validate_vin("1hgcm82633a004352")


def test_wrong_length_says_how_long_it_is():
    with pytest.raises(ValidationError) as error:
        validate_vin("1HGCM82633A00435")
    assert error.value.messages == ["A VIN has 17 characters; this one has 16."]
    assert error.value.error_list[0].code == "vin_length"


def test_letters_i_o_q_are_named():
    with pytest.raises(ValidationError) as error:
        validate_vin("1HGCM82633AOO4Q52")
    assert error.value.messages == ["A VIN never contains the letters I, O or Q; this one contains O, Q."]


def test_other_characters_are_refused():
    with pytest.raises(ValidationError) as error:
        validate_vin("1HGCM82633A-04352")
    assert error.value.messages == ["A VIN holds only letters A-Z and digits 0-9; this one contains '-'."]


def test_wrong_check_digit_says_which_it_should_be():
    with pytest.raises(ValidationError) as error:
        validate_vin("1HGCM82643A004352")
    assert error.value.messages == ["The check digit (9th character) of this VIN should be 3, not 4."]
    assert error.value.error_list[0].code == "vin_check_digit"


def test_generated_vins_carry_the_right_check_digit():
    vin = vin_with_check_digit("1HGCM8263A004352")
    assert vin == "1HGCM82633A004352"

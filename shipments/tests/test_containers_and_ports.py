import pytest
from django.core.exceptions import ValidationError

from shipments.containers import container_check_digit, validate_container_number
from shipments.ports import port_name, validate_canadian_port, validate_unlocode


@pytest.mark.parametrize("number", ["CSQU3054383", "MSKU1234565", "TGHU0000008"])
def test_valid_container_numbers_pass(number):
    validate_container_number(number)


def test_the_check_digit_is_computed_as_iso_6346_says():
    assert container_check_digit("CSQU305438") == 3


def test_a_wrong_check_digit_is_refused_naming_the_right_one():
    with pytest.raises(ValidationError) as refused:
        validate_container_number("CSQU3054384")
    assert refused.value.messages == [
        "The check digit of CSQU3054384 is wrong (it should be 3): check the number on the booking."
    ]


@pytest.mark.parametrize("number", ["CSQ3054383", "CSQX3054383", "csqu3054383", "CSQU305438A", ""])
def test_malformed_container_numbers_are_refused(number):
    with pytest.raises(ValidationError, match="not an ISO 6346 container number"):
        validate_container_number(number)


@pytest.mark.parametrize("code", ["CIABJ", "SNDKR", "NGLOS", "XX2Z9"])
def test_well_formed_unlocodes_pass(code):
    validate_unlocode(code)


@pytest.mark.parametrize("code", ["ciabj", "CIAB", "CIABJX", "CI1BJ", "C1ABJ", "CIAB0"])
def test_malformed_unlocodes_are_refused(code):
    with pytest.raises(ValidationError, match="is not a UN/LOCODE"):
        validate_unlocode(code)


def test_the_origin_is_a_known_canadian_port():
    validate_canadian_port("CAHAL")
    validate_canadian_port("CAMTR")
    with pytest.raises(ValidationError, match="Cars leave from a Canadian port"):
        validate_canadian_port("CIABJ")
    with pytest.raises(ValidationError, match="Cars leave from a Canadian port"):
        validate_canadian_port("CAXYZ")
    assert (port_name("CAHAL"), port_name("CIABJ"), port_name("ZZZZZ")) == ("Halifax", "Abidjan", "")

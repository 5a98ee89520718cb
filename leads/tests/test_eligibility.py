from datetime import date

import pytest

from leads.eligibility import destination_check
from leads.models import DestinationRule
from leads.tests.factories import AvailableVehicleFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 1)


def test_kenya_refuses_every_canadian_car_for_its_steering():
    eligibility = destination_check(vehicle=AvailableVehicleFactory(year=2025), country="KE", today=TODAY)
    assert eligibility.allowed is False
    assert eligibility.reasons == ["Kenya admits right-hand-drive cars only, and cars from Canada are left-hand drive."]
    assert eligibility.rule == DestinationRule.objects.get(country="KE")


def test_kenya_gives_both_reasons_for_an_old_car():
    eligibility = destination_check(vehicle=AvailableVehicleFactory(year=2015), country="ke", today=TODAY)
    assert len(eligibility.reasons) == 2
    assert eligibility.reasons[1] == (
        "Kenya admits used cars up to 8 years old (counted from first registration); "
        "this 2015 car is 11 years old, counted from its model year."
    )


def test_ivory_coast_admits_five_years_and_refuses_six():
    assert destination_check(vehicle=AvailableVehicleFactory(year=2021), country="CI", today=TODAY).allowed is True
    refused = destination_check(vehicle=AvailableVehicleFactory(year=2020), country="CI", today=TODAY)
    assert refused.allowed is False
    assert refused.reasons == [
        "Côte d'Ivoire admits used cars up to 5 years old (counted from first registration); "
        "this 2020 car is 6 years old, counted from its model year."
    ]


def test_the_reason_names_the_rule_s_counting_basis():
    nigeria = destination_check(vehicle=AvailableVehicleFactory(year=2005), country="NG", today=TODAY)
    assert "(counted from manufacture)" in nigeria.reasons[0]
    senegal = destination_check(vehicle=AvailableVehicleFactory(year=2010), country="SN", today=TODAY)
    assert "(the rule does not say whether from manufacture or first registration)" in senegal.reasons[0]


def test_a_country_without_an_age_cap_admits_an_old_left_hand_drive_car():
    eligibility = destination_check(vehicle=AvailableVehicleFactory(year=1998), country="GH", today=TODAY)
    assert (eligibility.allowed, eligibility.reasons) == (True, [])


def test_a_country_with_no_rule_is_allowed_with_a_note():
    eligibility = destination_check(vehicle=AvailableVehicleFactory(year=1998), country="MA", today=TODAY)
    assert eligibility.allowed is True
    assert eligibility.rule is None
    assert eligibility.reasons == ["No import rule is on file for MA; check the destination's rules before shipping."]


def test_staff_edits_to_a_rule_change_the_outcome():
    vehicle = AvailableVehicleFactory(year=2018)
    assert destination_check(vehicle=vehicle, country="GA", today=TODAY).allowed is True
    DestinationRule.objects.filter(country="GA").update(max_age_years=5)
    assert destination_check(vehicle=vehicle, country="GA", today=TODAY).allowed is False

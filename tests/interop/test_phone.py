"""Phone-number normalisation: one person's number in every written form gives one key."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relj.interop.phone import clean_phone, looks_like_phone, normalise_phone, phone_key


@pytest.mark.parametrize(
    "raw",
    [
        "+44 20 7946 0000",
        "020 7946 0000",
        "0044 20 7946 0000",
        "+44 (0)20 7946 0000",
        "+44(0)20-7946-0000",
        "(020) 7946 0000",
        "020.7946.0000",
        "\u202a+44 20 7946 0000\u202c",  # Android wraps numbers in bidi embedding marks
        "\u202d020 7946 0000\u202c",  # Google vCards use an override mark
        "\u200e+44\u00a020\u00a07946\u00a00000",  # iOS: LRM and no-break spaces
        "tel:+44-20-7946-0000",
        "+44 20 7946 0000 ext. 12",
        "\uff10\uff12\uff10 7946 0000",  # full-width digits
    ],
)
def test_one_london_number_in_every_form(raw: str) -> None:
    assert normalise_phone(raw, "GB") == "+442079460000"
    assert phone_key(raw, "GB") == "+442079460000"


def test_international_forms_need_no_region() -> None:
    assert normalise_phone("+44 20 7946 0000", None) == "+442079460000"
    assert normalise_phone("0044 20 7946 0000", None) == "+442079460000"
    assert normalise_phone("011 44 20 7946 0000", None) == "+442079460000"
    assert normalise_phone("+44 (0)20 7946 0000", None) == "+442079460000"


def test_national_form_needs_a_region() -> None:
    assert normalise_phone("020 7946 0000", None) is None
    assert phone_key("020 7946 0000", None) == "02079460000"


def test_north_american_exit_code() -> None:
    assert normalise_phone("011 44 20 7946 0000", "US") == "+442079460000"
    assert normalise_phone("(202) 555-0143", "US") == "+12025550143"
    assert normalise_phone("+1 202-555-0143", "GB") == "+12025550143"


def test_011_is_a_national_number_outside_north_america() -> None:
    assert normalise_phone("0113 496 0000", "GB") == "+441134960000"


def test_italian_leading_zero_is_kept() -> None:
    assert normalise_phone("+39 (0)6 1234 5678", None) == "+390612345678"
    assert normalise_phone("06 1234 5678", "IT") == "+390612345678"


def test_region_is_case_insensitive_and_unknown_regions_are_ignored() -> None:
    assert normalise_phone("07700 900123", "gb") == "+447700900123"
    assert normalise_phone("07700 900123", "XX") is None
    assert normalise_phone("+447700900123", "XX") == "+447700900123"


@pytest.mark.parametrize(
    "raw", ["", "   ", "AMAZON", "Vodafone UK", "1-800-FLOWERS", "12345", "+44", "++", "-1", "null"]
)
def test_implausible_numbers_give_none(raw: str) -> None:
    assert normalise_phone(raw, "GB") is None


def test_fallback_keys_still_match() -> None:
    assert phone_key("88600", "GB") == "88600"
    assert phone_key("886-00", "GB") == "88600"
    assert phone_key("AMAZON", "GB") == "amazon"
    assert phone_key("Vodafone UK", None) == "vodafoneuk"
    assert phone_key("", "GB") == ""


def test_clean_phone_strips_marks_and_tel() -> None:
    assert clean_phone("\u202a+44 7700 900123\u202c") == "+44 7700 900123"
    assert clean_phone(" tel:+447700900123 ") == "+447700900123"


def test_looks_like_phone() -> None:
    assert looks_like_phone("\u202a+44 7700 900123\u202c")
    assert looks_like_phone("+1 (202) 555-0143")
    assert not looks_like_phone("Ana")
    assert not looks_like_phone("07700 900123")  # WhatsApp shows strangers in international form
    assert not looks_like_phone("+1")


def test_very_long_input_is_refused_quickly() -> None:
    assert normalise_phone("1" * 1_000_000, "GB") is None
    assert phone_key("1" * 1_000_000, "GB") == "1" * 64


@settings(max_examples=200, deadline=None)
@given(raw=st.text(max_size=80), region=st.sampled_from([None, "GB", "US", "DE", "IT", "xx", ""]))
def test_never_raises(raw: str, region: str | None) -> None:
    e164 = normalise_phone(raw, region)
    assert e164 is None or (e164.startswith("+") and e164[1:].isdigit())
    key = phone_key(raw, region)
    assert isinstance(key, str)
    if e164:
        assert key == e164
    looks_like_phone(raw)


@settings(max_examples=100, deadline=None)
@given(digits=st.from_regex(r"7[0-9]{9}", fullmatch=True), sep=st.sampled_from(["", " ", "-", ".", "\u00a0"]))
def test_uk_mobiles_agree_across_forms(digits: str, sep: str) -> None:
    spaced = digits[:4] + sep + digits[4:]
    national = normalise_phone("0" + spaced, "GB")
    assert national == normalise_phone("+44" + sep + spaced, "GB")
    assert national == normalise_phone("0044" + sep + spaced, "GB")
    assert national == normalise_phone("+44 (0)" + spaced, None)

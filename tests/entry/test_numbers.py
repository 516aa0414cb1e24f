from decimal import Decimal

import pytest

from sakip.numbers import format_id_decimal, parse_id_decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234,5", "1234.5"),
        ("1234.5", "1234.5"),
        ("1234,5", "1234.5"),
        ("1.234.567", "1234567"),
        ("87,5 %", "87.5"),
        ("0,25", "0.25"),
        (12, "12"),
        (87.5, "87.5"),
    ],
)
def test_it_parses_indonesian_and_plain_numbers(text, expected):
    assert parse_id_decimal(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-5", "Angka tidak boleh negatif."),
        ("abc", "bukan angka"),
        ("1,2,3", "bukan angka"),
        ("", "masih kosong"),
        ("1,23456", "angka di belakang koma"),
    ],
)
def test_it_refuses_what_is_not_a_number_in_indonesian(text, message):
    with pytest.raises(ValueError, match=message):
        parse_id_decimal(text)


def test_it_formats_the_indonesian_way():
    assert format_id_decimal(Decimal("1234.50")) == "1.234,5"
    assert format_id_decimal(Decimal("90.0000")) == "90"
    assert format_id_decimal(Decimal("97.2222"), 2) == "97,22"
    assert format_id_decimal(None) == ""

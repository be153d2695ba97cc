"""pluginnovation/content/numbers.py: figures written as the reader's language writes them, and
whole numbers read from what visitors and links type."""

from decimal import Decimal

from django.utils import translation

import pytest

from pluginnovation.content.numbers import file_size, number, signed, typed_int


@pytest.mark.parametrize(
    ("value", "swedish", "english"),
    [
        (Decimal("2.0"), "2", "2"),
        (Decimal("84.5"), "84,5", "84.5"),
        (Decimal("1180.0"), "1\xa0180", "1,180"),
        (Decimal("1234567.25"), "1\xa0234\xa0567,3", "1,234,567.3"),
        (0, "0", "0"),
    ],
)
def test_figures_in_each_language(value, swedish, english):
    with translation.override("sv"):
        assert number(value) == swedish
    with translation.override("en"):
        assert number(value) == english


def test_a_change_has_its_sign():
    with translation.override("sv"):
        assert signed(Decimal("8.4")) == "+8,4"
        assert signed(Decimal("-95")) == "\u221295"
        assert signed(Decimal("0")) == "±0"
        assert signed(None) == ""


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("7", 7),
        (" 12 ", 12),
        ("007", 7),
        ("999999999", 999999999),
        ("1234567890", None),  # past nine digits
        ("", None),
        ("   ", None),
        (None, None),
        (7, None),  # not text: not from a request
        ("²", None),
        ("①", None),
        ("٣", None),  # Arabic-Indic three
        ("１２", None),  # full-width digits
        ("-1", None),
        ("+1", None),
        ("1.0", None),
        ("1e3", None),
        ("0x10", None),
        ("1 000", None),
        ("1\x00", None),
        ("9" * 5000, None),
    ],
)
def test_typed_whole_numbers(raw, expected):
    assert typed_int(raw) == expected


def test_a_longer_bound_for_row_ids():
    assert typed_int("123456789012345678", max_digits=18) == 123456789012345678
    assert typed_int("1234567890123456789", max_digits=18) is None


def test_file_sizes():
    with translation.override("sv"):
        assert file_size(None) == ""
        assert file_size(0) == "0 byte"
        assert file_size(820) == "820 byte"
        assert file_size(12 * 1024) == "12 kB"
        assert file_size(int(1.44 * 1024 * 1024)) == "1,4 MB"
        assert file_size(2 * 1024 * 1024) == "2 MB"
        assert file_size(1500 * 1024 * 1024) == "1\xa0500 MB"

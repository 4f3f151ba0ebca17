"""Matching printed municipality names to the SCB list."""

from __future__ import annotations

import pytest

from kompass_cli.reference import municipalities


def test_the_list_is_complete():
    assert len(municipalities.municipalities()) == 290
    assert len({m.code for m in municipalities.municipalities()}) == 290


@pytest.mark.parametrize("printed,code", [
    ("Hallsbergs kommun", "1861"), ("Norsjo kommun", "2417"), ("Norsjö", "2417"),
    ("NORSJÖ", "2417"), ("Lindesberg", "1885"), ("Upplands Väsby", "0114"),
    ("Stockholms stad", "0180"), ("Malå", "2418"), ("2417", "2417"),
])
def test_printed_forms_resolve(printed, code):
    assert municipalities.lookup(printed).code == code


@pytest.mark.parametrize("printed", ["Tomelillas kommunchef", "Nyhetsbrev", "1234", ""])
def test_unknown_names_are_not_guessed(printed):
    assert municipalities.lookup(printed) is None

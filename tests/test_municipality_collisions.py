"""Official names that differ only in diacritics (Håbo, 0305, and Habo, 0643) are never
confused, and no two municipalities share an output file name.

The groups are found in the SCB list by the test itself, so a name added to the list
is covered without a new test.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

import pytest
from typer.testing import CliRunner

from kompass_cli.cli.main import app
from kompass_cli.core.errors import KompassError
from kompass_cli.reference import municipalities
from kompass_cli.reference.municipalities import Ambiguous, resolve, slug, slugs
from kompass_cli.run.pipeline import parse_file
from tests.conftest import RAW

runner = CliRunner()


def _plain(name: str) -> str:
    """The name without diacritics, as OCR that lost them prints it."""
    return "".join(c for c in unicodedata.normalize("NFKD", name)
                   if not unicodedata.combining(c))


def _groups() -> list[list[municipalities.OfficialMunicipality]]:
    by_plain = defaultdict(list)
    for m in municipalities.municipalities():
        by_plain[_plain(m.name).casefold()].append(m)
    return [group for group in by_plain.values() if len(group) > 1]


GROUPS = _groups()
MEMBERS = [m for group in GROUPS for m in group]


def test_the_colliding_names_of_the_scb_list_are_found():
    assert {frozenset(m.code for m in g) for g in GROUPS} >= {frozenset({"0305", "0643"})}
    assert sorted(frozenset(m.code for m in g) for g in municipalities.folding_together()) \
        == sorted(frozenset(m.code for m in g) for g in GROUPS)


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: m.code)
def test_each_name_as_printed_is_its_own_municipality(member):
    for printed in (member.name, member.name.upper(), f"{member.name}s kommun",
                    f"{member.name} kommun"):
        assert resolve(printed) == member, printed
        assert municipalities.lookup(printed) == member


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: m.code)
def test_a_name_without_diacritics_in_damaged_text_names_every_candidate(member):
    group = next(g for g in GROUPS if member in g)
    found = resolve(f"{_plain(member.name)} kommun", diacritics_reliable=False)
    assert isinstance(found, Ambiguous) and set(found.candidates) == set(group)
    # A diacritic the damaged text did keep is evidence.
    if not member.name.isascii():
        assert resolve(member.name, diacritics_reliable=False) == member


def test_hand_checked_pair():
    assert resolve("Håbo").code == "0305" and resolve("Habo").code == "0643"
    assert resolve("Håbos kommun").code == "0305" and resolve("HABO").code == "0643"
    assert resolve("Håbö").code == "0305"  # closer to Håbo than to Habo
    found = resolve("Habo", diacritics_reliable=False)
    assert found.names() == "Håbo (0305) or Habo (0643)"


def test_every_municipality_has_its_own_file_name():
    names = slugs()
    assert len(names) == 290 and len(set(names.values())) == 290
    shared = {slug(m.name) for m in MEMBERS}
    for m in municipalities.municipalities():
        expected = f"{slug(m.name)}-{m.code}" if slug(m.name) in shared else slug(m.name)
        assert names[m.code] == expected
    assert names["0305"] == "habo-0305" and names["0643"] == "habo-0643"
    assert (names["1861"], names["1885"], names["2417"]) == ("hallsberg", "lindesberg", "norsjo")


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: m.code)
def test_a_report_of_each_colliding_municipality_parses_as_itself(tmp_path, member):
    path = tmp_path / "report.txt"
    text = (RAW / "lindesberg-2021.txt").read_text(encoding="utf-8")
    path.write_text(text.replace("Lindesberg", member.name), encoding="utf-8")
    report = parse_file(path)
    assert (report.municipality.name, report.municipality.code) == (member.name, member.code)
    assert not [d for d in report.diagnostics if d.code.startswith("municipality")]


def test_hbo_and_habo_in_one_run_write_two_files(tmp_path):
    text = (RAW / "lindesberg-2021.txt").read_text(encoding="utf-8")
    for name in ("Håbo", "Habo"):
        (tmp_path / f"{_plain(name).lower()}-{name.isascii()}.txt").write_text(
            text.replace("Lindesberg", name), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["parse", str(tmp_path), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["habo-0305-2021.json",
                                                      "habo-0643-2021.json"]


def test_a_name_whose_diacritics_ocr_lost_is_refused_with_both_candidates(tmp_path):
    # Norsjö's report is OCR'd and has lost its diacritics; made into a report of 'Habo'.
    text = (RAW / "norsjo-2018.txt").read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_text(text.replace("Norsjo", "Habo").replace("Norsjé", "Habo"), encoding="utf-8")
    report = parse_file(path)
    assert (report.municipality.code, report.municipality.county) == (None, None)
    [diag] = [d for d in report.diagnostics if d.code.startswith("municipality")]
    assert diag.code == "municipality-ambiguous" and diag.severity == "error"
    assert "Håbo (0305) or Habo (0643)" in diag.message
    result = runner.invoke(app, ["parse", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert (f"error: report.txt: municipality 'Habo kommun' could be Håbo (0305) or Habo "
            f"(0643) (the print cannot tell them apart), so the output cannot be named; "
            f"use --out -") in result.stderr.splitlines()


def test_lookup_refuses_a_name_that_fits_several():
    # 'ä' is as far from Håbo's 'å' as from Habo's 'a': the print cannot decide.
    with pytest.raises(KompassError, match=r"could be Håbo \(0305\) or Habo \(0643\)"):
        municipalities.lookup("Häbo")
    result = runner.invoke(app, ["compare", "Häbo"])
    assert result.exit_code == 2
    assert result.stderr == ("error: Häbo: could be Håbo (0305) or Habo (0643); give the "
                             "kommunkod to choose\n")


def test_a_report_whose_municipality_is_ambiguous_belongs_to_neither(tmp_path):
    from kompass_cli.analyse.compare import compare
    from kompass_cli.model.writer import to_json

    text = (RAW / "norsjo-2018.txt").read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_text(text.replace("Norsjo", "Habo").replace("Norsjé", "Habo"), encoding="utf-8")
    report = parse_file(path)
    assert report.municipality.name == "Habo kommun" and report.municipality.code is None
    (tmp_path / "habo.json").write_text(to_json(report), encoding="utf-8")
    for code in ("0305", "0643"):
        assert compare(municipalities.by_code(code), [(path, report)]).evaluations == []

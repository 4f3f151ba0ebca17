"""The crosswalk data: complete, only real area numbers, consistent with the catalogues."""

from __future__ import annotations

import pytest

from kompass_cli.reference.catalog import VERSIONS, instrument
from kompass_cli.reference.crosswalk import RELATIONS, between, crosswalk_data, step

PAIRS = list(zip(VERSIONS, VERSIONS[1:]))
AREAS = set(range(1, 9))


def test_there_is_one_step_per_consecutive_pair_and_a_source_note():
    data = crosswalk_data()
    assert [(s["from"], s["to"]) for s in data["steps"]] == PAIRS
    assert "Source" in data["note"] and len(data["note"]) > 200
    assert set(data["relations"]) == set(RELATIONS)


@pytest.mark.parametrize("source,target", PAIRS)
def test_every_area_is_mapped_to_existing_areas_with_a_known_relation(source, target):
    table = step(source, target)
    assert set(table) == AREAS
    existing = {a.number for a in instrument(target).areas}
    for link in table.values():
        assert set(link.targets) <= existing
        assert link.relation in RELATIONS and link.why
        assert link.targets or link.relation == "not_comparable"
    reached = {t for link in table.values() for t in link.targets}
    assert reached == existing, "an area of the next version has no predecessor"


@pytest.mark.parametrize("source,target", PAIRS)
def test_same_means_same_number_and_same_canonical_name(source, target):
    old, new = instrument(source), instrument(target)
    for number, link in step(source, target).items():
        identical = link.targets == (number,) and old.area(number).name == new.area(number).name
        assert (link.relation == "same") == identical, (source, number)


def test_2016_to_2020_follows_the_reordering_by_topic():
    table = step("2016", "2020")
    assert {n: link.targets for n, link in table.items()} == {
        1: (1,), 2: (5,), 3: (3,), 4: (8,), 5: (4,), 6: (7,), 7: (6,), 8: (2,)}


def test_chains_take_the_loosest_relation_and_can_be_read_backwards():
    assert between("2008", "2016")[7].relation == "renamed"
    assert between("2010", "2020")[2].targets == (5,)
    assert between("2008", "2020")[1].relation == "renamed"
    backwards = between("2020", "2016")
    assert backwards[5].targets == (2,) and backwards[5].relation == "restructured"
    assert between("2016", "2016")[4].relation == "same"

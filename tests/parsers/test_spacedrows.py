"""Question rows of a table whose tabs were lost, in the three shapes text tools give."""

from __future__ import annotations

from kompass_cli.parsers.spacedrows import question_rows


def _read(text: str) -> dict[str, tuple]:
    lines = text.splitlines()
    return {row.id.text: (row.title,
                          *(None if cell is None else (cell.text, cell.line)
                            for cell in (row.maximum, row.achieved, row.percent)))
            for row in question_rows(lines, 0, len(lines))}


def test_two_halves_on_one_line_apart_by_single_spaces():
    rows = _read("1.1 Hur informeras medborgarna? 40 26 65% 2.1 Har kommunen en "
                 "filosofi? 10 4,5 45 %")
    assert rows == {"1.1": ("Hur informeras medborgarna?", ("40", 1), ("26", 1), ("65%", 1)),
                    "2.1": ("Har kommunen en filosofi?", ("10", 1), ("4,5", 1), ("45%", 1))}


def test_laid_out_rows_with_wrapped_titles_and_percents():
    text = "\n".join([
        "             Hur informeras            65     Har kommunen en                45",
        "1.1                      40     26        2.1 brukarorienterad    10   4,5",
        "             medborgarna?              %      filosofi?                      %",
    ])
    rows = _read(text)
    # The titles are in pieces over three lines: not read from the table.
    assert rows["1.1"] == ("", ("40", 2), ("26", 2), ("65%", 1))
    assert rows["2.1"] == ("", ("10", 2), ("4,5", 2), ("45%", 1))


def test_cells_one_after_another_in_reading_order():
    text = "1.1\nHur informeras\nmedborgarna?\n40 26\n65\n%\n6.4 Förekommer samtal? 20 14\n70\n%"
    rows = _read(text)
    assert rows["1.1"] == ("Hur informeras medborgarna?", ("40", 4), ("26", 4), ("65%", 5))
    assert rows["6.4"] == ("Förekommer samtal?", ("20", 7), ("14", 7), ("70%", 8))


def test_a_third_number_without_a_percent_sign_is_not_a_percent():
    assert _read("1.2 medborgarnas 40 24 160 12.2 verket 20 13")["1.2"] == (
        "medborgarnas", ("40", 1), ("24", 1), None)


def test_a_damaged_number_first_leaves_the_row_unread():
    # '—|20' is the max with a rule glued on: 14 and 70 must not become max and score.
    assert _read("3.4 av uppgifter, roller och —|20 14 70 4.4 Hur beskrivs 20 6 30%")["3.4"] == (
        "av uppgifter, roller och", None, None, None)


def test_two_percents_as_near_to_the_row_are_no_reading():
    text = "\n".join([
        "                                60      55",
        "1.1                40     26",
        "                                %       %",
    ])
    assert _read(text)["1.1"][3] is None


def test_a_number_alone_is_not_paired_with_the_next_rows_area_number():
    # The row's own score and percent are lost (cut off at the page edge); '3' opens
    # the next area's header row.
    text = "2.6\nBedrivs utbildning i att\nbemöta allmänheten?\n10\n3\nTydlighet i samspelet"
    assert _read(text)["2.6"] == ("Bedrivs utbildning i att bemöta allmänheten?", None, None, None)

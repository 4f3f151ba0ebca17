"""Pictures of the scores: one report's eight-area profile, one municipality's trend.

The profile is drawn as horizontal bars rather than a radar: the Swedish area names are
long ('Tydlighet i samspelet mellan politiker och tjänstemän') and stay legible beside a
bar, and bar lengths compare more accurately than radar areas. A comparison with a
report of another instrument version goes through the crosswalk, area by area, and the
picture says so, because the reports warn that scores are only fully comparable within
one version. Figures have a fixed pixel size (``PROFILE_SIZE``, ``TREND_SIZE`` at
``DPI``) so they can be embedded and tested.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kompass_cli.core.errors import KompassError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from kompass_cli.reference.municipalities import Municipality
    from kompass_cli.schemas.common import ReportBase

Number = int | float

DPI = 100
PROFILE_SIZE = (11.0, 7.0)  # inches: 1100 x 700 px
TREND_SIZE = (12.0, 9.0)  # inches: 1200 x 900 px
IMAGE_SUFFIXES = (".png", ".svg")

MAIN_COLOUR = "#1f5f99"
OTHER_COLOUR = "#a6a6a6"
CAVEAT = ("Scores are only fully comparable within one version of the instrument "
          "(the reports' own caveat).")


@dataclass
class Comparison:
    """A second series for a profile, keyed by the profiled report's area numbers."""

    label: str
    scores: dict[int, Number | None]
    loose: set[int] = field(default_factory=set)  # matched only as 'restructured'
    note: str = ""


def _figure(size: tuple[float, float]) -> Figure:
    """A figure drawn off-screen: Agg works without a display (CI, servers)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    return Figure(figsize=size, dpi=DPI)


def _counterpart(version: str, other_version: str, area: int) -> tuple[int, str] | None:
    """The one area of ``other_version`` matching ``area``, and how closely, if unique."""
    from kompass_cli.reference.crosswalk import between

    there = between(version, other_version).get(area)
    if there is None or len(there.targets) != 1 or there.relation == "not_comparable":
        return None
    back = between(other_version, version).get(there.targets[0])
    return (there.targets[0], there.relation) if back and back.targets == (area,) else None


def _mapped(report: ReportBase, other: ReportBase) -> tuple[dict[int, Number | None], set[int]]:
    """Scores of ``other`` on ``report``'s areas, and the areas matched only loosely."""
    scores, loose = {}, set()
    others = {a.number: a.score for a in other.areas}
    for area in report.areas:
        match = _counterpart(report.instrument.version, other.instrument.version, area.number)
        scores[area.number] = others.get(match[0]) if match else None
        if match and match[1] == "restructured":
            loose.add(area.number)
    return scores, loose


def _label(report: ReportBase) -> str:
    return f"{report.municipality.name} {report.evaluation.year}"


def against_report(report: ReportBase, other: ReportBase) -> Comparison:
    """Another report as the comparison series, lined up through the crosswalk."""
    scores, loose = _mapped(report, other)
    version = other.instrument.version
    note = ("" if version == report.instrument.version else
            f"{_label(other)} used instrument {version}; its areas are lined up with these "
            f"through the crosswalk.")
    return Comparison(f"{_label(other)} (instrument {version})", scores, loose, note)


def against_mean(report: ReportBase, others: list[ReportBase]) -> Comparison:
    """The mean of the other reports (the profiled one left out), area by area."""
    pool = [o for o in others if not _same_evaluation(o, report)]
    if not pool:
        raise KompassError("no other report to average; give a folder with more reports")
    mapped = [_mapped(report, other) for other in pool]
    scores: dict[int, Number | None] = {}
    for area in report.areas:
        values = [s[area.number] for s, _ in mapped if s.get(area.number) is not None]
        scores[area.number] = round(sum(values) / len(values), 1) if values else None
    loose = set().union(*(l for _, l in mapped))
    versions = sorted({o.instrument.version for o in pool})
    note = ("" if versions == [report.instrument.version] else
            f"The mean includes instrument versions {', '.join(versions)}, lined up with "
            f"these areas through the crosswalk.")
    names = ", ".join(_label(o) for o in pool) if len(pool) <= 3 else ""
    label = f"mean of {len(pool)} other report{'s' * (len(pool) != 1)}"
    return Comparison(f"{label} ({names})" if names else label, scores, loose, note)


def _same_evaluation(a: ReportBase, b: ReportBase) -> bool:
    return (a.municipality.code, a.municipality.name, a.evaluation.year) == (
        b.municipality.code, b.municipality.name, b.evaluation.year)


def profile(report: ReportBase, comparison: Comparison | None = None) -> Figure:
    """The eight area scores of one report as bars, with an optional comparison series."""
    figure = _figure(PROFILE_SIZE)
    axes = figure.add_axes((0.33, 0.17, 0.62, 0.68))
    numbers = [a.number for a in report.areas]
    height = 0.38 if comparison else 0.6
    offset = height / 2 if comparison else 0.0
    _bars(axes, numbers, [a.score for a in report.areas], -offset, height, MAIN_COLOUR,
          _label(report))
    if comparison:
        _bars(axes, numbers, [comparison.scores.get(n) for n in numbers], offset, height,
              OTHER_COLOUR, comparison.label)
        axes.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2, frameon=False,
                    fontsize=9)
    marks = comparison.loose if comparison else set()
    axes.set_yticks(numbers, [_area_label(a.number, a.name, a.number in marks)
                              for a in report.areas], fontsize=9.5)
    _style_profile_axes(axes)
    _profile_titles(figure, report)
    _footnote(figure, _profile_notes(comparison))
    return figure


def _bars(axes, numbers, scores, offset, height, colour, label) -> None:
    values = [s if s is not None else 0 for s in scores]
    bars = axes.barh([n + offset for n in numbers], values, height=height, color=colour,
                     label=label)
    for bar, score in zip(bars, scores):
        text = "–" if score is None else _number(score)
        axes.text(bar.get_width() + 1, bar.get_y() + bar.get_height() / 2, text,
                  va="center", fontsize=8.5, color="#333333")


def _area_label(number: int, name: str, loose: bool) -> str:
    wrapped = textwrap.fill(name, 34, subsequent_indent="    ")
    return f"{number}  {wrapped}{' †' if loose else ''}"


def _style_profile_axes(axes) -> None:
    axes.set_xlim(0, 100)
    axes.set_ylim(8.6, 0.4)
    axes.set_xlabel("score (maximum 100 per area)")
    axes.xaxis.grid(True, color="#e0e0e0")
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)


def _profile_titles(figure, report: ReportBase) -> None:
    m = report.municipality
    code = f" ({m.code})" if m.code else ""
    figure.suptitle(f"{m.name}{code} {report.evaluation.year}: Kommunkompassen profile",
                    x=0.02, y=0.975, ha="left", fontsize=14, fontweight="bold")
    total = _number(report.total.score) if report.total.score is not None else "–"
    figure.text(0.02, 0.915, f"Instrument version {report.instrument.version} · "
                f"total {total} of 800", fontsize=10.5, color="#444444")


def _profile_notes(comparison: Comparison | None) -> list[str]:
    notes = [CAVEAT]
    if comparison and comparison.note:
        notes.append(comparison.note)
    if comparison and comparison.loose:
        notes.append("† The comparison area was restructured between versions: a rough match.")
    return notes


def _footnote(figure, notes: list[str]) -> None:
    text = "\n".join(textwrap.fill(n, 150) for n in notes)
    figure.text(0.02, 0.015, text, fontsize=8, color="#555555", va="bottom")


def _number(value: Number) -> str:
    return f"{value:g}".replace(".", ",")


def trend(municipality: Municipality, reports: list[tuple[Path, ReportBase]]) -> Figure:
    """Total and area scores of every evaluation of a municipality, as small multiples.

    One small panel for the total and one per area (eight lines in one panel overlap
    where scores cluster, between 55 and 70, and cannot be told apart). The area panels
    share both axes, so heights compare across panels; each shows the other areas in
    light grey behind its own line, and every instrument-version change is marked.
    Every source counts; a value another source gives differently, or the sum a printed
    total does not match, is a red cross beside the point and in the footnote.
    """
    from kompass_cli.analyse.compare import compare

    comparison = compare(municipality, reports)
    if not comparison.evaluations:
        raise KompassError(f"no evaluation of {municipality.name} ({municipality.code}) in "
                           f"these reports; parse its report first or choose another folder")
    figure = _figure(TREND_SIZE)
    grid = figure.add_gridspec(3, 3, left=0.06, right=0.98, top=0.87, bottom=0.2,
                               hspace=0.55, wspace=0.12)
    evaluations = comparison.evaluations
    total_axes = figure.add_subplot(grid[0, 0])
    _series(total_axes, evaluations, [c.score for c in comparison.rows[-1].cells], "#222222")
    _conflicts(total_axes, comparison.rows[-1].cells, labels=True)
    _panel(total_axes, "Total (of 800)", (0, 800), evaluations)
    area_rows = comparison.rows[:-1]
    first = None
    for index, row in enumerate(area_rows, start=1):
        axes = figure.add_subplot(grid[divmod(index, 3)], sharex=total_axes, sharey=first)
        first = first or axes
        for other in area_rows:
            if other is not row:
                _series(axes, evaluations, [c.score for c in other.cells], "#d9d9d9",
                        labels=False, points=False)
        _series(axes, evaluations, [c.score for c in row.cells], MAIN_COLOUR)
        _conflicts(axes, row.cells)
        _panel(axes, _area_label(row.area, row.name, False), (0, 100), evaluations,
               ticks_left=index % 3 == 0 or index == 1)
    _trend_legend(figure, evaluations)
    _trend_titles(figure, comparison)
    _footnote(figure, _trend_notes(comparison))
    return figure


def _series(axes, evaluations, scores, colour, labels: bool = True,
            points: bool = True) -> None:
    """Points per evaluation, hollow for self-assessments; dotted across a version change."""
    found = [(e, s) for e, s in zip(evaluations, scores) if s is not None]
    width = 2 if points else 1
    for (a, sa), (b, sb) in zip(found, found[1:]):
        style = "-" if a.version == b.version else ":"
        axes.plot([a.year, b.year], [sa, sb], linestyle=style, color=colour, linewidth=width,
                  zorder=3 if points else 1)
    for e, s in found if points else ():
        hollow = e.kind == "self_assessment"
        axes.plot(e.year, s, marker="o", markersize=6, color=colour, zorder=4,
                  markerfacecolor="white" if hollow else colour, markeredgewidth=2)
        if labels:
            axes.annotate(_number(s), (e.year, s), xytext=(0, 7), textcoords="offset points",
                          ha="center", fontsize=8, zorder=5)


CONFLICT_COLOUR = "#d62728"


def _conflicts(axes, cells, labels: bool = False) -> None:
    """A red cross at every other value the sources give for a point (or the sum its
    printed total does not match), so a disagreement is drawn, not hidden."""
    for cell in cells:
        for value in dict.fromkeys(v["value"] for v in cell.conflict if v["value"] != cell.score):
            axes.plot(cell.year, value, marker="x", markersize=8, color=CONFLICT_COLOUR,
                      markeredgewidth=2, linestyle="", zorder=6)
            if labels:
                axes.annotate(f"{_number(value)}?", (cell.year, value), xytext=(8, -4),
                              textcoords="offset points", fontsize=8, color=CONFLICT_COLOUR)


def _panel(axes, title: str, limits: tuple[int, int], evaluations,
           ticks_left: bool = True) -> None:
    """One small panel: its title, its scale, the years and the version changes."""
    years = [e.year for e in evaluations]
    axes.set_title(title, loc="left", fontsize=9, fontweight="bold")
    axes.set_ylim(*limits)
    axes.set_yticks([limits[1] * f for f in (0, 0.25, 0.5, 0.75, 1)])
    axes.tick_params(labelleft=ticks_left, labelsize=8)
    axes.set_xticks(years, [str(y) for y in years])
    axes.set_xlim(min(years) - 0.8, max(years) + 0.8)
    axes.yaxis.grid(True, color="#eeeeee")
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for previous, current in zip(evaluations, evaluations[1:]):
        if previous.version != current.version:
            axes.axvline((previous.year + current.year) / 2, color="#b22222",
                         linestyle="--", linewidth=1)


def _trend_legend(figure, evaluations) -> None:
    """Keys for hollow points, change lines and the grey lines, below the panels."""
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], marker="o", color=MAIN_COLOUR, linewidth=2)]
    labels = ["this area (panel title)"]
    handles.append(Line2D([], [], color="#d9d9d9", linewidth=1))
    labels.append("the other areas")
    if any(e.kind == "self_assessment" for e in evaluations):
        handles.append(Line2D([], [], marker="o", color="#666666", markerfacecolor="white",
                              markeredgewidth=2, linestyle=""))
        labels.append("self-assessment (hollow)")
    changes = [f"{a.version} → {b.version}" for a, b in zip(evaluations, evaluations[1:])
               if a.version != b.version]
    if changes:
        handles.append(Line2D([], [], color="#b22222", linestyle="--"))
        labels.append(f"instrument version change ({', '.join(changes)})")
    if any(e.conflicts for e in evaluations):
        handles.append(Line2D([], [], marker="x", color=CONFLICT_COLOUR, markeredgewidth=2,
                              linestyle=""))
        labels.append("another value given")
    figure.legend(handles, labels, loc="lower left", bbox_to_anchor=(0.05, 0.115),
                  ncol=len(handles), frameon=False, fontsize=9)


def _trend_titles(figure, comparison) -> None:
    m = comparison.municipality
    first, last = comparison.evaluations[0].year, comparison.evaluations[-1].year
    span = str(first) if first == last else f"{first}–{last}"
    figure.suptitle(f"{m.name} ({m.code}): Kommunkompassen {span}",
                    x=0.02, y=0.975, ha="left", fontsize=14, fontweight="bold")
    figure.text(0.02, 0.93, f"{m.county} · areas as in instrument "
                f"{comparison.reference_version}", fontsize=10.5, color="#444444")


def _trend_notes(comparison) -> list[str]:
    from kompass_cli.analyse.compare import conflict_text, sources_text

    sources = "; ".join(f"{e.year} {e.kind.replace('_', '-')}, instrument {e.version}: "
                        f"{sources_text(e).replace('; ', ', ')}"
                        for e in comparison.evaluations)
    notes = [CAVEAT + " Across a change (dashed red line) the areas are lined up through "
             "the crosswalk and the lines are dotted.", f"Sources: {sources}."]
    notes += [f"Conflict {e.year} {c['what']}: {conflict_text(c['values'])}."
              for e in comparison.evaluations for c in e.conflicts]
    return notes


def render(figure: Figure, suffix: str) -> bytes:
    """The figure as PNG or SVG bytes, without a timestamp so a re-render is identical."""
    if suffix not in IMAGE_SUFFIXES:
        raise KompassError(f"cannot draw a '{suffix or 'suffixless'}' file; "
                           f"name the output .png or .svg")
    import matplotlib

    buffer = io.BytesIO()
    metadata = {"Date": None} if suffix == ".svg" else {"Software": None}
    with matplotlib.rc_context({"svg.hashsalt": "kompass"}):
        figure.savefig(buffer, format=suffix[1:], dpi=DPI, metadata=metadata)
    return buffer.getvalue()


def save(figure: Figure, path: Path) -> None:
    """Write the figure atomically, its format from the file's suffix."""
    from kompass_cli.model.writer import write_bytes_atomic

    write_bytes_atomic(path, render(figure, path.suffix.lower()))

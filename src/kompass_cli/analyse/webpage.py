"""One municipality on one self-contained HTML page, to share with people who do not
run kompass.

The page holds the latest evaluation's profile, the trend over every evaluation, the
findings per area, the diagnostics in plain words (the catalogue's titles and
explanations) and the sources. It has no external assets and makes no network request:
the pictures are matplotlib SVG written inline, the styles are in the page, so it opens
the same from a mail attachment, a USB stick or an intranet. Every text from a report is
HTML-escaped.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from kompass_cli.core.errors import KompassError

if TYPE_CHECKING:
    from kompass_cli.analyse.compare import Comparison
    from kompass_cli.reference.municipalities import OfficialMunicipality
    from kompass_cli.schemas.common import AreaBase, ReportBase

Number = int | float

SEVERITY_WORDS = {"error": "cannot be trusted or is missing",
                  "warning": "the report contradicts itself",
                  "info": "worth knowing, nothing wrong"}

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;
max-width:1100px;padding:1.5rem;color:#222;line-height:1.45}
h1{margin-bottom:.2rem}
h2{border-bottom:2px solid #1f5f99;padding-bottom:.2rem;margin-top:2.2rem}
.lead{color:#444;margin-top:0}
.caveat{background:#fff6e0;border-left:4px solid #e0a800;padding:.5rem .8rem}
svg{max-width:100%;height:auto;display:block}
table{border-collapse:collapse;margin:.8rem 0}
th,td{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.area{margin-bottom:1.4rem}.cols{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}
.cols h4{margin:.3rem 0}.cols ul{margin:.2rem 0;padding-left:1.2rem}
.sev{display:inline-block;min-width:4.5rem;font-size:.8rem;font-weight:bold;
text-transform:uppercase}
.sev-error{color:#b22222}.sev-warning{color:#b86e00}.sev-info{color:#1f5f99}
.diag{margin:.6rem 0}.diag p{margin:.15rem 0}.where{color:#666;font-size:.9rem}
footer{margin-top:2.5rem;color:#666;font-size:.85rem}
"""


def page(municipality: OfficialMunicipality, reports: list[tuple[Path, ReportBase]]) -> str:
    """The whole HTML page of one municipality from the reports that mention it."""
    from kompass_cli.analyse import plots
    from kompass_cli.analyse.compare import compare

    comparison = compare(municipality, reports)
    if not comparison.evaluations:
        raise KompassError(f"no evaluation of {municipality.name} ({municipality.code}) in "
                           f"these reports; parse its report first or choose another folder")
    latest = _latest_report(comparison, reports)
    parts = [_header(comparison, latest)]
    if latest is not None:
        parts.append(_profile(latest, inline_svg(plots.profile(latest), "profile")))
    parts.append(_trend(comparison, inline_svg(plots.trend(municipality, reports), "trend")))
    if latest is not None:
        parts += [_findings(latest), _diagnostics(latest)]
    parts.append(_sources(comparison, reports))
    title = f"{municipality.name} ({municipality.code}): Kommunkompassen"
    return ("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(parts) + f"\n{_footer(comparison)}\n</body>\n</html>\n")


def inline_svg(figure, prefix: str) -> str:
    """A matplotlib figure as SVG to write inside HTML.

    The XML prolog, the DOCTYPE, the namespace declarations and the metadata block are
    dropped (HTML puts an inline <svg> in the SVG namespace by itself, and they are the
    only URLs in matplotlib's output), and every id gets ``prefix`` so that two
    pictures on one page do not share ids.
    """
    from kompass_cli.analyse.plots import render

    text = render(figure, ".svg").decode("utf-8")
    text = text[text.index("<svg"):]
    text = re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", text)
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.DOTALL)
    text = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', text)
    return re.sub(r'(href="#|url\(#)', rf"\g<1>{prefix}-", text)


def _latest_report(comparison: Comparison, reports) -> ReportBase | None:
    """The most recent evaluation that has a report of its own (not a history row)."""
    files = {e.file for e in comparison.evaluations if e.source == "report"}
    own = [r for p, r in reports if p.name in files]
    return max(own, key=lambda r: r.evaluation.year, default=None)


def _number(value: Number | None) -> str:
    return "–" if value is None else f"{value:g}".replace(".", ",")


def _header(comparison: Comparison, latest: ReportBase | None) -> str:
    m = comparison.municipality
    years = [e.year for e in comparison.evaluations]
    span = str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    lead = (f"{escape(m.county)} · kommunkod {escape(m.code)} · Kommunkompassen {span}, "
            f"{len(years)} evaluation{'s' * (len(years) != 1)}")
    if latest is not None:
        lead += (f" · latest {latest.evaluation.year} (instrument "
                 f"{escape(latest.instrument.version)}): total "
                 f"<strong>{_number(latest.total.score)}</strong> of 800")
    return (f"<header>\n<h1>{escape(m.name)}</h1>\n<p class=\"lead\">{lead}</p>\n"
            f"<p class=\"caveat\">{escape(comparison.caveat)}</p>\n</header>")


def _profile(report: ReportBase, svg: str) -> str:
    rows = "".join(f"<tr><td>{a.number}</td><td>{escape(a.name)}</td>"
                   f"<td class=\"n\">{_number(a.score)}</td></tr>" for a in report.areas)
    return (f"<section id=\"profile\">\n<h2>Latest evaluation: {report.evaluation.year}</h2>\n"
            f"{svg}\n<table><thead><tr><th>area</th><th>name</th><th>score (of 100)</th>"
            f"</tr></thead><tbody>{rows}<tr><td></td><th>total (of 800)</th>"
            f"<td class=\"n\"><strong>{_number(report.total.score)}</strong></td></tr>"
            f"</tbody></table>\n</section>")


def _trend(comparison: Comparison, svg: str) -> str:
    head = "".join(f"<th>{e.year}<br>v{escape(e.version)} {escape(e.kind.replace('_', '-'))}"
                   f"</th>" for e in comparison.evaluations)
    body = ""
    for row in comparison.rows:
        label = f"{row.area} {row.name}" if row.area is not None else row.name
        cells = "".join(f"<td class=\"n\">{_number(c.score)}</td>" for c in row.cells)
        body += f"<tr><td>{escape(label)}</td>{cells}</tr>"
    notes = "".join(f"<li>{escape(note)}</li>" for note in comparison.notes)
    return (f"<section id=\"trend\">\n<h2>Over the years</h2>\n{svg}\n"
            f"<table><thead><tr><th>area (as in instrument "
            f"{escape(comparison.reference_version or '')})</th>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>\n<ul>{notes}</ul>\n</section>")


def _findings(report: ReportBase) -> str:
    areas = "\n".join(_area_findings(area) for area in report.areas)
    return (f"<section id=\"findings\">\n<h2>Findings per area ({report.evaluation.year})"
            f"</h2>\n{areas}\n</section>")


def _area_findings(area: AreaBase) -> str:
    def items(found) -> str:
        if not found:
            return "<p>none printed</p>"
        return "<ul>" + "".join(f"<li>{escape(f.text)}</li>" for f in found) + "</ul>"

    return (f"<div class=\"area\"><h3>{area.number} {escape(area.name)}: "
            f"{_number(area.score)} of 100</h3><div class=\"cols\">"
            f"<div><h4>Strengths (Styrkor)</h4>{items(area.strengths)}</div>"
            f"<div><h4>Improvements (Förbättringsområden)</h4>{items(area.improvements)}"
            f"</div></div></div>")


def _diagnostics(report: ReportBase) -> str:
    """The diagnostics grouped by code, worst first: the catalogue's title and
    explanation once, then each of the report's own messages with its place."""
    from kompass_cli.model.codes import CATALOGUE

    groups: dict[str, list] = {}
    for d in sorted(report.diagnostics, key=lambda d: _SEVERITY_ORDER.get(d.severity, 3)):
        groups.setdefault(d.code, []).append(d)
    body = "".join(_diagnostic_group(code, found, CATALOGUE.get(code))
                   for code, found in groups.items())
    if not body:
        body = "<p>The report agrees with itself everywhere kompass checks.</p>"
    legend = "; ".join(f"{k}: {v}" for k, v in SEVERITY_WORDS.items())
    return (f"<section id=\"diagnostics\">\n<h2>What to know about these numbers "
            f"({report.evaluation.year})</h2>\n<p class=\"where\">{escape(legend)}.</p>\n"
            f"{body}\n</section>")


_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _diagnostic_group(code: str, found: list, entry) -> str:
    severity = found[0].severity
    title = entry.title if entry else code
    count = f" ({len(found)})" if len(found) > 1 else ""
    explanation = f"<p>{escape(entry.explanation)}</p>" if entry else ""
    items = "".join(f"<li>{escape(d.message)} <span class=\"where\">{escape(_place(d))}"
                    f"</span></li>" for d in found)
    return (f"<div class=\"diag\"><p><span class=\"sev sev-{severity}\">{severity}</span> "
            f"<strong>{escape(title)}</strong>{count}</p>{explanation}<ul>{items}</ul></div>")


def _place(diagnostic) -> str:
    if diagnostic.line is None:
        return ""
    page = f"page {diagnostic.page}, " if diagnostic.page is not None else ""
    return f"{page}line {diagnostic.line}"


def _sources(comparison: Comparison, reports) -> str:
    by_name = {p.name: r for p, r in reports}
    rows = ""
    for e in comparison.evaluations:
        report = by_name.get(e.file)
        origin = ("its report" if e.source == "report" else
                  f"the history table (line {e.line})")
        detail = ""
        if report is not None and e.source == "report":
            s, ev = report.source, report.evaluation
            pages = f", {s.pages} pages" if s.pages else ""
            detail = (f"{escape(s.file)} ({s.format}{pages}, sha256 "
                      f"<code>{s.sha256[:12]}…</code>); published by "
                      f"{escape(ev.publisher or '–')} {escape(ev.report_date or '')}")
        rows += (f"<tr><td>{e.year}</td><td>{escape(e.kind.replace('_', '-'))}</td>"
                 f"<td>{escape(e.version)}</td><td>{escape(e.file)}, {origin}</td>"
                 f"<td>{detail}</td></tr>")
    return (f"<section id=\"sources\">\n<h2>Sources</h2>\n<table><thead><tr><th>year</th>"
            f"<th>kind</th><th>instrument</th><th>from</th><th>report</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>\n</section>")


def _footer(comparison: Comparison) -> str:
    from kompass_cli import __version__

    return (f"<footer>Made with kompass {escape(__version__)} from the normalised reports "
            f"listed under Sources. Every number is as the report prints it; each has its "
            f"line in the report's JSON.</footer>")

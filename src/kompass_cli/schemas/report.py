"""One model per document kind and instrument version, and the unions that pick them.

The versions differ in their areas: each version's model only admits its own area keys,
taken from the instrument catalogue so the keys are written down once. A document is
picked first by ``doc_kind`` (a full report or a results summary), then by
``instrument.version``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import Discriminator, Tag, TypeAdapter, create_model

from kompass_cli.reference.catalog import VERSIONS, instrument
from kompass_cli.schemas.common import AreaBase, InstrumentBase, ReportBase
from kompass_cli.schemas.summary import SummaryArea, SummaryBase


def _instrument_model(version: str) -> type[InstrumentBase]:
    return create_model(f"Instrument{version}", __base__=InstrumentBase,
                        version=(Literal[version], ...))  # type: ignore[valid-type]


def _area_model(version: str, base: type = AreaBase, prefix: str = "Area") -> type:
    keys = tuple(area.key for area in instrument(version).areas)
    return create_model(f"{prefix}{version}", __base__=base,
                        key=(Literal[keys], ...))  # type: ignore[valid-type]


INSTRUMENT_MODELS: dict[str, type[InstrumentBase]] = {v: _instrument_model(v) for v in VERSIONS}
# Each version's area model, so that a report is built from its own version's parts.
AREA_MODELS: dict[str, type[AreaBase]] = {v: _area_model(v) for v in VERSIONS}
SUMMARY_AREA_MODELS: dict[str, type[SummaryArea]] = {
    v: _area_model(v, SummaryArea, "SummaryArea") for v in VERSIONS}


def _report_model(version: str) -> type[ReportBase]:
    return create_model(
        f"Report{version}", __base__=ReportBase,
        instrument=(INSTRUMENT_MODELS[version], ...),
        areas=(list[AREA_MODELS[version]], ...),  # type: ignore[misc]
        __doc__=f"A Kommunkompassen report evaluated with instrument version {version}.")


def _summary_model(version: str) -> type[SummaryBase]:
    return create_model(
        f"Summary{version}", __base__=SummaryBase,
        instrument=(INSTRUMENT_MODELS[version], ...),
        areas=(list[SUMMARY_AREA_MODELS[version]], ...),  # type: ignore[misc]
        __doc__=f"The published results of a Kommunkompassen evaluation with instrument "
                f"version {version}: area scores and total, no questions or findings.")


REPORT_MODELS: dict[str, type[ReportBase]] = {v: _report_model(v) for v in VERSIONS}
SUMMARY_MODELS: dict[str, type[SummaryBase]] = {v: _summary_model(v) for v in VERSIONS}
REPORT_KIND = "kommunkompassen_report"
SUMMARY_KIND = "results_summary"


def _version_of(value: Any) -> str | None:
    """Read the discriminating version from a dict or a model."""
    if isinstance(value, dict):
        inner = value.get("instrument")
        return inner.get("version") if isinstance(inner, dict) else None
    return getattr(getattr(value, "instrument", None), "version", None)


def _by_version(models: dict[str, type]) -> object:
    return Annotated[
        Union[tuple(Annotated[model, Tag(version)] for version, model in models.items())],
        Discriminator(_version_of),
    ]


def _kind_of(value: Any) -> str | None:
    """Read the discriminating document kind from a dict or a model."""
    if isinstance(value, dict):
        return value.get("doc_kind")
    return getattr(value, "doc_kind", None)


AnyReport = _by_version(REPORT_MODELS)
AnySummary = _by_version(SUMMARY_MODELS)
AnyDocument = Annotated[
    Union[Annotated[AnyReport, Tag(REPORT_KIND)], Annotated[AnySummary, Tag(SUMMARY_KIND)]],
    Discriminator(_kind_of),
]

REPORT_ADAPTER: TypeAdapter = TypeAdapter(AnyReport)
DOCUMENT_ADAPTER: TypeAdapter = TypeAdapter(AnyDocument)

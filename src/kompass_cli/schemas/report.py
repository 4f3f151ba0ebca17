"""One report model per instrument version, and the union that picks by version.

The versions differ in their areas: each version's model only admits its own area keys,
taken from the instrument catalogue so the keys are written down once.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import Discriminator, Tag, TypeAdapter, create_model

from kompass_cli.catalog import VERSIONS, instrument
from kompass_cli.schemas.common import AreaBase, InstrumentBase, ReportBase


def _instrument_model(version: str) -> type[InstrumentBase]:
    return create_model(f"Instrument{version}", __base__=InstrumentBase,
                        version=(Literal[version], ...))  # type: ignore[valid-type]


def _area_model(version: str) -> type[AreaBase]:
    keys = tuple(area.key for area in instrument(version).areas)
    return create_model(f"Area{version}", __base__=AreaBase,
                        key=(Literal[keys], ...))  # type: ignore[valid-type]


def _report_model(version: str) -> type[ReportBase]:
    return create_model(
        f"Report{version}", __base__=ReportBase,
        instrument=(_instrument_model(version), ...),
        areas=(list[_area_model(version)], ...),  # type: ignore[misc]
        __doc__=f"A Kommunkompassen report evaluated with instrument version {version}.")


REPORT_MODELS: dict[str, type[ReportBase]] = {v: _report_model(v) for v in VERSIONS}


def _version_of(value: Any) -> str | None:
    """Read the discriminating version from a dict or a model."""
    if isinstance(value, dict):
        inner = value.get("instrument")
        return inner.get("version") if isinstance(inner, dict) else None
    return getattr(getattr(value, "instrument", None), "version", None)


AnyReport = Annotated[
    Union[tuple(Annotated[model, Tag(version)] for version, model in REPORT_MODELS.items())],
    Discriminator(_version_of),
]

REPORT_ADAPTER: TypeAdapter = TypeAdapter(AnyReport)

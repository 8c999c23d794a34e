"""Extraction: every claim of a document, with exact spans and normalised values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.extract import (
    ages,
    amounts,
    breakdowns,
    changes,
    compounds,
    dates,
    elapsed,
    events,
    governed,
    lists,
    relative,
    shares,
    spans,
    temporal,
    tenure,
)
from checker.extract.base import Context, Draft
from checker.extract.normalize import DateNormalizer
from checker.models import Claim

if TYPE_CHECKING:
    from checker.document import Document
    from checker.language.analysis import Analysis

_NORMALIZERS: dict[tuple[object, str], DateNormalizer] = {}


def context(document: Document) -> Context:
    """The extraction context of a document; one date normaliser per release date and order."""
    key = (document.release_date, document.date_order)
    if key not in _NORMALIZERS:
        if len(_NORMALIZERS) > 64:  # a batch over many dates: keep memory flat
            _NORMALIZERS.clear()
        _NORMALIZERS[key] = DateNormalizer(document.release_date, document.date_order)
    return Context(
        release_date=document.release_date,
        date_order=document.date_order,
        normalizer=_NORMALIZERS[key],
        body_start=document.body_start,
    )


def temporal_atoms(text: str, ctx: Context) -> tuple[list[Draft], list[Draft]]:
    """Dates, times, durations and recurrences (overlaps resolved toward the longest span), and
    the ranges written as one token ("2015-2021"), whose dates are among the atoms."""
    return temporal.atoms(text, ctx)


def drafts(document: Document, analysis: Analysis) -> list[Draft]:
    """All drafts of a document: temporal atoms, then the claims built on them."""
    ctx = context(document)
    text = analysis.text
    atoms, built = temporal_atoms(text, ctx)
    atoms = compounds.weekday_ranges(text, atoms)
    atoms = compounds.trailing_weekdays(text, atoms)
    built += compounds.ranges(text, atoms)
    compounds.link_brackets(text, atoms)
    built += compounds.since(text, ctx, atoms)
    origins = events.find(analysis, ctx, atoms)
    dated = spans.Index(a for a in atoms if a.kind in ("date", "relative", "time"))
    built += origins
    built += elapsed.find(analysis, dated, origins)
    built += ages.find(analysis, dated, atoms)
    tenure.link(analysis, atoms, origins, [a for a in atoms if a.kind == "date"])
    governed.attach(analysis, atoms)
    relative.reread_weekdays(atoms, ctx.release_date)
    dates.reread_years(atoms, built, ctx.release_date)
    built += numeric(analysis, atoms + built)
    return atoms + built


def numeric(analysis: Analysis, claimed: list[Draft]) -> list[Draft]:
    """Amounts outside the temporal claims, and the totals, shares, changes and lists they make."""
    # Numbers inside a date, an age or an ordinal are not amounts; ranges, origins and births
    # only join other claims, so a number beside their dates is still free.
    taken = spans.Index(d for d in claimed if d.kind not in ("range", "origin", "birth"))
    found = amounts.find(analysis, taken)
    built = changes.find(found)
    built += breakdowns.find(found)
    built += shares.find(found)
    built += lists.find(found)
    return found.drafts + built


def extract(document: Document, analysis: Analysis) -> list[Claim]:
    """The claims of a document, in text order, with ids c1, c2, …"""
    found = sorted(drafts(document, analysis), key=lambda d: (d.start, -d.end, d.kind))
    geometry = document.geometry
    ids = {id(d): f"c{i}" for i, d in enumerate(found, start=1)}
    claims = []
    for draft in found:
        claims.append(
            Claim(
                id=ids[id(draft)],
                kind=draft.kind,
                text=document.text[draft.start : draft.end],
                start=draft.start,
                end=draft.end,
                value=draft.value,
                timex=draft.timex,
                date=draft.date,
                readings=draft.readings,
                weekday=draft.weekday,
                number=draft.number,
                amount=draft.amount,
                currency=draft.currency,
                items=draft.items,
                low=draft.low,
                high=draft.high,
                bounds=draft.bounds,
                hedge=draft.hedge,
                unit=draft.unit,
                cue=draft.cue,
                frequency=draft.frequency,
                subject=draft.subject,
                subject_id=draft.subject_id,
                subject_span=draft.extra.get("subject_span"),
                anchor_span=draft.extra.get("anchor_span"),
                parts=tuple(ids[id(link)] for link in draft.links if id(link) in ids),
                exhaustive=draft.exhaustive,
                sentence=geometry.sentence_index(draft.start),
                paragraph=geometry.paragraph_index(draft.start),
                evidence=draft.evidence,
                note=draft.note,
            )
        )
    return claims

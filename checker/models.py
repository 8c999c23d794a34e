"""The data that flows through the pipeline: claims, findings and reports."""

from __future__ import annotations

import calendar
from datetime import MAXYEAR, MINYEAR, date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
ClaimKind = Literal[
    "date",  # an absolute date, month or year ("20 April 2023", "July 2012", "2015")
    "relative",  # a date said relative to the release ("today", "last week", "three days ago")
    "range",  # two date claims joined ("between 2015 and 2021")
    "duration",  # a length of time ("for three years", "more than two decades", "since 2012")
    "set",  # a recurrence ("annual", "every two years")
    "time",  # a time of day ("6:00 PM")
    "ordinal",  # a count of occasions ("now in its ninth year", "the eighth meeting")
    "origin",  # when something began ("founded in 1998")
    "age",  # a person's age ("Maria Lopez, 52")
    "birth",  # when a person was born ("born in 1965")
    "quantity",  # a count or measure ("nearly 700 projects", "1,450 utilities")
    "money",  # an amount of money with its ISO 4217 currency ("EUR 2.9 billion")
    "percent",  # a share or a change in per cent or percentage points ("45%")
    "change",  # a change between values ("rose from 40 to 50", "an increase of 20 percent")
    "list",  # an announced count and the items that follow ("three priorities: A, B and C")
    "breakdown",  # a total and its parts ("a workforce of 750, comprising 285 nurses and …")
    "shares",  # shares of one whole said together ("48% backed it, 31% opposed it and 30% …")
]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


def _unplaced(value: int) -> bool:
    """A claim made by hand, not read from a text, has no sentence or paragraph (-1)."""
    return value < 0


def _absent(value: object) -> bool:
    """Left out of JSON: a location a plain-text document does not have."""
    return value is None


class Frozen(BaseModel):
    """Base of every model: immutable, unknown fields rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Timex(Frozen):
    """A TIMEX3 type and value, e.g. DATE 2012-07 or DURATION P10Y."""

    type: TimexType
    value: str


class CalendarDate(Frozen):
    """A date at the precision written: a year, a month of a year, or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        """How much of the date the text gives."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def is_valid(self) -> bool:
        """Whether the day exists in that month (31 April does not), in years 1 to 9999."""
        if not MINYEAR <= self.year <= MAXYEAR:
            return False
        if self.month is None or self.day is None:
            return True
        return 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]

    def iso(self) -> str:
        """The TIMEX3 value: YYYY, YYYY-MM or YYYY-MM-DD."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text

    def first_day(self) -> date:
        """The earliest day the date can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The latest day the date can mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def as_date(self) -> date | None:
        """The exact day, when the text gives one that exists."""
        if self.precision != "day" or not self.is_valid:
            return None
        return date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def of(cls, day: date) -> CalendarDate:
        """The calendar date of a `datetime.date`."""
        return cls(year=day.year, month=day.month, day=day.day)


class Reading(Frozen):
    """One way to read an ambiguous numeric date such as 07/10."""

    order: Literal["DMY", "MDY", "YMD"]
    date: CalendarDate


class Passage(Frozen):
    """A stretch of the text: where it is and what it says."""

    start: int
    end: int
    text: str


class VerbEvidence(Frozen):
    """The verb group that governs a claim: "will be held", "is due to open", "opened"."""

    text: str
    start: int
    end: int
    lemma: str
    tense: Literal["past", "present", "future", "none"]
    aspect: str
    voice: Literal["active", "passive"]
    modality: str | None = None
    orientation: Literal["past", "future", "perfect", "none"] = "none"
    reported: str | None = Field(
        None, description="the reporting verb when the clause is reported speech ('said')"
    )
    quoted: bool = Field(False, description="the clause is inside quotation marks")


class CountEvidence(Frozen):
    """What an amount counts or measures, and what narrows it."""

    counted: str | None = Field(None, description="the singular of what is counted ('teacher')")
    head: str | None = Field(None, description="the noun as written ('teachers')")
    modifiers: tuple[str, ...] = Field((), description="words between number and noun")
    qualifiers: tuple[str, ...] = Field((), description="phrases that narrow it ('in the county')")
    determiner: str | None = Field(None, description="'the', 'those', 'all', a possessor's 's")
    possessor: str | None = None
    role: str | None = Field(None, description="total, part, rest")
    whole: str | None = Field(None, description="id of the amount this one is part of")
    coordination: str | None = Field(None, description="amounts said together share this id")


class Evidence(Frozen):
    """Why a claim means what it does: the structures of the text it was read from."""

    verb: VerbEvidence | None = None
    count: CountEvidence | None = None
    clause: Passage | None = None
    subject: Passage | None = Field(None, description="the mention the claim is about")


class Claim(Frozen):
    """A fact stated in the text, with its exact span and its normalised value."""

    id: str
    kind: ClaimKind
    text: str
    start: int
    end: int
    value: str = Field(description="the normalised value in words a reader can check")
    timex: Timex | None = None
    date: CalendarDate | None = None
    readings: tuple[Reading, ...] = ()
    weekday: int | None = Field(None, description="the weekday named with the date, Monday = 0")
    number: int | None = Field(None, description="N of an ordinal, an age, a count of units")
    amount: float | None = Field(None, description="the value of a quantity, money or percentage")
    currency: str | None = Field(None, description="ISO 4217 code of an amount of money")
    low: float | None = Field(None, description="lower bound of a hedged amount")
    high: float | None = Field(None, description="upper bound of a hedged amount")
    bounds: str | None = Field(None, description="which ends are included: [], [), (] or ()")
    hedge: str | None = None
    unit: str | None = None
    cue: str | None = Field(None, description="the word that gives the claim its meaning")
    frequency: str | None = None
    subject: str | None = Field(
        None, description="the entity the claim is about, by its fullest name"
    )
    subject_id: str | None = None
    subject_span: tuple[int, int] | None = Field(None, description="the mention next to the claim")
    subject_via: str | None = Field(None, description="why the mention was linked to the entity")
    anchor_id: str | None = Field(None, description="the entity a series is counted from")
    anchor_span: tuple[int, int] | None = None
    parts: tuple[str, ...] = Field((), description="ids of the claims this one joins or reads")
    items: tuple[str, ...] = Field((), description="the items of a list, as written")
    exhaustive: bool | None = Field(None, description="whether the parts are said to be the whole")
    sentence: int = Field(
        -1, description="index of the sentence the claim starts in", exclude_if=_unplaced
    )
    paragraph: int = Field(
        -1, description="index of the paragraph the claim starts in", exclude_if=_unplaced
    )
    evidence: Evidence | None = None
    note: str | None = None


class Related(Frozen):
    """Another passage a finding involves."""

    start: int
    end: int
    text: str
    label: str
    paragraph: int | None = Field(None, description="in a DOCX or HTML file", exclude_if=_absent)
    source_line: int | None = Field(None, description="in an HTML file", exclude_if=_absent)


class Finding(Frozen):
    """One inconsistency: what is wrong, where, the working and a corrected wording."""

    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    text: str
    related: tuple[Related, ...] = ()
    help: str | None = None
    suggestion: str | None = None
    claims: tuple[str, ...] = ()
    paragraph: int | None = Field(None, description="in a DOCX or HTML file", exclude_if=_absent)
    source_line: int | None = Field(None, description="in an HTML file", exclude_if=_absent)


class Layout(Frozen):
    """Where a document's body and sentences are, as the language layer found them: it
    travels with the report so that renderers place excerpts without reading the text again."""

    body_start: int = 0
    sentences: tuple[tuple[int, int], ...] = ()


class DocumentReport(Frozen):
    """The claims and findings of one document."""

    path: str
    date: str | None
    date_source: str
    claims: tuple[Claim, ...] = ()
    findings: tuple[Finding, ...] = ()
    layout: Layout | None = Field(None, exclude=True)  # in memory only, not in JSON


class Summary(Frozen):
    """Counts over a run."""

    documents: int
    errors: int
    warnings: int
    infos: int


class Tally:
    """A run's counts, added up a document at a time (a streamed report keeps no documents)."""

    def __init__(self) -> None:
        self.documents = 0
        self.severities = {"error": 0, "warning": 0, "info": 0}

    def add(self, document: DocumentReport) -> None:
        """Count one document and its findings."""
        self.documents += 1
        for finding in document.findings:
            self.severities[finding.severity] += 1

    def summary(self) -> Summary:
        """The counts so far."""
        s = self.severities
        return Summary(
            documents=self.documents, errors=s["error"], warnings=s["warning"], infos=s["info"]
        )


class Report(Frozen):
    """Everything one run found, in input order."""

    tool: str = "factcheck"
    version: str
    documents: tuple[DocumentReport, ...]
    summary: Summary

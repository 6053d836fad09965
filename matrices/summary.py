"""A proposal's summary for the facilitator's cohort view: who, what, how complete, what is open.

The summary is cheap to read because it is computed once (after each findings refresh, and when a document is
created) and stored in the document; the dashboard and `review` read it instead of the whole proposal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from matrices.base import CatalogId, ProposalLanguage, Text, Timestamp
from matrices.findings import Finding
from matrices.proposal import Proposal
from matrices.review import MATRIX_KEYS, Comment, MatrixKey

SUMMARY_VERSION = 1
"""Bump when the summary's fields or their computation change: stored summaries of another version are recomputed."""

SUBMITTED = "submitted"
"""The snapshot reason that marks a submission ("Mark as submitted")."""

POLICY_AREAS = "policy_areas.json"
STATUSES = "enums.json#proposal_status"

Count = Annotated[int, Field(ge=0)]
Percent = Annotated[int, Field(ge=0, le=100)]


class ProposalSummary(BaseModel):
    """What the cohort view shows of one proposal (last_modified and the comment counts come from the file)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: Text = ""
    authors: tuple[Text, ...] = ()
    institution: Text = ""
    policy_area: CatalogId | None = None
    status: CatalogId = "draft"
    completeness: dict[MatrixKey, Percent] = Field(default_factory=dict)
    errors: Count = 0
    warnings: Count = 0
    comments_open: Count = 0
    comments_resolved: Count = 0
    last_modified: Timestamp | None = None
    last_submitted: Timestamp | None = None
    language: ProposalLanguage = "es"

    def score(self, matrix: MatrixKey) -> int:
        """Return the completeness of one matrix (0 when unknown)."""
        return self.completeness.get(matrix, 0)


def count_threads(comments: Iterable[Comment]) -> tuple[int, int]:
    """Return (open, resolved) comment threads: replies belong to their thread and are not counted."""
    open_count = resolved = 0
    for comment in comments:
        if comment.parent_id is not None:
            continue
        if comment.status == "resolved":
            resolved += 1
        else:
            open_count += 1
    return open_count, resolved


def summarize(
    proposal: Proposal,
    findings: Iterable[Finding],
    completeness: Mapping[MatrixKey, int],
    comments: Iterable[Comment] = (),
    last_submitted: datetime | None = None,
) -> ProposalSummary:
    """Return the summary of a proposal from its findings and completeness (as the rulebook computed them)."""
    findings = list(findings)
    comments_open, comments_resolved = count_threads(comments)
    return ProposalSummary(
        title=proposal.title,
        authors=tuple(proposal.authors),
        institution=proposal.proposing_institution,
        policy_area=proposal.policy_area,
        status=proposal.status,
        completeness={key: max(0, min(100, int(completeness.get(key, 0)))) for key in MATRIX_KEYS},
        errors=sum(1 for finding in findings if finding.severity == "error"),
        warnings=sum(1 for finding in findings if finding.severity == "warning"),
        comments_open=comments_open,
        comments_resolved=comments_resolved,
        last_submitted=last_submitted,
        language=proposal.language,
    )


def last_submission(snapshots: Iterable[tuple[datetime, str]]) -> datetime | None:
    """Return the time of the latest (created_at, reason) snapshot whose reason marks a submission."""
    return max((created for created, reason in snapshots if reason == SUBMITTED), default=None)

"""Snapshots of a document: named copies of the proposal that can be viewed, exported, compared and restored."""

from __future__ import annotations

from ui.snapshots.actions import mark_as_submitted
from ui.snapshots.dialog import SnapshotsDialog, submit_with_confirmation

__all__ = ["SnapshotsDialog", "mark_as_submitted", "submit_with_confirmation"]

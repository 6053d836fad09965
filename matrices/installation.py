"""The files the app ships (field model, catalogues, examples), and the one sentence said when one is damaged.

A participant cannot repair these files: a file missing, unreadable or not what the app wrote means the
installation is damaged, and reinstalling is the only advice worth giving. Files a caller names itself (a test,
a script) are read as they are, with the plain errors of reading them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from matrices import datafiles

Problem = Literal["missing", "damaged"]


class InstallationError(Exception):
    """A file the app ships is missing or damaged; the message is one sentence that says to reinstall."""

    def __init__(self, part: Path, problem: Problem) -> None:
        self.part = part
        self.problem = problem
        super().__init__(f"the installation is damaged: {part} is {problem}; reinstall Policy Matrix")


def bundled_path(*parts: str) -> Path:
    """Return the path of a file or folder the app ships under matrices/data."""
    return datafiles.data_dir().joinpath(*parts)


def read_bundled(path: Path) -> Any:
    """Return the JSON content of a file the app ships; InstallationError when it is missing, unreadable or not JSON."""
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise InstallationError(path, "missing") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InstallationError(path, "damaged") from exc
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InstallationError(path, "damaged") from exc

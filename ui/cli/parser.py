"""The command line's parser: the fixed contract of names, options and usage errors."""

from __future__ import annotations

import argparse
from typing import NoReturn

from matrices.base import PROPOSAL_LANGUAGES
from matrices.localized import COURSE_LANGUAGE, MESSAGE_LANGUAGE, languages
from ui.cli.common import UsageError
from ui.version import version_text

COMMANDS = ("demo", "convert", "export", "check", "review", "import-comments", "feedback", "schema")


class _Parser(argparse.ArgumentParser):
    """An argparse parser whose errors follow the contract: one `error:` line, exit 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the commands; its help lists every form of the command line (README, "Command line")."""
    parser = _Parser(
        prog="main.py",
        usage="%(prog)s [-h] [--version] [FILE.pmx]\n       %(prog)s COMMAND ...",
        description="Policy Matrix: draft a migration policy proposal. With no command it opens the editor, on "
        "FILE.pmx when one is given.",
    )
    # main.py answers --version (and -h) before parsing, as it opens the editor when there is no command: the
    # option is declared here so that the help lists it.
    parser.add_argument(
        "--version", action="version", version=version_text(), help="print the application and file-format versions"
    )
    langs = languages()  # the languages of the data: adding one to languages.json adds it here
    commands = parser.add_subparsers(
        dest="command", required=True, parser_class=_Parser, title="commands", metavar="COMMAND"
    )

    demo = commands.add_parser("demo", help="write the bundled example proposal to PATH")
    demo.add_argument("path", metavar="PATH")
    demo.add_argument(
        "--lang",
        choices=PROPOSAL_LANGUAGES,
        default=COURSE_LANGUAGE,
        help=f"language of the example (default {COURSE_LANGUAGE})",
    )

    convert = commands.add_parser("convert", help="convert .json <-> .pmx, or either to .docx")
    convert.add_argument("src", metavar="SRC")
    convert.add_argument("dst", metavar="DST")

    export = commands.add_parser("export", help="export proposals to Word (.docx)")
    export.add_argument("files", metavar="FILE", nargs="+")
    export.add_argument("--out-dir", metavar="DIR", help="folder for the .docx files (default: beside each input)")
    export.add_argument("--lang", choices=langs, help="language of headings and labels (default: the proposal's)")
    export.add_argument("--template", metavar="T.docx", help="start from an institution's Word template")
    export.add_argument("--comments", action="store_true", help="include review comments as Word comments")
    export.add_argument("--paper", choices=("letter", "a4"), default="letter", help="paper size (default letter)")

    check = commands.add_parser("check", help="completeness and consistency findings")
    check.add_argument("file", metavar="FILE")
    check.add_argument("--json", action="store_true", help="print the findings as a JSON list")
    check.add_argument("--lang", choices=langs, help="language of the messages (default: the proposal's)")

    review = commands.add_parser(
        "review",
        help="one line per proposal in SOURCE (a folder, or a Moodle submissions download: the zip or its folder)",
    )
    review.add_argument("dir", metavar="SOURCE")
    review.add_argument("--csv", metavar="OUT.csv", help="also write the table as CSV (UTF-8, opens in Excel)")
    review.add_argument("--recursive", action="store_true", help="include the .pmx files of subfolders")
    review.add_argument(
        "--lang", choices=langs, default=MESSAGE_LANGUAGE, help=f"language of labels (default {MESSAGE_LANGUAGE})"
    )

    comments = commands.add_parser(
        "import-comments", help="bring a facilitator's Word comments back onto the items of FILE.pmx"
    )
    comments.add_argument("file", metavar="FILE.pmx")
    comments.add_argument("docx", metavar="REVIEWED.docx")
    comments.add_argument("--dry-run", action="store_true", help="say where each comment would land; store nothing")
    comments.add_argument("--json", action="store_true", help="print the comments and their landings as JSON")
    feedback = commands.add_parser(
        "feedback", help="feedback for a Moodle cohort: one zip to upload, one folder per participant"
    )
    feedback.add_argument("source", metavar="SOURCE", help="the Moodle submissions download (zip or unpacked folder)")
    feedback.add_argument("--out", metavar="FEEDBACK.zip", required=True, help="the zip to upload back to Moodle")
    feedback.add_argument(
        "--worksheet", metavar="GRADING.csv", help="Moodle's grading worksheet: a copy with feedback is written"
    )
    feedback.add_argument(
        "--lang", choices=langs, help="language of the Word files and the worksheet's text (default: theirs)"
    )
    feedback.add_argument("--comments", action="store_true", help="put the review comments in the Word files too")

    commands.add_parser("schema", help="print the JSON Schema of the interchange format")
    return parser

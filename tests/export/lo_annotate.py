"""Write comments on a .docx with LibreOffice itself, through its UNO API, and save it as .docx again.

Run by the system's Python, which has LibreOffice's `uno` module (python3-uno); the project's virtual
environment has none: `/usr/bin/python3 tests/export/lo_annotate.py SPEC.json`. SPEC names the source, the
target, a private profile folder, and the comments:

    {"source": "...", "target": "...", "profile": "...", "comments": [
        {"name": "code", "author": "Eva", "text": "...", "date": "2026-03-02T10:15:00" or null,
         "where": {"table": "<first header cell>", "row": "<text in the row>", "cell": 0}
                  or {"paragraph": "<the paragraph's text>", "style": "Heading"},
         "select": "all" | "point" | "next-paragraph" | {"sub": "<text inside the cell or paragraph>"},
         "resolved": false, "reply_to": "<name of an earlier comment>"},
        {"name": "app", "existing": true, "text": "<a comment the document has>", "resolved": true, ...}]}

The document is loaded as a model with no view: LibreOffice's "nogui" packages (the ones CI installs) have no
sidebar for comments, and a view of a commented document aborts there. For the same reason a reply cannot be
made with the Reply command, which needs that sidebar; it is written as that command writes it: a comment on
the same text whose first line quotes the comment it answers ('Reply to Ana (...): "..."').
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK  # type: ignore[import-not-found]


def _prop(name: str, value: Any) -> Any:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _connect(pipe: str, process: subprocess.Popen[bytes]) -> Any:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        if process.poll() is not None:
            raise SystemExit(f"soffice exited early with status {process.returncode}")
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # NoConnectException until soffice listens
            time.sleep(0.25)
    raise SystemExit("soffice did not start listening within 60 s")


def _paragraphs(text: Any) -> list[Any]:
    found = []
    enumeration = text.createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            found.append(element)
    return found


def _cell(document: Any, where: dict[str, Any]) -> Any:
    tables = document.TextTables
    for number in range(tables.Count):
        table = tables.getByIndex(number)
        if table.getCellByName("A1").getString() != where["table"]:
            continue
        columns = table.Columns.Count
        for row in range(table.Rows.Count):
            names = [f"{chr(65 + column)}{row + 1}" for column in range(columns)]
            cells = [table.getCellByName(name) for name in names]
            if any(cell is not None and where["row"] in cell.getString() for cell in cells):
                return cells[where["cell"]]
    raise SystemExit(f"no table row shows {where['row']!r} under {where['table']!r}")


def _paragraph(document: Any, where: dict[str, Any]) -> Any:
    for paragraph in _paragraphs(document.Text):
        style = paragraph.getPropertyValue("ParaStyleName") or ""
        if paragraph.getString() == where["paragraph"] and style.startswith(where.get("style", "")):
            return paragraph
    raise SystemExit(f"no paragraph reads {where['paragraph']!r}")


def _cursor(document: Any, spec: dict[str, Any]) -> tuple[Any, bool]:
    """Return a text cursor over where the comment goes, and whether the comment has a range."""
    where, select = spec["where"], spec.get("select", "all")
    in_cell = "table" in where
    if in_cell:
        container = _cell(document, where)
        cursor = container.createTextCursor()
        cursor.gotoStart(False)
        content = container.getString()
    else:
        paragraph = _paragraph(document, where)
        cursor = document.Text.createTextCursorByRange(paragraph.Start)
        content = paragraph.getString()
    if select == "all":
        if in_cell:
            cursor.gotoEnd(True)
        else:
            cursor.gotoEndOfParagraph(True)
        return cursor, True
    if select == "point":
        cursor.goRight(2, False)
        return cursor, False
    if select == "next-paragraph":
        cursor.gotoNextParagraph(True)
        cursor.gotoEndOfParagraph(True)
        return cursor, True
    offset = content.find(select["sub"])
    if offset < 0:
        raise SystemExit(f"{select['sub']!r} is not in {content!r}")
    cursor.goRight(offset, False)
    cursor.goRight(len(select["sub"]), True)
    return cursor, True


def _date(text: str) -> Any:
    value = uno.createUnoStruct("com.sun.star.util.DateTime")
    date, _, clock = text.partition("T")
    value.Year, value.Month, value.Day = (int(part) for part in date.split("-"))
    value.Hours, value.Minutes, value.Seconds = (int(part) for part in clock.split(":"))
    return value


def _existing(document: Any, text: str) -> Any:
    fields = document.TextFields.createEnumeration()
    while fields.hasMoreElements():
        found = fields.nextElement()
        if found.supportsService("com.sun.star.text.textfield.Annotation") and found.Content.startswith(text):
            return found
    raise SystemExit(f"the document has no comment reading {text!r}")


def annotate(document: Any, specs: list[dict[str, Any]]) -> None:
    """Add each comment of specs to the document, as LibreOffice's Insert Comment does."""
    by_name: dict[str, dict[str, Any]] = {}
    for given in specs:
        if given.get("existing"):
            # A comment the document has already: answered later by name, or resolved now.
            if given.get("resolved"):
                _existing(document, given["text"]).Resolved = True
            by_name[given["name"]] = given
            continue
        spec, text, answer = given, given["text"], None
        parent = by_name.get(given.get("reply_to", ""))
        if parent is not None:
            when = parent.get("date") or "0000-00-00T00:00:00"
            day, clock = when.split("T")
            text, answer = f'Reply to {parent["author"]} ({day}, {clock[:5]}): "{parent["text"]}"', text
            # On the text its parent marks, as the Reply command places it.
            spec = {**given, "where": parent["where"], "select": parent.get("select", "all")}
        annotation = document.createInstance("com.sun.star.text.textfield.Annotation")
        annotation.Author = spec["author"]
        if answer is None:
            annotation.Content = text
        if spec.get("date"):
            annotation.DateTimeValue = _date(spec["date"])
        if spec.get("resolved"):
            annotation.Resolved = True
        if answer is not None:
            # The Reply command's quoting line ends its paragraph; the answer is the next one.
            body = annotation.TextRange
            end = body.createTextCursor()
            body.insertString(end, text, False)
            body.insertControlCharacter(end, PARAGRAPH_BREAK, False)
            body.insertString(end, answer, False)
        cursor, ranged = _cursor(document, spec)
        cursor.Text.insertTextContent(cursor, annotation, ranged)
        by_name[spec["name"]] = spec


def main(spec_path: str) -> None:
    """Start a private headless soffice, annotate the source and save the target, then stop soffice."""
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    profile = Path(spec["profile"]).resolve()
    pipe = f"pm_annotate_{os.getpid()}"
    process = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        context = _connect(pipe, process)
        manager = context.ServiceManager
        document = manager.createInstanceWithContext("com.sun.star.text.TextDocument", context)
        source = uno.systemPathToFileUrl(str(Path(spec["source"]).resolve()))
        document.load((_prop("URL", source), _prop("FilterName", "MS Word 2007 XML")))
        annotate(document, spec["comments"])
        target = uno.systemPathToFileUrl(str(Path(spec["target"]).resolve()))
        document.storeToURL(target, (_prop("FilterName", "MS Word 2007 XML"),))
        document.close(True)
        with contextlib.suppress(Exception):  # the bridge closes as soffice quits
            manager.createInstanceWithContext("com.sun.star.frame.Desktop", context).terminate()
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # the session this script started for soffice
            process.wait(timeout=30)


if __name__ == "__main__":
    main(sys.argv[1])

"""What the bundle leaves out of what PyInstaller collects: the spec (policy_matrix.spec) applies these filters.

PyInstaller's Qt hooks collect every plugin of the Qt modules the app imports, the translations of every language
and the libraries those plugins link to. Policy Matrix draws widgets with the Fusion style, reads SVG icons and
writes PNG diagrams; it never uses the network, OpenGL, QML, printing or SQL through Qt, and speaks Spanish and
English. A plugin is kept only when it is named below; a shared library only when something kept links to it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import PurePath

Entry = tuple[str, str, str]
"""A PyInstaller TOC entry: (name inside the bundle, source path, type code)."""

QT_PLUGINS: dict[str, set[str] | None] = {
    # The windowing systems of a participant's laptop, plus offscreen for the smoke test (None: every plugin).
    "platforms": {"qxcb", "qwayland", "qwindows", "qcocoa", "qoffscreen"},
    # Native file dialogs through the desktop portal (GNOME, KDE); the GTK theme would drag GTK's own libraries in.
    "platformthemes": {"qxdgdesktopportal"},
    # Dead keys and input methods: how Spanish accents are typed on many Linux desktops.
    "platforminputcontexts": None,
    "iconengines": {"qsvgicon"},
    "imageformats": {"qsvg"},
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": None,
}

QT_TRANSLATIONS = {"qtbase_es.qm", "qtbase_en.qm"}
"""Qt's own dialogs in the interface languages (ui.translation loads qtbase_<lang>; the English one is empty)."""

SYSTEM_LIBRARIES = re.compile(
    r"^lib(X11|X11-xcb|xkbcommon|xkbcommon-x11|fontconfig|freetype|dbus-1|glib-2\.0|gthread-2\.0|gobject-2\.0"
    r"|stdc\+\+|gcc_s)\.so(\..*)?$"
)
"""Linux libraries taken from the running system, never bundled (PyInstaller already leaves out libc, libGL, libxcb).

The PySide6 wheel itself takes them from the system (.ci/run installs them for the tests; libstdc++ and libgcc_s
are in the manylinux policy every wheel relies on), and each must match what the desktop runs: the X server, the
font configuration files, the D-Bus daemon, the keyboard layouts, GLib's main loop shared with input methods, the
C++ runtime the graphics drivers load. A bundled copy older than the system's is a known source of missing fonts
and crashes.
"""

EXCLUDED_MODULES = [
    # Qt modules a hook would pull in but the app never imports.
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "PySide6.QtOpenGL",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtPdf",
    "PySide6.QtWebEngineCore",
    # python-docx needs lxml.etree only; the contrib hook collects every lxml submodule.
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    "lxml.sax",
    "lxml.builder",
    "lxml.cssselect",
    "lxml.doctestcompare",
    "lxml.usedoctest",
    "lxml.ElementInclude",
    # pydantic's copy of its version 1 API, and SQLAlchemy's asyncio front end: neither is used.
    "pydantic.v1",
    "sqlalchemy.ext.asyncio",
    # SQLite is the only database; the SQLAlchemy hook collects every dialect.
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.oracle",
    "sqlalchemy.dialects.postgresql",
    "sqlalchemy.testing",
    # The standard library's test, GUI and network-server parts, and TLS (the app works offline).
    "tkinter",
    "unittest",
    "pydoc",
    "doctest",
    "test",
    "xmlrpc",
    "ssl",
    "_ssl",
    # OpenSSL's hashes (hashlib falls back to its built-in md5, sha1, sha2, sha3 and blake2) and with them libcrypto.
    "_hashlib",
    # East Asian text codecs: every file the app reads or writes is UTF-8 (or ASCII-safe zip names).
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
]


def _qt_parts(name: str) -> tuple[str, str] | None:
    """Return (plugin category, plugin name) of a Qt plugin's place in the bundle, None for anything else."""
    parts = PurePath(name.replace("\\", "/")).parts
    if "PySide6" not in parts or "plugins" not in parts[:-1]:
        return None
    at = parts.index("plugins")
    if len(parts) != at + 3:  # plugins/<category>/<file>
        return None
    category = parts[at + 1]
    stem = re.sub(r"^lib", "", parts[-1].split(".")[0])
    return category, stem


def keep_plugin(name: str) -> bool:
    """Tell whether a bundle entry is not a Qt plugin, or is one the app uses."""
    plugin = _qt_parts(name)
    if plugin is None:
        return True
    category, stem = plugin
    if category not in QT_PLUGINS:
        return False
    wanted = QT_PLUGINS[category]
    return wanted is None or stem in wanted


def keep_translation(name: str) -> bool:
    """Tell whether a bundle entry is not one of Qt's translations, or is one the app loads."""
    parts = PurePath(name.replace("\\", "/")).parts
    if "PySide6" not in parts or "translations" not in parts[:-1]:
        return True
    return parts[-1] in QT_TRANSLATIONS


def _is_root(entry: Entry) -> bool:
    """Tell whether a binary is loaded by Python itself: an extension module, a Qt plugin, or the interpreter."""
    name, _source, kind = entry
    base = PurePath(name.replace("\\", "/")).name.lower()
    return kind == "EXTENSION" or _qt_parts(name) is not None or re.match(r"^(lib)?python3", base) is not None


def linked_libraries(path: str) -> list[str]:
    """Return the file names of the shared libraries a binary links to directly."""
    if sys.platform.startswith("linux"):
        # ldd (what PyInstaller's get_imports runs here) lists every library loaded, not who links to whom.
        dump = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=True).stdout
        return re.findall(r"^\s*NEEDED\s+(\S+)", dump, re.MULTILINE)
    from PyInstaller.depend import bindepend  # pefile on Windows, macholib on macOS: direct imports

    return [os.path.basename(resolved or name) for name, resolved in bindepend.get_imports(path)]


def linked_closure(
    binaries: Iterable[Entry], imports: Callable[[str], Iterable[str]] = linked_libraries
) -> list[Entry]:
    """Return the binaries that are roots (see _is_root) or that a kept binary links to, directly or not.

    A library of the running system (SYSTEM_LIBRARIES) is never kept, nor followed: what only it needs goes too.
    Matching is by file name, since the bundle holds one library of each name.
    """
    entries = list(binaries)
    by_base: dict[str, list[Entry]] = {}
    for entry in entries:
        base = PurePath(entry[0].replace("\\", "/")).name
        if not SYSTEM_LIBRARIES.match(base):
            by_base.setdefault(base.lower(), []).append(entry)
    kept = {id(entry) for entry in entries if _is_root(entry)}
    queue = [entry for entry in entries if id(entry) in kept]
    while queue:
        entry = queue.pop()
        for name in imports(entry[1]):
            for target in by_base.get(name.lower(), []):
                if id(target) not in kept:
                    kept.add(id(target))
                    queue.append(target)
    return [entry for entry in entries if id(entry) in kept]


def without_dangling_links(datas: Iterable[Entry], binaries: Iterable[Entry]) -> list[Entry]:
    """Drop the symbolic links (type SYMLINK, source = link target) whose target is no longer collected."""
    present = {PurePath(name.replace("\\", "/")).as_posix() for name, _source, _kind in binaries}
    kept = []
    for name, source, kind in datas:
        if kind == "SYMLINK":
            target = PurePath(name.replace("\\", "/")).parent / source
            if os.path.normpath(target.as_posix()) not in present:
                continue
        kept.append((name, source, kind))
    return kept

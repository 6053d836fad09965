#!/bin/sh
# Add Policy Matrix to the current user's desktop: the menu entry, the .pmx document type and the icons, in the
# XDG data folder ($XDG_DATA_HOME, by default ~/.local/share). Nothing is written outside it; no administrator needed.
#
#   ./install-desktop.sh                               from the unpacked bundle: the entry starts ./policy-matrix
#   install-desktop.sh --icons DIR [COMMAND WORD...]   another command and icon folder (make install-desktop)
#
# Running it again after moving the folder updates the entry. To remove it, delete the files it lists.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
icons="$here/icons"
if [ "${1:-}" = "--icons" ]; then
    icons=$2
    shift 2
fi
[ "${1:-}" = "--" ] && shift
[ $# -gt 0 ] || set -- "$here/policy-matrix"

# One word of a desktop entry's Exec line: in double quotes with \ " ` $ escaped, then every backslash doubled
# (the value is itself an escaped string), and % doubled (field codes).
quote() {
    printf '"%s"' "$(printf '%s' "$1" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')"
}
command_line=""
for word in "$@"; do
    command_line="$command_line$(quote "$word") "
done

data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/mime/packages"

entry="$data/applications/policy-matrix.desktop"
{
    grep -v '^Exec=' "$here/policy-matrix.desktop"
    printf 'Exec=%s%%f\n' "$command_line"
} > "$entry.tmp"
mv "$entry.tmp" "$entry"
echo "$entry"

cp "$here/policy-matrix.xml" "$data/mime/packages/policy-matrix.xml"
echo "$data/mime/packages/policy-matrix.xml"

for png in "$icons"/*x*.png; do
    size=$(basename "$png" .png)
    mkdir -p "$data/icons/hicolor/$size/apps"
    cp "$png" "$data/icons/hicolor/$size/apps/policy-matrix.png"
    echo "$data/icons/hicolor/$size/apps/policy-matrix.png"
done

# Rebuild the caches the desktop reads, when the tools are there (they are on every desktop Linux).
if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$data/mime"
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$data/applications"
fi

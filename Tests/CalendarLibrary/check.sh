#!/usr/bin/env bash
# make test-calendar-library: builds the example of docs/calendar.md as a package outside this
# repository that depends on the RedressCalendar product by path, runs it, compares its output
# with the page's, and checks that the program links nothing of Redress but the calendar.
#
#   Tests/CalendarLibrary/check.sh [SWIFT]      (run from the repository's root)
set -euo pipefail

swift=${1:-swift}
repo=$(pwd -P)
doc=docs/calendar.md
# SwiftPM names a path dependency after its folder, in lower case.
identity=$(basename "$repo" | tr '[:upper:]' '[:lower:]')

work=$(mktemp -d "${TMPDIR:-/tmp}/redress-calendar-user.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The n-th fenced block of the given language after the marker line, as written on the page.
block() {
    awk -v lang="$1" -v want="$2" '
        /<!-- make test-calendar-library/ { armed = 1; next }
        armed && !inside && $0 == "```" lang { count++; inside = 1; next }
        inside && $0 == "```" { inside = 0; if (count == want) exit; next }
        inside && count == want { print }
    ' "$doc"
}

mkdir -p "$work/Sources/deadlines"
block swift 1 | sed -e "s|\.package(path: \"\.\./redress\")|.package(path: \"$repo\")|" \
                    -e "s|package: \"redress\"|package: \"$identity\"|" > "$work/Package.swift"
block swift 2 > "$work/Sources/deadlines/main.swift"
block text 1 > "$work/expected.txt"
for file in Package.swift Sources/deadlines/main.swift expected.txt; do
    if [ ! -s "$work/$file" ]; then
        echo "test-calendar-library: no $file found in $doc" >&2
        exit 1
    fi
done
if ! grep -q "\"$repo\"" "$work/Package.swift"; then
    echo "test-calendar-library: $doc's Package.swift no longer depends on .package(path: \"../redress\")" >&2
    exit 1
fi

echo "Building $doc's example outside the repository ($work) ..."
(cd "$work" && "$swift" build --product deadlines)
program="$work/.build/debug/deadlines"
"$program" > "$work/actual.txt"
if ! diff -u "$work/expected.txt" "$work/actual.txt"; then
    echo "test-calendar-library: the program's output differs from $doc (- expected, + printed)" >&2
    exit 1
fi

# Swift's mangled names start with the module's length and name: \$s11RedressCore..., \$s4GRDB...
nm "$program" > "$work/symbols.txt"
ldd "$program" > "$work/libraries.txt"
if grep -E '\$s(11RedressCore|4GRDB|10RedressLua|10Foundation)' "$work/symbols.txt" > "$work/foreign.txt"; then
    echo "test-calendar-library: the program links code of RedressCore, RedressLua, GRDB or Foundation:" >&2
    head -5 "$work/foreign.txt" >&2
    exit 1
fi
if grep -E -q 'libFoundation|libsqlite3' "$work/libraries.txt"; then
    echo "test-calendar-library: the program loads Foundation or SQLite:" >&2
    cat "$work/libraries.txt" >&2
    exit 1
fi
# The check above must be able to see a module's symbols at all.
if ! grep -q '\$s15RedressCalendar' "$work/symbols.txt"; then
    echo "test-calendar-library: no RedressCalendar symbol in the program, so the check above proves nothing" >&2
    exit 1
fi
echo "test-calendar-library: OK ($(wc -l < "$work/actual.txt") lines as $doc shows; only RedressCalendar linked)"

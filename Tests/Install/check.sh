#!/bin/sh
# `make install` into a scratch prefix (the debug build, to spare a release build), then the
# installed redress run from another folder with no REDRESS_HOME: it must find its Scripts in
# <prefix>/share/redress, and the completions and the man page must be there and current.
set -eu
SWIFT=${1:-swift}
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
fail() { echo "test-install: $*" >&2; exit 1; }

make -s install PREFIX="$prefix" CONFIG=debug SWIFT="$SWIFT" >/dev/null
cd "$prefix"
redress() { env -u REDRESS_HOME -u REDRESS_DB "$prefix/bin/redress" "$@"; }

[ "$(redress calendar add 2026-12-22 5)" = 2026-12-31 ] || fail "calendar add: expected 2026-12-31"
redress init --db "$prefix/t.sqlite" --policy wdh | grep -q '^Created .*policy wdh' || fail "init with the installed packs"
[ -f "$prefix/share/redress/Scripts/jobs/deadlines.lua" ] || fail "Scripts/jobs not installed"
grep -q proclaim "$prefix/share/bash-completion/completions/redress" || fail "bash completion lacks calendar proclaim"
grep -q proclaim "$prefix/share/zsh/site-functions/_redress" || fail "zsh completion lacks calendar proclaim"
grep -q proclaim "$prefix/share/fish/vendor_completions.d/redress.fish" || fail "fish completion lacks calendar proclaim"
grep -q '^\.Dt REDRESS 1' "$prefix/share/man/man1/redress.1" || fail "man page missing or not section 1"
echo "test-install: ok"

#!/usr/bin/env bash
# Puts Lua 5.4's sources where the CLua target compiles them, and builds a plain `lua` beside.
#
# Why not Debian's liblua5.4: bookworm's 5.4.4-3+deb12u1 has the CVE-2022-33099 fix without its
# follow-up, so any __concat metamethod can make luaV_concat use freed stack (see
# patches/0001-luaV_concat-stale-top.patch). Redress compiles Debian's own source package of that
# version, with that fix re-done, into the binary (statically): no system copy is ever loaded.
#
# The sources come from Debian's archive through `apt-get source`, with a deb-src entry given
# only through apt's -o options: the system's sources lists and package lists are not touched.
# Nothing fetched is committed; it lands in (all ignored by git):
#   Sources/CLua/lua/        the library's .c and internal .h files (not lua.c, luac.c)
#   Sources/CLua/include/    lua.h, luaconf.h, lualib.h, lauxlib.h
#   .build/lua/bin/lua       the stand-alone interpreter from the same patched sources, for tests
#                            that compare Redress with plain Lua
# Running it again does nothing when the stamp matches this script and its patches.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
work="$top/.build/lua"
version=5.4.4-3+deb12u1   # what bookworm's liblua5.4-dev ships
stamp="$here/lua/.redress-stamp"
want=$(cat "$0" "$here"/patches/*.patch | sha256sum | cut -d' ' -f1)

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$work/bin/lua" ]; then
    exit 0
fi

need=()
command -v dpkg-source >/dev/null || need+=(dpkg-dev)
command -v patch >/dev/null || need+=(patch)
command -v cc >/dev/null || need+=(gcc libc6-dev)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    echo "Installing ${need[*]} (to unpack and build Lua's sources) ..."
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

rm -rf "$work"
mkdir -p "$work/apt/sources.list.d" "$work/apt/lists/partial" "$work/src" "$work/bin"
cat > "$work/apt/sources.list.d/debian-src.sources" <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
apt_opts=(-o Dir::Etc::sourcelist=/dev/null
          -o "Dir::Etc::sourceparts=$work/apt/sources.list.d"
          -o "Dir::State::Lists=$work/apt/lists"
          -o APT::Sandbox::User=root -q)
echo "Fetching Debian's lua5.4 $version source package ..."
apt-get "${apt_opts[@]}" update >/dev/null
( cd "$work/src" && apt-get "${apt_opts[@]}" source --only-source "lua5.4=$version" >/dev/null )
tree="$work/src/lua5.4-5.4.4"
[ -f "$tree/src/lvm.c" ] || { echo "fetch-lua.sh: no src/lvm.c in the unpacked source" >&2; exit 1; }

# Debian's 0002 points package.path at Debian's module folders through a header its build
# generates; Redress loads no system modules (require resolves in Scripts/ only), so take it out.
patch -s -d "$tree" -p1 -R < "$tree/debian/patches/0002-lua-modules-paths.patch"
for p in "$here"/patches/*.patch; do
    echo "Applying $(basename "$p")"
    patch -s -d "$tree" -p1 --forward < "$p"
done

rm -rf "$here/lua" "$here/include"/lua.h "$here/include"/luaconf.h "$here/include"/lualib.h "$here/include"/lauxlib.h
mkdir -p "$here/lua" "$here/include"
cp "$tree"/src/lua.h "$tree"/src/luaconf.h "$tree"/src/lualib.h "$tree"/src/lauxlib.h "$here/include/"
for f in "$tree"/src/*.c "$tree"/src/*.h; do
    case "$(basename "$f")" in
        lua.c|luac.c|lua.h|luaconf.h|lualib.h|lauxlib.h|lua.hpp) ;;
        *) cp "$f" "$here/lua/" ;;
    esac
done

echo "Building the plain interpreter .build/lua/bin/lua from the same sources ..."
cc -std=gnu99 -O2 -DLUA_USE_LINUX -o "$work/bin/lua" \
   $(ls "$tree"/src/*.c | grep -v '/luac\.c$') -lm -ldl

echo "$want" > "$stamp"
echo "Lua $version (+ Redress's patches) is in Sources/CLua."

// Debian's liblua5.4-dev installs its headers under <lua5.4/...>; no pkg-config needed.
#include <lua5.4/lua.h>
#include <lua5.4/lualib.h>
#include <lua5.4/lauxlib.h>

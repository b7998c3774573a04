// CLua: Lua 5.4 compiled from source into Redress (see ../fetch-lua.sh for which sources and why).
#if !__has_include("lua.h")
#error "Lua's sources are missing: run `make lua` (Sources/CLua/fetch-lua.sh) before `swift build`."
#endif
#include "lua.h"
#include "lualib.h"
#include "lauxlib.h"

// CLua's own translation unit: it only makes sure Lua's fetched sources are there (see clua.h);
// Lua itself is compiled from lua/*.c, which Sources/CLua/fetch-lua.sh puts in place.
#include "clua.h"

// LuaShim: what Swift cannot do safely or at all with the Lua 5.4 C API.
//
// - Lua's macros Swift needs as functions (LUA_REGISTRYINDEX).
// - The trampoline: Swift functions exposed to Lua never call a raising API. They fill an
//   lshim_call (results, or an error) and return normally; the C trampoline then pushes the
//   results or raises, after every Swift frame has returned. No longjmp crosses Swift.
// - Protected helpers (suffix _p): run an operation that may raise (allocate, run metamethods)
//   under lua_pcall and return a status instead.
// - The host block: the capped allocator and the count hook (instruction budget, interrupt,
//   the run's deadline), and the watchdog thread that enforces the deadline.
#ifndef LUASHIM_H
#define LUASHIM_H

#include <stddef.h>
#include <stdint.h>
#include "clua.h"

// MARK: Host block: limits shared by the allocator, the hook and every thread of a state.

/// Stops the SQL statement running on a connection (sqlite3_interrupt on `connection`): safe
/// from another thread and from a signal handler.
typedef void (*lshim_sqlstop)(void *connection);

/// Connections whose running statement Ctrl-C and the deadline stop (the run's transaction;
/// a read-only one for sql()).
#define LSHIM_SQLSLOTS 2

typedef struct lshim_host {
    // Memory (bytes). cap == 0: unlimited.
    size_t used, peak, cap;
    int memory_tripped;           // the allocator refused a block because of the cap
    // Instructions. budget == 0: unlimited.
    long long executed, budget;
    int instructions_tripped;     // the budget ran out
    // Set from other contexts, polled by the hook: read and written only through the
    // functions below (atomically).
    int interrupted;              // Ctrl-C (a signal handler)
    int timed_out;                // the watchdog: the run is past its deadline
    double timeout;               // the run's wall-clock limit in seconds, for the message
    lshim_sqlstop sqlstop[LSHIM_SQLSLOTS];
    void *sqlconnection[LSHIM_SQLSLOTS];
    void *swift;                  // the Swift host object (unretained)
} lshim_host;

/// Creates a state whose allocator charges `host` and whose extra space points at it.
lua_State *lshim_newstate(lshim_host *host);
lshim_host *lshim_gethost(lua_State *L);
/// Arms the count hook on L (every `every` instructions; 0 turns it off). Only from the thread
/// running L, never while it runs elsewhere: other contexts set a flag the hook polls.
void lshim_sethook(lua_State *L, int every);
/// From a signal handler or another thread: ask the running chunk to stop at the hook's next
/// look (within `every` instructions, or 1000 steps of a long C call), and stop the SQL
/// statement running for it. Never touches the state itself.
void lshim_interrupt(lua_State *L);
/// Clears the trip flags and counters before a new run (not `timed_out`: a run's deadline
/// covers every chunk in it; lshim_watchdog_start clears it).
void lshim_resetlimits(lua_State *L);
/// True once the run was interrupted / ran past its deadline (atomic reads).
int lshim_interrupted(const lshim_host *host);
int lshim_timedout(const lshim_host *host);
/// Clears `timed_out` (once the watchdog has stopped).
void lshim_cleartimeout(lshim_host *host);
/// "run stopped after 5 s (--timeout)", NUL-terminated, into `buffer`.
void lshim_timeoutmessage(const lshim_host *host, char *buffer, size_t size);
/// Registers (connection non-NULL) or removes the connection in `slot` whose statements an
/// interrupt or the deadline stop. From the thread running L, between statements.
void lshim_setsql(lshim_host *host, int slot, lshim_sqlstop stop, void *connection);

// MARK: The watchdog: a thread that, once `seconds` have passed, sets `timed_out` (which the
// hook polls) and stops the running SQL statement, again every 50 ms until stopped (a
// statement that starts just after one stop would otherwise run on).

typedef struct lshim_watchdog lshim_watchdog;
/// Starts the watchdog of `host`'s run (clearing `timed_out`); NULL if no thread can be made.
lshim_watchdog *lshim_watchdog_start(lshim_host *host, double seconds);
/// Stops it and waits for its thread: afterwards it touches nothing. Frees it.
void lshim_watchdog_stop(lshim_watchdog *watchdog);

// MARK: The trampoline

enum {
    LSHIM_OK = 0,
    LSHIM_ERROR = 1,      // raise `message` (with position, like luaL_error)
    LSHIM_ARGERROR = 2,   // raise luaL_argerror(L, arg, message): "bad argument #arg to 'f' (message)"
    LSHIM_PROPAGATE = 3,  // raise the value on top of the stack unchanged (a nested Lua error)
};

enum {
    LSHIM_RNIL = 0, LSHIM_RBOOL, LSHIM_RINT, LSHIM_RNUM, LSHIM_RDATE,
    LSHIM_RSTACK,         // a value Swift already pushed (through a protected helper)
};

typedef struct lshim_result {
    int type;
    lua_Integer i;        // bool, integer, date day number
    lua_Number n;
} lshim_result;

#define LSHIM_MAXRESULTS 8
#define LSHIM_MESSAGE 1024

typedef struct lshim_call {
    int status;                   // LSHIM_OK ...
    int arg;                      // for LSHIM_ARGERROR
    int nresults;                 // simple results in `results`, pushed by the trampoline
    int pushed;                   // or: values Swift pushed itself (protected), returned as they are
    lshim_result results[LSHIM_MAXRESULTS];
    char message[LSHIM_MESSAGE];  // NUL-terminated, truncated to fit
} lshim_call;

/// A Swift function callable from Lua. It reads its arguments with non-raising API only, then
/// fills `call` and returns. It must not leave the stack lower than it found it.
typedef void (*lshim_fn)(lua_State *L, lshim_call *call);

/// Protected: pushes the trampoline closure for `fn`. 0 on success.
int lshim_pushfunction_p(lua_State *L, lshim_fn fn);

/// Date userdata: an int64 day number under the metatable registered with lshim_setdatemeta.
/// Reads the day number at `idx` if it is a date; never raises. It makes room for the two
/// values it pushes (and pops) itself; 0 when the stack cannot grow.
int lshim_todate(lua_State *L, int idx, lua_Integer *day);
/// Protected: pushes a date.
int lshim_pushdate_p(lua_State *L, lua_Integer day);

// MARK: Userdata holding a pointer, under a named metatable (the name's registry entry).

// A class is identified by `key`, any stable address (e.g. of a static object): its metatable
// lives at registry[key] (a light userdata key, read with lua_rawgetp, which never raises).

/// Protected: pushes a userdata holding `pointer` under class `key`'s metatable.
int lshim_pushpointer_p(lua_State *L, void *pointer, const void *key);
/// The pointer in the userdata at `idx` if it is of class `key`; NULL otherwise (or when the
/// stack cannot grow by the two values it pushes and pops). Never raises.
void *lshim_topointer(lua_State *L, int idx, const void *key);

// MARK: Files the sandbox lets a script read, opened by Swift after its path checks.

/// Protected: pushes a Lua file handle (io's own kind, so `read`, `lines` and `seek` work as
/// usual) reading the open descriptor `fd`. Takes ownership of `fd`: it is closed on failure.
/// 0 with the handle pushed; -1 (nothing pushed, errno set) when fdopen fails; else a Lua
/// status with the error message on top.
int lshim_pushfile_p(lua_State *L, int fd);

// MARK: Protected helpers for Swift callbacks. Each returns 0 on success, else a Lua status
// with the error message on top of the stack.

int lshim_pushlstring_p(lua_State *L, const char *s, size_t len);
int lshim_createtable_p(lua_State *L, int narr, int nrec);
/// t[k] = v where t is at `idx` and v on top (popped); raw, no metamethods.
int lshim_rawsetfield_p(lua_State *L, int idx, const char *k);
/// t[i] = v where t is at `idx` and v on top (popped); raw.
int lshim_rawseti_p(lua_State *L, int idx, lua_Integer i);
/// t[k] = v where t is at `idx`, k and v on top (both popped); raw.
int lshim_rawset_p(lua_State *L, int idx);
/// _G[name] = v, v on top (popped); raw, so a metatable on _G cannot run.
int lshim_setglobal_p(lua_State *L, const char *name);
/// Pushes _G[name], raw.
int lshim_getglobal_p(lua_State *L, const char *name);
/// One record to push as a table (see lshim_pushrecord_p).
typedef struct lshim_record {
    int count;                    // fields
    const char *const *keys;      // NUL-terminated field names
    const unsigned char *bytes;   // the record's bytes, field after field
    const long *ends;             // field i is bytes[ends[i-1] (or 0) ..< ends[i]]
    const unsigned char *types;   // per field: 0 absent, 1 the bytes as a string, 2 true, 3 false
} lshim_record;

/// Protected: pushes a new table { [keys[i]] = field i } of the present fields, in one protected
/// call (a CSV row becomes a table without a protected call per field).
int lshim_pushrecord_p(lua_State *L, const lshim_record *record);
/// lua_next, protected: 1 with key and value pushed, 0 at the end, -1 on error (message pushed).
int lshim_next_p(lua_State *L, int idx);
/// luaL_tolstring, protected (it may run a __tostring metamethod): pushes the text of the value
/// at `idx`, or the error message.
int lshim_tolstring_p(lua_State *L, int idx);

// MARK: Calling Lua from Swift (top level only: no Lua frame may be below).

/// lua_pcall with a traceback message handler; function and args on the stack.
int lshim_pcall_traceback(lua_State *L, int nargs, int nresults);
/// Loads a text chunk without running it (status and message, or the function, on top).
int lshim_loadtext(lua_State *L, const char *code, size_t len, const char *chunkname);

// MARK: C functions for the boot chunk (plain lua_CFunctions: they may raise).

/// registry_set(key, value): registry[key] = value, key a light userdata.
int lshim_l_registryset(lua_State *L);
/// The registry key of the date metatable, for registry_set.
const void *lshim_datekey(void);
/// The registry key of the metatable of pack errors (a pack hook's own failure, made by the
/// cases module's hook runner), for registry_set.
const void *lshim_packerrorkey(void);
/// True if the value at `idx` is a pack error (a table under that metatable). Never raises; it
/// makes room for the two values it pushes and pops; 0 when the stack cannot grow.
int lshim_ispackerror(lua_State *L, int idx);

// MARK: Macros as functions.

int lshim_registryindex(void);
void lshim_openlibs(lua_State *L);

#endif

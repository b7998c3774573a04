#include "luashim.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

// MARK: Host block

/// Bytes the allocator still grants after the memory cap trips, so that error messages and
/// tracebacks can be built while the error unwinds.
#define LSHIM_GRACE (1u << 20)

static void *lshim_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    lshim_host *host = (lshim_host *)ud;
    size_t old = ptr ? osize : 0;   // when ptr is NULL, osize is an object type, not a size
    if (nsize == 0) {
        free(ptr);
        host->used -= old;
        return NULL;
    }
    if (host->cap && nsize > old) {
        size_t limit = host->memory_tripped ? host->cap + LSHIM_GRACE : host->cap;
        if (host->used - old + nsize > limit) {
            host->memory_tripped = 1;
            return NULL;
        }
    }
    void *block = realloc(ptr, nsize);
    if (block == NULL) return NULL;
    host->used = host->used - old + nsize;
    if (host->used > host->peak) host->peak = host->used;
    return block;
}

static void lshim_warn(void *ud, const char *message, int tocont) {
    static int on = 1, continuing = 0;
    (void)ud;
    if (!continuing && message[0] == '@') {   // control message
        if (strcmp(message, "@off") == 0) on = 0;
        else if (strcmp(message, "@on") == 0) on = 1;
        return;
    }
    if (on) {
        if (!continuing) fputs("Lua warning: ", stderr);
        fputs(message, stderr);
        if (!tocont) fputs("\n", stderr);
    }
    continuing = tocont;
}

static int lshim_panic(lua_State *L) {
    const char *message = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(error object is not a string)";
    fprintf(stderr, "redress: unprotected Lua error (a bug in Redress, please report it): %s\n", message);
    return 0;  // Lua then aborts
}

lua_State *lshim_newstate(lshim_host *host) {
    lua_State *L = lua_newstate(lshim_alloc, host);
    if (L == NULL) return NULL;
    *(lshim_host **)lua_getextraspace(L) = host;   // threads copy the main thread's extra space
    lua_atpanic(L, lshim_panic);
    lua_setwarnf(L, lshim_warn, NULL);
    return L;
}

lshim_host *lshim_gethost(lua_State *L) {
    return *(lshim_host **)lua_getextraspace(L);
}

/// Raises `what` with the position of the running Lua code: level 0 inside a hook, or its
/// caller when the hook came from inside a C function (a long pattern match).
static int lshim_hookerror(lua_State *L, const char *what) {
    // Re-arm at every instruction of this thread, so that a pcall in the script that catches
    // the error meets it again at its very next instruction: a limit cannot be swallowed.
    lua_sethook(L, NULL, 0, 0);
    lshim_sethook(L, 1);
    lua_Debug ar;
    int level = 0;
    if (lua_getstack(L, 0, &ar) && lua_getinfo(L, "S", &ar) && ar.what[0] == 'C') level = 1;
    luaL_where(L, level);
    lua_pushstring(L, what);
    lua_concat(L, 2);
    return lua_error(L);
}

int lshim_interrupted(const lshim_host *host) {
    return __atomic_load_n(&host->interrupted, __ATOMIC_ACQUIRE);
}

int lshim_timedout(const lshim_host *host) {
    return __atomic_load_n(&host->timed_out, __ATOMIC_ACQUIRE);
}

void lshim_cleartimeout(lshim_host *host) {
    __atomic_store_n(&host->timed_out, 0, __ATOMIC_RELEASE);
}

void lshim_timeoutmessage(const lshim_host *host, char *buffer, size_t size) {
    snprintf(buffer, size, "run stopped after %g s (--timeout)", host->timeout);
}

static void lshim_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    lshim_host *host = lshim_gethost(L);
    host->executed += lua_gethookcount(L);
    if (lshim_interrupted(host)) {
        lshim_hookerror(L, "interrupted");
    } else if (lshim_timedout(host)) {
        char what[160];
        lshim_timeoutmessage(host, what, sizeof what);
        lshim_hookerror(L, what);
    } else if (host->memory_tripped) {
        char what[160];
        snprintf(what, sizeof what, "memory limit exceeded (%zu MB; raise it with --max-memory)", host->cap >> 20);
        lshim_hookerror(L, what);
    } else if (host->instructions_tripped || (host->budget && host->executed >= host->budget)) {
        char what[160];
        host->instructions_tripped = 1;
        snprintf(what, sizeof what, "instruction limit exceeded (%lld instructions; raise it with --max-instructions)", host->budget);
        lshim_hookerror(L, what);
    }
}

void lshim_sethook(lua_State *L, int every) {
    if (every > 0) lua_sethook(L, lshim_hook, LUA_MASKCOUNT, every);
    else lua_sethook(L, NULL, 0, 0);
}

/// Stops the statements running on the registered connections (async-signal-safe: atomic
/// loads and sqlite3_interrupt, which the sqlite3 shell calls from its own SIGINT handler).
static void lshim_stopsql(lshim_host *host) {
    for (int slot = 0; slot < LSHIM_SQLSLOTS; slot++) {
        void *connection = __atomic_load_n(&host->sqlconnection[slot], __ATOMIC_ACQUIRE);
        lshim_sqlstop stop = __atomic_load_n(&host->sqlstop[slot], __ATOMIC_ACQUIRE);
        if (connection != NULL && stop != NULL) stop(connection);
    }
}

void lshim_interrupt(lua_State *L) {
    lshim_host *host = lshim_gethost(L);
    __atomic_store_n(&host->interrupted, 1, __ATOMIC_RELEASE);
    lshim_stopsql(host);
}

void lshim_setsql(lshim_host *host, int slot, lshim_sqlstop stop, void *connection) {
    if (slot < 0 || slot >= LSHIM_SQLSLOTS) return;
    __atomic_store_n(&host->sqlconnection[slot], NULL, __ATOMIC_RELEASE);
    __atomic_store_n(&host->sqlstop[slot], stop, __ATOMIC_RELEASE);
    __atomic_store_n(&host->sqlconnection[slot], connection, __ATOMIC_RELEASE);
}

void lshim_resetlimits(lua_State *L) {
    lshim_host *host = lshim_gethost(L);
    host->executed = 0;
    host->instructions_tripped = 0;
    host->memory_tripped = 0;
    __atomic_store_n(&host->interrupted, 0, __ATOMIC_RELEASE);
}

// MARK: The watchdog

struct lshim_watchdog {
    lshim_host *host;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;          // signalled by lshim_watchdog_stop
    struct timespec when;         // CLOCK_MONOTONIC: the deadline, then the next stop
    int stopping;
};

static void lshim_addtime(struct timespec *t, double seconds) {
    double whole = (double)(time_t)seconds;
    t->tv_sec += (time_t)whole;
    t->tv_nsec += (long)((seconds - whole) * 1e9);
    if (t->tv_nsec >= 1000000000L) { t->tv_sec += 1; t->tv_nsec -= 1000000000L; }
}

static void *lshim_watch(void *argument) {
    lshim_watchdog *w = (lshim_watchdog *)argument;
    pthread_mutex_lock(&w->lock);
    while (!w->stopping) {
        int status = pthread_cond_timedwait(&w->wake, &w->lock, &w->when);
        if (status == ETIMEDOUT && !w->stopping) {
            __atomic_store_n(&w->host->timed_out, 1, __ATOMIC_RELEASE);
            lshim_stopsql(w->host);
            clock_gettime(CLOCK_MONOTONIC, &w->when);
            lshim_addtime(&w->when, 0.05);
        }
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

lshim_watchdog *lshim_watchdog_start(lshim_host *host, double seconds) {
    __atomic_store_n(&host->timed_out, 0, __ATOMIC_RELEASE);
    host->timeout = seconds;
    lshim_watchdog *w = (lshim_watchdog *)calloc(1, sizeof *w);
    if (w == NULL) return NULL;
    w->host = host;
    pthread_condattr_t attributes;
    pthread_condattr_init(&attributes);
    pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC);
    int failed = pthread_cond_init(&w->wake, &attributes);
    pthread_condattr_destroy(&attributes);
    if (failed) { free(w); return NULL; }
    pthread_mutex_init(&w->lock, NULL);
    clock_gettime(CLOCK_MONOTONIC, &w->when);
    lshim_addtime(&w->when, seconds);
    if (pthread_create(&w->thread, NULL, lshim_watch, w) != 0) {
        pthread_cond_destroy(&w->wake);
        pthread_mutex_destroy(&w->lock);
        free(w);
        return NULL;
    }
    return w;
}

void lshim_watchdog_stop(lshim_watchdog *w) {
    if (w == NULL) return;
    pthread_mutex_lock(&w->lock);
    w->stopping = 1;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    pthread_cond_destroy(&w->wake);
    pthread_mutex_destroy(&w->lock);
    free(w);
}

// MARK: Dates

static const char lshim_datekey_slot = 0;

// Pushes two values (popped before it returns): it makes room for them itself, since callers
// read values where the stack may be full (a chunk's many results, after a LUA_MULTRET call).
int lshim_todate(lua_State *L, int idx, lua_Integer *day) {
    if (lua_type(L, idx) != LUA_TUSERDATA || !lua_checkstack(L, 2) || !lua_getmetatable(L, idx)) return 0;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &lshim_datekey_slot);
    int same = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    if (!same) return 0;
    *day = *(lua_Integer *)lua_touserdata(L, idx);
    return 1;
}

static void lshim_pushdate(lua_State *L, lua_Integer day) {
    lua_Integer *block = (lua_Integer *)lua_newuserdatauv(L, sizeof(lua_Integer), 0);
    *block = day;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &lshim_datekey_slot);
    lua_setmetatable(L, -2);
}

static int lshim_pushdate_k(lua_State *L) {
    lshim_pushdate(L, lua_tointeger(L, 1));
    return 1;
}

int lshim_pushdate_p(lua_State *L, lua_Integer day) {
    lua_pushcfunction(L, lshim_pushdate_k);
    lua_pushinteger(L, day);
    return lua_pcall(L, 1, 1, 0);
}

// MARK: Pointer userdata

static int lshim_pushpointer_k(lua_State *L) {
    void **block = (void **)lua_newuserdatauv(L, sizeof(void *), 0);
    *block = NULL;
    lua_rawgetp(L, LUA_REGISTRYINDEX, lua_touserdata(L, 2));
    lua_setmetatable(L, -2);
    *block = lua_touserdata(L, 1);   // only once every allocation has succeeded
    return 1;
}

int lshim_pushpointer_p(lua_State *L, void *pointer, const void *key) {
    lua_pushcfunction(L, lshim_pushpointer_k);
    lua_pushlightuserdata(L, pointer);
    lua_pushlightuserdata(L, (void *)key);
    return lua_pcall(L, 2, 1, 0);
}

// Pushes two values (popped before it returns), making room for them itself (see lshim_todate).
void *lshim_topointer(lua_State *L, int idx, const void *key) {
    if (lua_type(L, idx) != LUA_TUSERDATA || !lua_checkstack(L, 2) || !lua_getmetatable(L, idx)) return NULL;
    lua_rawgetp(L, LUA_REGISTRYINDEX, key);
    int same = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return same ? *(void **)lua_touserdata(L, idx) : NULL;
}

// MARK: Read-only file handles

// As liolib's io_fclose: what `file:close()` and the finalizer call.
static int lshim_fclose(lua_State *L) {
    luaL_Stream *p = (luaL_Stream *)luaL_checkudata(L, 1, LUA_FILEHANDLE);
    errno = 0;
    return luaL_fileresult(L, fclose(p->f) == 0, NULL);
}

// Expects the FILE* as a light userdata at 1; pushes the handle.
static int lshim_pushfile_k(lua_State *L) {
    FILE *f = (FILE *)lua_touserdata(L, 1);
    luaL_Stream *p = (luaL_Stream *)lua_newuserdatauv(L, sizeof(luaL_Stream), 0);
    p->closef = NULL;                 // not yet owned: a failure below leaves f to the caller
    luaL_setmetatable(L, LUA_FILEHANDLE);
    p->f = f;
    p->closef = lshim_fclose;
    return 1;
}

int lshim_pushfile_p(lua_State *L, int fd) {
    FILE *f = fdopen(fd, "rb");
    if (f == NULL) {
        close(fd);
        return -1;                        // nothing pushed: pushing a message could raise here
    }
    lua_pushcfunction(L, lshim_pushfile_k);
    lua_pushlightuserdata(L, f);
    int status = lua_pcall(L, 1, 1, 0);
    if (status != LUA_OK) fclose(f);
    return status;
}

// MARK: The trampoline

static int lshim_trampoline(lua_State *L) {
    lshim_fn fn = (lshim_fn)lua_touserdata(L, lua_upvalueindex(1));
    lshim_call call;
    call.status = LSHIM_OK;
    call.arg = 0;
    call.nresults = 0;
    call.pushed = 0;
    call.message[0] = '\0';
    int top = lua_gettop(L);
    fn(L, &call);
    // Every Swift frame has returned: raising from here on is safe.
    switch (call.status) {
    case LSHIM_OK:
        break;
    case LSHIM_ARGERROR:
        lua_settop(L, top);
        return luaL_argerror(L, call.arg, call.message);
    case LSHIM_PROPAGATE:
        return lua_error(L);
    default:
        lua_settop(L, top);
        return luaL_error(L, "%s", call.message);
    }
    if (call.pushed > 0) return call.pushed;
    luaL_checkstack(L, call.nresults, "too many results");
    for (int i = 0; i < call.nresults; i++) {
        lshim_result *result = &call.results[i];
        switch (result->type) {
        case LSHIM_RBOOL: lua_pushboolean(L, (int)result->i); break;
        case LSHIM_RINT: lua_pushinteger(L, result->i); break;
        case LSHIM_RNUM: lua_pushnumber(L, result->n); break;
        case LSHIM_RDATE: lshim_pushdate(L, result->i); break;
        default: lua_pushnil(L); break;
        }
    }
    return call.nresults;
}

static void lshim_pushfunction(lua_State *L, lshim_fn fn) {
    lua_pushlightuserdata(L, (void *)fn);
    lua_pushcclosure(L, lshim_trampoline, 1);
}

static int lshim_pushfunction_k(lua_State *L) {
    lshim_pushfunction(L, (lshim_fn)lua_touserdata(L, 1));
    return 1;
}

int lshim_pushfunction_p(lua_State *L, lshim_fn fn) {
    lua_pushcfunction(L, lshim_pushfunction_k);
    lua_pushlightuserdata(L, (void *)fn);
    return lua_pcall(L, 1, 1, 0);
}

// MARK: Protected helpers

static int lshim_pushlstring_k(lua_State *L) {
    lua_pushlstring(L, (const char *)lua_touserdata(L, 1), (size_t)lua_tointeger(L, 2));
    return 1;
}

int lshim_pushlstring_p(lua_State *L, const char *s, size_t len) {
    lua_pushcfunction(L, lshim_pushlstring_k);
    lua_pushlightuserdata(L, (void *)s);
    lua_pushinteger(L, (lua_Integer)len);
    return lua_pcall(L, 2, 1, 0);
}

static int lshim_createtable_k(lua_State *L) {
    lua_createtable(L, (int)lua_tointeger(L, 1), (int)lua_tointeger(L, 2));
    return 1;
}

int lshim_createtable_p(lua_State *L, int narr, int nrec) {
    lua_pushcfunction(L, lshim_createtable_k);
    lua_pushinteger(L, narr);
    lua_pushinteger(L, nrec);
    return lua_pcall(L, 2, 1, 0);
}

// Stack in: table, value, key (a light userdata pointing at a C string).
static int lshim_pushrecord_k(lua_State *L) {
    const lshim_record *r = (const lshim_record *)lua_touserdata(L, 1);
    lua_createtable(L, 0, r->count);
    for (int i = 0; i < r->count; i++) {
        switch (r->types[i]) {
        case 1: {
            long start = i == 0 ? 0 : r->ends[i - 1];
            lua_pushlstring(L, (const char *)r->bytes + start, (size_t)(r->ends[i] - start));
            break;
        }
        case 2: lua_pushboolean(L, 1); break;
        case 3: lua_pushboolean(L, 0); break;
        default: continue;
        }
        lua_setfield(L, -2, r->keys[i]);   // a fresh table without a metatable: raw
    }
    return 1;
}

int lshim_pushrecord_p(lua_State *L, const lshim_record *record) {
    lua_pushcfunction(L, lshim_pushrecord_k);
    lua_pushlightuserdata(L, (void *)record);
    return lua_pcall(L, 1, 1, 0);
}

static int lshim_rawsetfield_k(lua_State *L) {
    lua_pushstring(L, (const char *)lua_touserdata(L, 3));
    lua_pushvalue(L, 2);
    lua_rawset(L, 1);
    return 0;
}

int lshim_rawsetfield_p(lua_State *L, int idx, const char *k) {
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, lshim_rawsetfield_k);   // v f
    lua_pushvalue(L, idx);                       // v f t
    lua_pushvalue(L, -3);                        // v f t v
    lua_pushlightuserdata(L, (void *)k);         // v f t v k
    int status = lua_pcall(L, 3, 0, 0);          // v | v message
    lua_rotate(L, status == LUA_OK ? -1 : -2, -1);
    lua_pop(L, 1);                               // (nothing) | message
    return status;
}

// Stack in: table, value, index.
static int lshim_rawseti_k(lua_State *L) {
    lua_pushvalue(L, 2);
    lua_rawseti(L, 1, lua_tointeger(L, 3));
    return 0;
}

int lshim_rawseti_p(lua_State *L, int idx, lua_Integer i) {
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, lshim_rawseti_k);
    lua_pushvalue(L, idx);
    lua_pushvalue(L, -3);
    lua_pushinteger(L, i);
    int status = lua_pcall(L, 3, 0, 0);
    lua_rotate(L, status == LUA_OK ? -1 : -2, -1);
    lua_pop(L, 1);
    return status;
}

// Stack in: table, key, value.
static int lshim_rawset_k(lua_State *L) {
    lua_rawset(L, 1);
    return 0;
}

int lshim_rawset_p(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, lshim_rawset_k);        // k v f
    lua_pushvalue(L, idx);                       // k v f t
    lua_rotate(L, -4, 2);                        // f t k v
    int status = lua_pcall(L, 3, 0, 0);
    return status;
}

// Stack in: value, name (light userdata).
static int lshim_setglobal_k(lua_State *L) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_pushstring(L, (const char *)lua_touserdata(L, 2));
    lua_pushvalue(L, 1);
    lua_rawset(L, -3);
    return 0;
}

int lshim_setglobal_p(lua_State *L, const char *name) {
    lua_pushcfunction(L, lshim_setglobal_k);     // v f
    lua_rotate(L, -2, 1);                        // f v
    lua_pushlightuserdata(L, (void *)name);      // f v name
    return lua_pcall(L, 2, 0, 0);
}

static int lshim_getglobal_k(lua_State *L) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_pushstring(L, (const char *)lua_touserdata(L, 1));
    lua_rawget(L, -2);
    return 1;
}

int lshim_getglobal_p(lua_State *L, const char *name) {
    lua_pushcfunction(L, lshim_getglobal_k);
    lua_pushlightuserdata(L, (void *)name);
    return lua_pcall(L, 1, 1, 0);
}

// Stack in: table, key. Out: key, value, or nil at the end.
static int lshim_next_k(lua_State *L) {
    lua_settop(L, 2);
    if (lua_next(L, 1)) return 2;
    lua_pushnil(L);
    return 1;
}

int lshim_next_p(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    int base = lua_gettop(L) - 1;                // below the key
    lua_pushcfunction(L, lshim_next_k);          // k f
    lua_pushvalue(L, idx);                       // k f t
    lua_rotate(L, -3, -1);                       // f t k
    if (lua_pcall(L, 2, LUA_MULTRET, 0) != LUA_OK) return -1;
    if (lua_gettop(L) - base == 2) return 1;     // key, value
    lua_pop(L, 1);                               // the nil
    return 0;
}

// Stack in: value. Out: its text.
static int lshim_tolstring_k(lua_State *L) {
    luaL_tolstring(L, 1, NULL);
    return 1;
}

int lshim_tolstring_p(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, lshim_tolstring_k);
    lua_pushvalue(L, idx);
    return lua_pcall(L, 1, 1, 0);
}

// MARK: Calling Lua

// MARK: Pack errors

static const char lshim_packerrorkey_slot = 0;

const void *lshim_packerrorkey(void) { return &lshim_packerrorkey_slot; }

// Pushes two values (popped before it returns), making room for them itself.
int lshim_ispackerror(lua_State *L, int idx) {
    if (lua_type(L, idx) != LUA_TTABLE || !lua_checkstack(L, 2) || !lua_getmetatable(L, idx)) return 0;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &lshim_packerrorkey_slot);
    int same = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return same;
}

/// The message handler: adds a traceback to string messages (like lua.c's msghandler). A pack
/// error goes through as it is: it carries the traceback taken where the pack's code failed.
static int lshim_msghandler(lua_State *L) {
    if (lshim_ispackerror(L, 1)) return 1;
    const char *message = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : NULL;
    if (message == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
        message = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, message, 1);
    return 1;
}

int lshim_pcall_traceback(lua_State *L, int nargs, int nresults) {
    int base = lua_gettop(L) - nargs;            // the function's index
    lua_pushcfunction(L, lshim_msghandler);
    lua_insert(L, base);
    int status = lua_pcall(L, nargs, nresults, base);
    lua_remove(L, base);
    return status;
}

int lshim_loadtext(lua_State *L, const char *code, size_t len, const char *chunkname) {
    return luaL_loadbufferx(L, code, len, chunkname, "t");
}

// MARK: C functions for the boot chunk

int lshim_l_registryset(lua_State *L) {
    luaL_checktype(L, 1, LUA_TLIGHTUSERDATA);
    luaL_checkany(L, 2);
    lua_settop(L, 2);
    lua_rawsetp(L, LUA_REGISTRYINDEX, lua_touserdata(L, 1));
    return 0;
}

const void *lshim_datekey(void) { return &lshim_datekey_slot; }

// MARK: Macros as functions

int lshim_registryindex(void) { return LUA_REGISTRYINDEX; }
void lshim_openlibs(lua_State *L) { luaL_openlibs(L); }

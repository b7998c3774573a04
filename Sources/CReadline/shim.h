// GNU readline, from Debian's libreadline-dev.
// Swift 6 language mode rejects mutable C globals, so the ones Redress touches get static inline
// accessors here rather than being read or written directly from Swift.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

static inline FILE *creadline_stdin(void) { return stdin; }
static inline void creadline_set_name(const char *name) { rl_readline_name = name; }
static inline void creadline_set_completion_function(rl_completion_func_t *f) { rl_attempted_completion_function = f; }
static inline void creadline_set_completion_over(int over) { rl_attempted_completion_over = over; }
static inline void creadline_set_completion_append_character(int c) { rl_completion_append_character = c; }
static inline const char *creadline_line_buffer(void) { return rl_line_buffer; }
/// The cursor's byte offset in the line buffer.
static inline int creadline_point(void) { return rl_point; }
/// 0: readline leaves SIGINT to the application (which handles it around a self-pipe).
static inline void creadline_set_catch_signals(int on) { rl_catch_signals = on; }
/// The hook that tells readline where the word being completed starts.
static inline void creadline_set_word_break_hook(rl_cpvfunc_t *f) { rl_completion_word_break_hook = f; }
/// 1 while completing file names: readline then lists base names and marks folders.
static inline void creadline_set_filename_completion_desired(int on) { rl_filename_completion_desired = on; }

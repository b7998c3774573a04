// GNU readline, from Debian's libreadline-dev.
// Swift 6 language mode rejects mutable C globals, so the ones Redress touches get static inline
// accessors here rather than being read or written directly from Swift.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

static inline void creadline_set_name(const char *name) { rl_readline_name = name; }
static inline void creadline_set_completion_function(rl_completion_func_t *f) { rl_attempted_completion_function = f; }
static inline void creadline_set_completion_over(int over) { rl_attempted_completion_over = over; }
static inline void creadline_set_completion_append_character(int c) { rl_completion_append_character = c; }
static inline const char *creadline_line_buffer(void) { return rl_line_buffer; }

#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H
// The wide-character API (cchar_t, setcchar, wadd_wch, get_wch) is hidden without these two.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <wchar.h>
#include <ncurses.h>

// Swift 6 rejects reads of mutable C globals and cannot import function-like or compound
// macros, so each one the backend needs gets a getter or a constant here. No logic lives here.

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *cn_stdin(void) { return stdin; }
static inline FILE *cn_stdout(void) { return stdout; }

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }

/// One cell as a prebuilt `cchar_t`: `pair` may exceed 255 (ncurses' extended pairs travel
/// through `opts`, which is why the `short` pair argument stays 0).
static inline int cn_set_cell(cchar_t *cell, unsigned int scalar, attr_t attributes, int pair) {
    wchar_t text[2] = { (wchar_t)scalar, 0 };
    return setcchar(cell, text, attributes, 0, &pair);
}

/// Whether the terminal can move the cursor (a `dumb` terminal cannot draw a screen).
/// Declared here rather than through <term.h>, whose many macros are of no use to Swift.
extern char *tigetstr(const char *);
/// 1 when the terminfo database has an entry for the name (the termcap-style lookup).
extern int tgetent(char *, const char *);
static inline int cn_can_address_cursor(void) {
    char *move = tigetstr("cup");
    return move != NULL && move != (char *)-1;
}

/// A terminfo string with one or two numeric parameters filled in (tiparm is variadic, which
/// Swift cannot call); NULL when the capability is absent.
static inline const char *cn_tiparm1(const char *name, int a) {
    char *cap = tigetstr(name);
    if (cap == NULL || cap == (char *)-1) return NULL;
    return tiparm(cap, a);
}
static inline const char *cn_tiparm2(const char *name, int a, int b) {
    char *cap = tigetstr(name);
    if (cap == NULL || cap == (char *)-1) return NULL;
    return tiparm(cap, a, b);
}

/// Whether the terminal type has a mouse (terminfo's `kmous`, the prefix of its mouse reports):
/// xterm, tmux, screen and their kin do; the Linux console and `vt100` do not.
static inline int cn_has_mouse(void) {
    char *prefix = tigetstr("kmous");
    return prefix != NULL && prefix != (char *)-1 && prefix[0] != 0;
}

/// The window's size in cells from the kernel (ioctl is variadic, which Swift cannot call).
static inline int cn_window_size(int fd, int *rows, int *columns) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

/// Cells a character takes (Glibc's module hides `wcwidth` from Swift).
extern int wcwidth(wchar_t);
static inline int cn_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

/// The locale's character set name ("UTF-8", "ANSI_X3.4-1968", ...).
static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }

#endif

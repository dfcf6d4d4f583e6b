#ifndef SALESDESK_CNCURSES_SHIM_H
#define SALESDESK_CNCURSES_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <ncursesw/curses.h>

/* Attribute bits are macros built from other macros, which Swift cannot import. */
static inline attr_t sd_attr_bold(void) { return A_BOLD; }
static inline attr_t sd_attr_dim(void) { return A_DIM; }
static inline attr_t sd_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t sd_attr_reverse(void) { return A_REVERSE; }
static inline attr_t sd_attr_italic(void) { return A_ITALIC; }

static inline int sd_lines(void) { return LINES; }
static inline int sd_cols(void) { return COLS; }
static inline int sd_colors(void) { return COLORS; }
static inline int sd_color_pairs(void) { return COLOR_PAIRS; }
static inline WINDOW *sd_stdscr(void) { return stdscr; }
static inline int sd_key_f0(void) { return KEY_F0; }

/* Draws one cell: a NUL-terminated wide string (one grapheme), attributes and an extended colour pair. */
static inline int sd_put_cell(int y, int x, const wchar_t *text, attr_t attributes, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, 0, &pair) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}
#endif

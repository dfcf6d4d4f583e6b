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

/* Mouse: report the left button and the wheel (buttons 4 and 5); returns 0 when none is available. */
static inline int sd_enable_mouse(void) {
    mouseinterval(0);
    return mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL) != 0;
}
/* Reads the pending mouse event: 1 left, 4 wheel up, 5 wheel down, 0 anything else. */
static inline int sd_read_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON1_PRESSED) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 4;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return 5;
#endif
    return 0;
}
static inline int sd_key_mouse(void) { return KEY_MOUSE; }

/* Draws one cell: a NUL-terminated wide string (one grapheme), attributes and an extended colour pair. */
static inline int sd_put_cell(int y, int x, const wchar_t *text, attr_t attributes, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, 0, &pair) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}
#endif

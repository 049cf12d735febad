/* SPDX-License-Identifier: MIT */
/*
 * lines.h: the recognizer's working form of a document.
 *
 * The paragraph stream is turned into lines: paragraphs with trimmed,
 * space-collapsed text and their marks, tables as nested lines, and
 * footnote bodies apart. Everything here lives in one arena that is
 * freed at once when recognition ends, so the passes never free.
 */
#ifndef LSN_LINES_H
#define LSN_LINES_H

#include <stddef.h>

#include "recognize/meta.h"
#include "tree/tree.h"
#include "util/arena.h"
#include "reader/stream.h"

/* ------------------------------------------------------------------ */
/* Lines (lines.c)                                                     */

enum lsn_line_type {
	LSN_LINE_PARA = 0,
	LSN_LINE_BLANK,
	LSN_LINE_TABLE,
	LSN_LINE_FIGURE,     /* text: the alt text ("" none) */
	LSN_LINE_EQUATION    /* text: the maths' linear form */
};

struct lsn_table;

struct lsn_line {
	char			*text;      /* trimmed, white space collapsed */
	size_t			 len;
	char			*label;     /* list/heading label or NULL */
	const char		*style;
	struct lsn_mark		*marks;     /* offsets into text */
	size_t			 nmarks;
	struct lsn_table	*table;     /* LSN_LINE_TABLE */
	size_t			*breaks;    /* soft line breaks: offsets in
					       text of the space each became */
	size_t			 nbreaks;
	unsigned long		 srcline;   /* source line (text), paragraph
					       number (DOCX), or 0 */
	int			 value;     /* the label's counter, -1 unknown */
	int			 ilvl;
	int			 num_id;
	/* A byte each: there is a line for every paragraph and table, and
	 * a text of short lines or small tables is mostly lines (four
	 * ints here made the line 128 bytes rather than 96). */
	unsigned char		 type;      /* enum lsn_line_type */
	unsigned char		 used;      /* taken by the cover sheet etc. */
	unsigned char		 label_auto;
	signed char		 outline;   /* heading level from the style,
					       0-9 */
};

struct lsn_lines {
	struct lsn_line		*v;
	size_t			 n, cap;
};

struct lsn_cell {
	struct lsn_lines	 lines;
	int			 colspan, rowspan, vmerge_continue;
};

struct lsn_row {
	struct lsn_cell		*cells;
	size_t			 n, cap;
};

struct lsn_table {
	struct lsn_row		*rows;
	size_t			 n, cap;
	const char		*alt;    /* its alt text (DOCX: tblCaption,
					    tblDescription), or NULL */
};

struct lsn_note {
	const char		*id;
	struct lsn_lines	 lines;
};

struct lsn_doc_lines {
	struct lsn_lines	 body;
	struct lsn_note		*notes;
	size_t			 nnotes, capnotes;
	/* while building: the distinct style names copied, a hash set of
	 * capstyles slots */
	const char		**styles;
	size_t			 nstyles, capstyles;
};

/*
 * Builds the lines of a stream in arena a. Returns 0 or -1 (oom). The
 * lines keep nothing of the stream's: it may be freed at once.
 */
int	lsn_lines_build(struct lsn_arena *a, const struct lsn_stream *s,
	    struct lsn_doc_lines *out);

/*
 * Removes the first `n` bytes of a line's text (and the white space
 * after them), shifting its marks; marks inside the cut move to 0.
 */
void	lsn_line_cut_front(struct lsn_line *l, size_t n);

/* FNV-1a of s[0..n), for the recognizer's hash sets. */
size_t	 lsn_hash(const char *s, size_t n);

/* ------------------------------------------------------------------ */
/* Number labels (labels.c)                                            */

/* Parsed number label: "3.1" -> {3,1}, depth 2; "1." and "1)" too. */
struct lsn_number {
	int	 part[8];
	int	 depth;     /* 0: not a number */
	char	 delim;     /* '.', ')', or 0 ("1", "3.1") */
	int	 paren;     /* "(1)" */
	int	 letter;    /* "a)" / "iv)": part[0] is the value */
	int	 roman;
};

/* Parses a label; returns 1 if it is a number label. */
int	lsn_number_parse(const char *label, struct lsn_number *num);
/* Parses a typed number at the start of text ("1. Foo", "2) Bar"):
 * returns the bytes it takes including following spaces, or 0. */
size_t	lsn_number_prefix(const char *text, size_t len, struct lsn_number *num);

/* 1 when the label is a bullet glyph rather than a number. */
int	lsn_label_is_bullet(const char *label);

/* ------------------------------------------------------------------ */
/* Words of a text (wording.c)                                         */

/* Number of words (runs of letters/digits). */
size_t	lsn_word_count(const char *s, size_t len);
/* 1 for text that reads like a title: short, no closing punctuation. */
int	lsn_title_like(const char *s, size_t len, size_t max_words);
/* Last non-space character of s, or 0. */
char	lsn_last_char(const char *s, size_t len);
/* ASCII case-insensitive search; returns the offset or -1. */
long	lsn_find_ci(const char *hay, size_t len, const char *needle);
/* 1 when s (len bytes) equals word case-insensitively, ignoring a
 * trailing ':' and spaces. */
int	lsn_equals_ci(const char *s, size_t len, const char *word);
/* Bytes of s[0..len) that spell prefix (UTF-8) with capitals of any
 * script folded to small letters and typographic apostrophes, hyphens
 * and no-break spaces read as ASCII ones; 0 when s does not start so. */
size_t	lsn_prefix_fold(const char *s, size_t len, const char *prefix);

/* ------------------------------------------------------------------ */
/* Building inline content (inline.c)                                  */

/*
 * Appends text[start..end) of a line to parent as inline content:
 * text, <anchor>, <note-ref>, <link>, <ins>/<del>/<move-*>.
 */
void	lsn_inline(struct lsn_builder *b, lsn_node *parent,
	    const struct lsn_line *l, size_t start, size_t end);


/* ------------------------------------------------------------------ */
/* The passes (one file each)                                          */

struct lsn_rctx {
	struct lsn_builder	 b;
	struct lsn_arena	 a;
	int			 style_headings; /* headings come from styles */
	int			 docx;           /* input has Word numbering */
	struct lsn_meta		 meta;           /* fields found so far */
	lsn_node		*toc;            /* toc.c's entries, or NULL */
	const struct lsn_line	*cover_last;     /* the last line of the body
						    the cover took, or NULL */
};

/* ITU-T's unnumbered heading style ("Headingb"): a heading by style. */
int	lsn_style_unnumbered_heading(const char *style);

/* blocks.c: lines v[0..n) (skipping used and blank ones) as blocks
 * appended to parent: paragraphs, lists, tables. */
void	lsn_blocks(struct lsn_rctx *r, lsn_node *parent,
	    struct lsn_line *v, size_t n);
/* 1 for a decorative rule line such as "________". */
int	lsn_is_rule(const struct lsn_line *l);
/* 1 for a line that reads as a figure's or table's caption ("Figure
 * 1-1 – Title", "Table A.2: Title", in ITU's languages): never a
 * heading. */
int	lsn_caption_line(const struct lsn_line *l);

/* cover.c: the cover sheet, abstract and actions requested at the
 * start of the document; fills r->meta and returns the <abstract> and
 * <actions-requested> elements (not yet attached) via out-params. */
void	lsn_cover(struct lsn_rctx *r, struct lsn_lines *body,
	    lsn_node **abstract, lsn_node **actions);
/* An "Actions requested" label ("Action(s) required:") at the start of
 * l: the bytes of label, colon and spaces (l->len when it stands
 * alone), or 0. */
size_t	lsn_actions_label(const struct lsn_line *l);

struct lsn_kind;

/* structure.c: annexes and sections of the body under root, each annex
 * given its kind (kinds/kinds.h). A first line naming a kind (a ToR, a
 * Question) becomes meta's title when it has none. Returns the kind
 * built on the root from that line, or NULL. */
const struct lsn_kind *lsn_structure(struct lsn_rctx *r, lsn_node *root,
	    struct lsn_lines *body);

/* Plain text of an element (all descendants), in the arena; "" for
 * none. */
char	*lsn_plain(struct lsn_rctx *r, lsn_node *n);
/* Heading text of a section without its number, in the arena. */
char	*lsn_section_title(struct lsn_rctx *r, lsn_node *section);

/* entities.c: the <entities> of the model, from all its text. */
void	lsn_entities(struct lsn_rctx *r, lsn_node *root, lsn_node *entities);

#endif

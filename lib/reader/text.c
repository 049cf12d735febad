/* SPDX-License-Identifier: MIT */
/*
 * text.c: the plain-text reader.
 *
 * Input is text exported from Word documents (UTF-8 with an optional BOM,
 * or UTF-16 with a BOM, decoded first; lines end at LF, CRLF or CR). One
 * line is one paragraph. The exporters' conventions are
 * turned back into stream data:
 *   - "[bookmark: NAME]" becomes an anchor mark;
 *   - "[footnoteRef:N]" becomes a note reference and the "[N: body]"
 *     that follows it becomes a footnote body (NOTE_START ... NOTE_END),
 *     over several lines when the body has several paragraphs;
 *   - a leading bullet glyph (· • – - ▪ ◦ ) or a number label ("1.",
 *     "1)", "3.1", "a)", "(iv)") followed by a tab, and a bullet or a
 *     "N." / "N)" / "N.M" label followed by a space, become the label;
 *   - a line whose remaining text still holds tabs (at most 62: Word's
 *     63 columns) is a table row whose cells were flattened with tabs;
 *     consecutive rows form one table.
 * Text a writer wrapped (pandoc's plain output) is first brought back to
 * one paragraph a line and tables to tab-separated rows (text-unwrap.c).
 * A blank line is an empty paragraph: the recognizer uses it as a soft
 * boundary.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "reader/readers.h"
#include "reader/text-unwrap.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/text.h"

/* An opening bracket of the current line and where its span ends. */
struct bracket {
	size_t			 at;    /* offset of the '[' */
	size_t			 span;  /* bytes up to its balanced ']', 0: none */
};

/* A note id referenced and how many references still wait for a body. */
struct pending_id {
	char			*id;    /* NULL: empty slot */
	size_t			 len;
	size_t			 count;
};

struct text_reader {
	const char		*name;
	struct lsn_stream	*out;
	liaison_error		**err;
	struct lsn_buf		 clean;     /* the line without markers */
	struct lsn_mark		*marks;
	size_t			 nmarks, capmarks;
	/* Footnote bodies found on the current line, emitted after it. */
	struct lsn_buf		 notes;     /* id NUL body NUL id NUL body NUL */
	size_t			 nnotes;
	/*
	 * Note references seen whose body has not come yet: a hash set of
	 * capids slots (a power of two), nids of them used. A set rather
	 * than a list: bodies in reverse order made the look-ups quadratic.
	 */
	struct pending_id	*ids;
	size_t			 nids, capids;
	/* The current line's brackets, matched once (see match_brackets). */
	struct bracket		*br;
	size_t			 nbr, capbr, nextbr;
	int			 in_table;
	int			 note_opened; /* the last note on this line goes on */
	int			 in_note;     /* lines are a note's body, up to "]" */
	int			 unwrapped;   /* text-unwrap.c's output: a tab
					       * only in table rows */
	unsigned long		 line;
};

static int
add_mark(struct text_reader *r, enum lsn_mark_type type, size_t at,
    const char *value, size_t vlen)
{
	struct lsn_mark	*m;

	if (r->nmarks == r->capmarks) {
		size_t cap = r->capmarks ? r->capmarks * 2 : 8;
		if ((m = realloc(r->marks, cap * sizeof(*m))) == NULL)
			return -1;
		r->marks = m;
		r->capmarks = cap;
	}
	m = &r->marks[r->nmarks];
	memset(m, 0, sizeof(*m));
	m->type = type;
	m->start = m->end = at;
	if ((m->value = strndup(value, vlen)) == NULL)
		return -1;
	r->nmarks++;
	return 0;
}

static void
clear_marks(struct text_reader *r)
{
	size_t	 i;

	for (i = 0; i < r->nmarks; i++)
		free(r->marks[i].value);
	r->nmarks = 0;
}

/* The slot of id (n bytes) in r->ids: its own, or the empty one where
 * it would go. r->capids must be > 0. */
static struct pending_id *
id_slot(struct text_reader *r, const char *id, size_t n)
{
	size_t	 i = lsn_hash_bytes(id, n) & (r->capids - 1);

	while (r->ids[i].id != NULL && (r->ids[i].len != n ||
	    memcmp(r->ids[i].id, id, n) != 0))
		i = (i + 1) & (r->capids - 1);
	return &r->ids[i];
}

/* Records a reference to note `id` (n bytes). Returns 0 or -1 (oom). */
static int
add_pending(struct text_reader *r, const char *id, size_t n)
{
	struct pending_id	*slot;

	if (2 * (r->nids + 1) > r->capids) {
		/* Keep the set at most half full: rehash into twice the slots. */
		struct pending_id *old = r->ids;
		size_t i, oldcap = r->capids, cap = oldcap ? oldcap * 2 : 16;

		if ((r->ids = calloc(cap, sizeof(*r->ids))) == NULL) {
			r->ids = old;
			return -1;
		}
		r->capids = cap;
		for (i = 0; i < oldcap; i++)
			if (old[i].id != NULL)
				*id_slot(r, old[i].id, old[i].len) = old[i];
		free(old);
	}
	slot = id_slot(r, id, n);
	if (slot->id == NULL) {
		if ((slot->id = strndup(id, n)) == NULL)
			return -1;
		slot->len = n;
		r->nids++;
	}
	slot->count++;
	return 0;
}

/* Is `id` (n bytes) among the pending note references? Takes one. */
static int
take_pending(struct text_reader *r, const char *id, size_t n)
{
	struct pending_id	*slot;

	if (r->capids == 0)
		return 0;
	slot = id_slot(r, id, n);
	if (slot->id == NULL || slot->count == 0)
		return 0;
	slot->count--;
	return 1;
}

static void
free_pending(struct text_reader *r)
{
	size_t	 i;

	for (i = 0; i < r->capids; i++)
		free(r->ids[i].id);
	free(r->ids);
	r->ids = NULL;
	r->nids = r->capids = 0;
}

/* Queues a footnote body (id, body) to follow the current line. */
static int
record_note(struct text_reader *r, const char *id, size_t idlen,
    const char *body, size_t bodylen)
{
	if (lsn_buf_put(&r->notes, id, idlen) == -1 ||
	    lsn_buf_putc(&r->notes, '\0') == -1 ||
	    lsn_buf_put(&r->notes, body, bodylen) == -1 ||
	    lsn_buf_putc(&r->notes, '\0') == -1)
		return -1;
	r->nnotes++;
	return 0;
}

/*
 * Matches the brackets of line s[0..len) in one pass, into r->br in
 * order of their '['. Scanning for the balanced "]" again from every
 * "[" made lines of unclosed markers ("[1:" 300 000 times) quadratic.
 * While a bracket is open, its span holds the index of the open one
 * below it (the stack runs through the array). Returns 0 or -1 (oom).
 */
static int
match_brackets(struct text_reader *r, const char *s, size_t len)
{
	const size_t	 none = SIZE_MAX;
	size_t		 i, top = none, below;
	struct bracket	*b;

	r->nbr = r->nextbr = 0;
	if (memchr(s, '[', len) == NULL)
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] == '[') {
			if ((b = lsn_array_grow(r->br, &r->capbr, r->nbr + 1,
			    sizeof(*b), 16)) == NULL)
				return -1;
			r->br = b;
			b[r->nbr].at = i;
			b[r->nbr].span = top;
			top = r->nbr++;
		} else if (s[i] == ']' && top != none) {
			below = r->br[top].span;
			r->br[top].span = i + 1 - r->br[top].at;
			top = below;
		}
	}
	for (; top != none; top = below) {
		below = r->br[top].span;
		r->br[top].span = 0;
	}
	return 0;
}

/*
 * Length of the balanced bracketed span starting at the '[' at offset
 * `at` of the line matched last; 0 if it does not close on the line.
 * Offsets asked must not decrease within a line: the walk is linear.
 */
static size_t
bracket_span(struct text_reader *r, size_t at)
{
	while (r->nextbr < r->nbr && r->br[r->nextbr].at < at)
		r->nextbr++;
	return r->nextbr < r->nbr && r->br[r->nextbr].at == at ?
	    r->br[r->nextbr].span : 0;
}

/*
 * Copies line s[0..len) into r->clean with the exporters' markers turned
 * into marks and footnote bodies. Returns 0 or -1 (out of memory).
 */
static int
strip_markers(struct text_reader *r, const char *s, size_t len)
{
	size_t	 i = 0, k, n;

	lsn_buf_reset(&r->clean);
	clear_marks(r);
	if (match_brackets(r, s, len) == -1)
		return -1;
	while (i < len) {
		if (s[i] != '[') {
			const char *next = memchr(s + i, '[', len - i);
			n = next != NULL ? (size_t)(next - (s + i)) : len - i;
			if (lsn_buf_put(&r->clean, s + i, n) == -1)
				return -1;
			i += n;
			continue;
		}
		if ((k = lsn_prefix_ci(s + i, "[bookmark:")) > 0 &&
		    (n = bracket_span(r, i)) > 0) {
			size_t a, b;
			lsn_trim(s + i + k, n - k - 1, &a, &b);
			if (add_mark(r, LSN_MARK_ANCHOR, r->clean.len,
			    s + i + k + a, b - a) == -1)
				return -1;
			i += n;
			continue;
		}
		if ((k = lsn_prefix_ci(s + i, "[footnoteRef:")) > 0 &&
		    (n = bracket_span(r, i)) > 0) {
			size_t a, b;
			lsn_trim(s + i + k, n - k - 1, &a, &b);
			if (add_mark(r, LSN_MARK_NOTEREF, r->clean.len,
			    s + i + k + a, b - a) == -1 ||
			    add_pending(r, s + i + k + a, b - a) == -1)
				return -1;
			i += n;
			continue;
		}
		/* "[N: body]" for a reference already seen. */
		k = 1;
		while (i + k < len && s[i + k] >= '0' && s[i + k] <= '9')
			k++;
		if (k > 1 && i + k < len && s[i + k] == ':' &&
		    (n = bracket_span(r, i)) > 0 &&
		    take_pending(r, s + i + 1, k - 1)) {
			size_t a, b;
			lsn_trim(s + i + k + 1, n - k - 2, &a, &b);
			if (record_note(r, s + i + 1, k - 1,
			    s + i + k + 1 + a, b - a) == -1)
				return -1;
			i += n;
			continue;
		}
		/* A body that goes on over the next lines (several paragraphs). */
		if (k > 1 && i + k < len && s[i + k] == ':' &&
		    bracket_span(r, i) == 0 &&
		    take_pending(r, s + i + 1, k - 1)) {
			size_t a, b;
			lsn_trim(s + i + k + 1, len - i - k - 1, &a, &b);
			if (record_note(r, s + i + 1, k - 1,
			    s + i + k + 1 + a, b - a) == -1)
				return -1;
			r->note_opened = 1;
			break;
		}
		if (lsn_buf_putc(&r->clean, '[') == -1)
			return -1;
		i++;
	}
	return lsn_buf_grow(&r->clean, 0);
}

/* Bullet glyphs the exporters print for list items. */
static const char *const bullets[] = {
	"\xc2\xb7",      /* · U+00B7 */
	"\xe2\x80\xa2",  /* • U+2022 */
	"\xe2\x80\x93",  /* – U+2013 */
	"\xe2\x80\x94",  /* — U+2014 */
	"\xe2\x96\xaa",  /* ▪ U+25AA */
	"\xe2\x97\xa6",  /* ◦ U+25E6 */
	"\xe2\x9d\x96",  /* ❖ */
	"\xe2\x96\xa0",  /* ■ */
	"-", "*", NULL
};

static int
is_roman(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strchr("ivxlcIVXLC", s[i]) == NULL)
			return 0;
	return n > 0;
}

/*
 * Length of a number label at s: "12", "3.1", "3.1.2", optionally
 * followed by "." or ")"; "a)", "a.", "iv)", "(a)", "(12)". Sets *bare
 * for digits with no "." or ")" after them. Returns 0 for no label.
 */
static size_t
number_label(const char *s, size_t len, int *bare)
{
	size_t	 i = 0, k;

	*bare = 0;
	if (len > 2 && s[0] == '(') {
		for (k = 1; k < len && k < 8 &&
		    ((s[k] >= '0' && s[k] <= '9') || (s[k] >= 'a' && s[k] <= 'z') ||
		    (s[k] >= 'A' && s[k] <= 'Z')); k++)
			;
		return k > 1 && k < len && s[k] == ')' ? k + 1 : 0;
	}
	if (len > 0 && s[0] >= '0' && s[0] <= '9') {
		while (i < len) {
			k = i;
			while (k < len && k - i < 4 && s[k] >= '0' && s[k] <= '9')
				k++;
			if (k == i)
				break;
			i = k;
			if (i + 1 < len && s[i] == '.' && s[i + 1] >= '0' &&
			    s[i + 1] <= '9')
				i++;
			else
				break;
		}
		if (i < len && (s[i] == '.' || s[i] == ')'))
			return i + 1;
		*bare = 1;
		return i;
	}
	/* An annex's or appendix's clause: "A.1", "IV.2.3", "F1.1" */
	if ((k = lsn_part_clause_id(s, len)) > 0) {
		for (i = k + 1; i < len && ((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] == '.' && i + 1 < len && s[i + 1] >= '0' &&
		    s[i + 1] <= '9')); i++)
			;
		if (i == len || s[i] == '\t' || s[i] == ' ')
			return i;
	}
	for (k = 0; k < len && k < 6 && ((s[k] >= 'a' && s[k] <= 'z') ||
	    (s[k] >= 'A' && s[k] <= 'Z')); k++)
		;
	if (k > 0 && k < len && (s[k] == ')' || s[k] == '.') &&
	    (k == 1 || is_roman(s, k)))
		return k + 1;
	return 0;
}

/*
 * Finds a label at the start of text t. Returns the number of bytes the
 * label and its separator take (0 for none) and the label's length in
 * *lablen.
 */
static size_t
find_label(const char *t, size_t len, size_t *lablen)
{
	size_t	 i, n, sep;
	int	 bare;

	/* Symbol and Wingdings glyphs land in the Private Use Area; "o" is
	 * Word's second-level bullet in Courier New. */
	if (len > 4 && (unsigned char)t[0] == 0xEF &&
	    (unsigned char)t[1] >= 0x80 && (unsigned char)t[1] <= 0xA3 &&
	    (t[3] == '\t' || t[3] == ' ')) {
		sep = 3;
		while (sep < len && (t[sep] == '\t' || t[sep] == ' '))
			sep++;
		*lablen = 3;
		return sep < len ? sep : 0;
	}
	if (len > 2 && t[0] == 'o' && t[1] == '\t') {
		for (sep = 1; sep < len && (t[sep] == '\t' || t[sep] == ' '); sep++)
			;
		*lablen = 1;
		return sep < len ? sep : 0;
	}
	for (i = 0; bullets[i] != NULL; i++) {
		/* the first byte before strlen and memcmp: most lines
		 * open with none of them */
		if (t[0] != bullets[i][0])
			continue;
		n = strlen(bullets[i]);
		if (len > n && memcmp(t, bullets[i], n) == 0 &&
		    (t[n] == '\t' || t[n] == ' ')) {
			/* "- " needs text after it: a lone dash is text. */
			sep = n;
			while (sep < len && (t[sep] == '\t' || t[sep] == ' '))
				sep++;
			if (sep == len)
				return 0;
			*lablen = n;
			return sep;
		}
	}
	if ((n = number_label(t, len, &bare)) == 0)
		return 0;
	sep = n;
	while (sep < len && t[sep] == ' ')
		sep++;
	if (sep < len && t[sep] == '\t') {
		while (sep < len && (t[sep] == '\t' || t[sep] == ' '))
			sep++;
	} else {
		/*
		 * With a space, only digit labels count: "1.", "1)", and a
		 * "3.1" before a capital; "a. b", "2025 was" and "1.5 million"
		 * are text.
		 */
		int digit = t[0] >= '0' && t[0] <= '9';
		int dotted = memchr(t, '.', n) != NULL;

		if (!digit || sep == n)
			return 0;
		if (bare && !(dotted && sep < len && t[sep] >= 'A' &&
		    t[sep] <= 'Z'))
			return 0;
	}
	if (sep == len)
		return 0;
	*lablen = n;
	return sep;
}

/*
 * 1 when t[0..len) has a tab, and no more than a row of a Word table
 * has (LSN_TEXT_MAX_COLUMNS cells): a line of more tabs is text. Cells
 * cost the model some hundred bytes each, where a tab costs one byte:
 * a line of a million tabs took 861 MB as a million cells.
 */
static int
row_tabs(const char *t, size_t len)
{
	const char	*p = t, *end = t + len;
	size_t		 n = 0;

	while ((p = memchr(p, '\t', (size_t)(end - p))) != NULL) {
		if (++n >= LSN_TEXT_MAX_COLUMNS)
			return 0;
		p++;
	}
	return n > 0;
}

/* "Annex A<TAB>Title", "Appendix II<TAB>Title": one tab, after an id. */
static int
annex_tab_title(const char *t, size_t len)
{
	const char	*tab = memchr(t, '\t', len);
	size_t		 k, n;

	if (tab == NULL || memchr(tab + 1, '\t', len - (size_t)(tab - t) - 1))
		return 0;
	if ((k = lsn_prefix_ci(t, "annex ")) == 0 &&
	    (k = lsn_prefix_ci(t, "appendix ")) == 0)
		return 0;
	n = (size_t)(tab - t);
	while (n > k && t[n - 1] == ' ')
		n--;
	return n > k && n - k <= 6 && memchr(t + k, ' ', n - k) == NULL;
}

/*
 * The glyph a reader sees for a Symbol or Wingdings private-use bullet
 * (U+F0xx), as UTF-8.
 */
static const char *
pua_bullet(const char *t)
{
	static const struct { unsigned char b2, b3; const char *glyph; } map[] = {
		{ 0x82, 0xB7, "\xe2\x80\xa2" },  /* F0B7 Symbol bullet  • */
		{ 0x82, 0xA7, "\xe2\x96\xaa" },  /* F0A7 Wingdings     ▪ */
		{ 0x83, 0x98, "\xe2\x9e\xa2" },  /* F0D8 arrowhead      ➢ */
		{ 0x81, 0xB6, "\xe2\x9d\x96" },  /* F076 diamond        ❖ */
		{ 0x83, 0xBC, "\xe2\x9c\x93" },  /* F0FC check mark     ✓ */
		{ 0x82, 0xA8, "\xe2\x96\xa1" },  /* F0A8 box            □ */
		{ 0x81, 0xAE, "\xe2\x96\xa0" },  /* F06E filled square  ■ */
	};
	size_t	 i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if ((unsigned char)t[1] == map[i].b2 &&
		    (unsigned char)t[2] == map[i].b3)
			return map[i].glyph;
	return "\xe2\x80\xa2";
}

static liaison_status
add(struct text_reader *r, struct lsn_para *p)
{
	switch (lsn_stream_add(r->out, p)) {
	case 0:
		return LIAISON_OK;
	case -2:
		return lsn_stream_limit_error(r->out, r->err, r->name, NULL,
		    r->line);
	default:
		return lsn_error_set(r->err, LIAISON_ERR_NOMEM, r->name, NULL,
		    r->line, 0, "out of memory");
	}
}

static liaison_status
event(struct text_reader *r, enum lsn_event ev)
{
	struct lsn_para	 p;

	lsn_para_init(&p);
	p.event = ev;
	p.line = r->line;
	return add(r, &p);
}

static liaison_status
close_table(struct text_reader *r)
{
	if (!r->in_table)
		return LIAISON_OK;
	r->in_table = 0;
	return event(r, LSN_EV_TABLE_END);
}

/*
 * The paragraphs of one cell t[0..len), apart by LSN_TEXT_CELL_PARA in
 * unwrapped text (an empty cell: one empty paragraph); *marks, if not
 * NULL, go to the first and are then taken.
 */
static liaison_status
emit_cell(struct text_reader *r, const char *t, size_t len,
    struct lsn_mark **marks, size_t nmarks)
{
	struct lsn_para	 p;
	liaison_status	 rc;
	const char	*e;
	size_t		 i = 0, n, a, b;
	int		 any = 0;

	do {
		e = r->unwrapped ? memchr(t + i, LSN_TEXT_CELL_PARA, len - i) :
		    NULL;
		n = e != NULL ? (size_t)(e - (t + i)) : len - i;
		a = 0;
		b = n;
		if (r->unwrapped)
			lsn_trim(t + i, n, &a, &b);
		if (b > a || (e == NULL && !any)) {
			lsn_para_init(&p);
			p.text = (char *)t + i + a;
			p.len = b - a;
			p.line = r->line;
			if (*marks != NULL) {
				size_t k;
				for (k = 0; k < nmarks; k++)
					(*marks)[k].start = (*marks)[k].end =
					    (*marks)[k].start < n ?
					    (*marks)[k].start : n;
				p.marks = *marks;
				p.nmarks = nmarks;
				*marks = NULL;
			}
			/* add() copies the text it is given */
			if ((rc = add(r, &p)) != LIAISON_OK)
				return rc;
			any = 1;
		}
		i += n + 1;
	} while (e != NULL);
	return LIAISON_OK;
}

/* A table row from tab-separated cells; marks go to the first cell. */
static liaison_status
emit_row(struct text_reader *r, const char *t, size_t len)
{
	struct lsn_mark	*marks = r->marks;
	liaison_status	 rc;
	size_t		 i = 0, n;

	if (!r->in_table) {
		if ((rc = event(r, LSN_EV_TABLE_START)) != LIAISON_OK)
			return rc;
		r->in_table = 1;
	}
	if ((rc = event(r, LSN_EV_ROW_START)) != LIAISON_OK)
		return rc;
	for (;;) {
		const char *tab = memchr(t + i, '\t', len - i);
		n = tab != NULL ? (size_t)(tab - (t + i)) : len - i;
		if ((rc = event(r, LSN_EV_CELL_START)) != LIAISON_OK)
			return rc;
		if ((rc = emit_cell(r, t + i, n, &marks, r->nmarks)) !=
		    LIAISON_OK)
			return rc;
		if ((rc = event(r, LSN_EV_CELL_END)) != LIAISON_OK)
			return rc;
		if (tab == NULL)
			break;
		i += n + 1;
	}
	return event(r, LSN_EV_ROW_END);
}

/* Emits the footnote bodies gathered from the current line. */
static liaison_status
emit_notes(struct text_reader *r)
{
	struct lsn_para	 p;
	liaison_status	 rc;
	const char	*s = r->notes.data;
	size_t		 i;

	for (i = 0; i < r->nnotes; i++) {
		const char *id = s, *body = s + strlen(s) + 1;
		s = body + strlen(body) + 1;
		lsn_para_init(&p);
		p.event = LSN_EV_NOTE_START;
		p.note_id = (char *)id;
		p.line = r->line;
		if ((rc = add(r, &p)) != LIAISON_OK)
			return rc;
		lsn_para_init(&p);
		p.text = (char *)body;
		p.len = strlen(body);
		p.line = r->line;
		if ((rc = add(r, &p)) != LIAISON_OK)
			return rc;
		if (i + 1 == r->nnotes && r->note_opened)
			r->in_note = 1;
		else if ((rc = event(r, LSN_EV_NOTE_END)) != LIAISON_OK)
			return rc;
	}
	r->nnotes = 0;
	r->note_opened = 0;
	lsn_buf_reset(&r->notes);
	return LIAISON_OK;
}

static liaison_status read_line(struct text_reader *, const char *, size_t);

/*
 * A line inside a note body that began on an earlier line: a paragraph
 * of the note, up to the "]" that closes it; what follows that goes on
 * as a line of its own.
 */
static liaison_status
note_line(struct text_reader *r, const char *s, size_t len)
{
	struct lsn_para	 p;
	liaison_status	 rc = LIAISON_OK;
	char		*norm;
	size_t		 nlen, i, a, b, depth = 1;

	for (i = 0; i < len; i++) {
		if (s[i] == '[')
			depth++;
		else if (s[i] == ']' && --depth == 0)
			break;
	}
	if ((norm = lsn_utf8_nfc(s, i, &nlen)) == NULL)
		return lsn_error_set(r->err, LIAISON_ERR_NOMEM, r->name, NULL,
		    r->line, 0, "out of memory");
	lsn_trim(norm, nlen, &a, &b);
	if (b > a) {
		lsn_para_init(&p);
		p.text = norm + a;
		p.len = b - a;
		p.line = r->line;
		rc = add(r, &p);
	}
	free(norm);
	if (rc != LIAISON_OK || i == len)
		return rc;
	r->in_note = 0;
	if ((rc = event(r, LSN_EV_NOTE_END)) != LIAISON_OK)
		return rc;
	lsn_trim(s + i + 1, len - i - 1, &a, &b);
	return b > a ? read_line(r, s + i + 1, len - i - 1) : LIAISON_OK;
}

static liaison_status
read_line(struct text_reader *r, const char *s, size_t len)
{
	struct lsn_para	 p;
	liaison_status	 rc;
	char		*norm, *t, *label = NULL;
	size_t		 nlen, a, b, skip, lablen = 0, i, k;
	int32_t		 cp;
	int		 paras;

	if (r->in_note)
		return note_line(r, s, len);
	if ((norm = lsn_utf8_nfc(s, len, &nlen)) == NULL)
		return lsn_error_set(r->err, LIAISON_ERR_NOMEM, r->name, NULL,
		    r->line, 0, "out of memory");
	if (strip_markers(r, norm, nlen) == -1) {
		free(norm);
		return lsn_error_set(r->err, LIAISON_ERR_NOMEM, r->name, NULL,
		    r->line, 0, "out of memory");
	}
	free(norm);
	t = r->clean.data;
	/* Leading white space carries nothing, nor does a direction mark
	 * before the text (it sets the paragraph's direction, and would
	 * hide the label of "\u200e10.4.1<TAB>Title"); a leading tab is a
	 * cell. */
	lsn_trim(t, r->clean.len, &i, &b);
	/* (up to the trimmed end: " \u200e " has no text after its mark) */
	for (a = 0; a < b; a += k) {
		k = lsn_utf8_decode(t + a, b - a, &cp);
		if (cp != ' ' && !lsn_is_bidi_mark(cp))
			break;
	}
	if (i == b) {
		/* Blank line (markers alone also land here). */
		rc = close_table(r);
		if (rc == LIAISON_OK && r->nmarks > 0) {
			lsn_para_init(&p);
			p.marks = r->marks;
			p.nmarks = r->nmarks;
			for (i = 0; i < r->nmarks; i++)
				r->marks[i].start = r->marks[i].end = 0;
			p.line = r->line;
			rc = add(r, &p);
		} else if (rc == LIAISON_OK) {
			lsn_para_init(&p);
			p.line = r->line;
			rc = add(r, &p);
		}
		return rc == LIAISON_OK ? emit_notes(r) : rc;
	}
	/* Unwrapped text has tabs in table rows only: a first cell "8" is
	 * no label. */
	paras = r->unwrapped &&
	    memchr(t + a, LSN_TEXT_CELL_PARA, r->clean.len - a) != NULL;
	skip = t[a] == '\t' || paras || (r->unwrapped &&
	    memchr(t + a, '\t', b - a) != NULL) ? 0 :
	    find_label(t + a, b - a, &lablen);
	if (skip > 0) {
		if (lablen == 3 && (unsigned char)t[a] == 0xEF &&
		    (unsigned char)t[a + 1] >= 0x80 && (unsigned char)t[a + 1] <= 0xA3)
			label = strdup(pua_bullet(t + a));
		else
			label = strndup(t + a, lablen);
		if (label == NULL)
			return lsn_error_set(r->err, LIAISON_ERR_NOMEM,
			    r->name, NULL, r->line, 0, "out of memory");
		a += skip;
	}
	for (i = 0; i < r->nmarks; i++) {
		size_t at = r->marks[i].start;
		at = at > a ? at - a : 0;
		r->marks[i].start = r->marks[i].end = at > b - a ? b - a : at;
	}
	/* A trailing tab still marks a row: an empty last cell. An annex
	 * line with its title after a tab ("Annex A<TAB>Title") is not. */
	/* (a row of one column has no tab, only LSN_TEXT_CELL_PARA) */
	if ((row_tabs(t + a, r->clean.len - a) || (paras &&
	    memchr(t + a, '\t', r->clean.len - a) == NULL)) && label == NULL &&
	    !annex_tab_title(t + a, r->clean.len - a)) {
		rc = emit_row(r, t + a, r->clean.len - a);
	} else if ((rc = close_table(r)) == LIAISON_OK) {
		lsn_para_init(&p);
		p.text = t + a;
		p.len = b - a;
		p.label = label;
		p.marks = r->marks;
		p.nmarks = r->nmarks;
		p.line = r->line;
		rc = add(r, &p);
	}
	free(label);
	return rc == LIAISON_OK ? emit_notes(r) : rc;
}

/*
 * Lines of the text: each ends at LF, CRLF or a CR alone (old Mac line
 * ends; without them a whole CR-only file was one line). The offsets of
 * the next LF and CR are kept, so that finding the ends is one pass
 * over the text even where one of the two never comes.
 */
struct line_scan {
	const char	*data;
	size_t		 len;
	size_t		 pos;  /* where the next line starts */
	size_t		 lf;   /* offset of the first LF at or after pos, or len */
	size_t		 cr;   /* the same for CR */
};

static size_t
find_byte(const struct line_scan *sc, char c)
{
	const char *p = memchr(sc->data + sc->pos, c, sc->len - sc->pos);

	return p != NULL ? (size_t)(p - sc->data) : sc->len;
}

static void
line_scan_init(struct line_scan *sc, const char *data, size_t from,
    size_t len)
{
	sc->data = data;
	sc->len = len;
	sc->pos = from;
	sc->lf = find_byte(sc, '\n');
	sc->cr = find_byte(sc, '\r');
}

/* The next line, data[*start..*end) without its line end; 0 when none
 * is left. */
static int
next_line(struct line_scan *sc, size_t *start, size_t *end)
{
	size_t	 e;

	if (sc->pos >= sc->len)
		return 0;
	if (sc->lf < sc->pos)
		sc->lf = find_byte(sc, '\n');
	if (sc->cr < sc->pos)
		sc->cr = find_byte(sc, '\r');
	e = sc->lf < sc->cr ? sc->lf : sc->cr;
	*start = sc->pos;
	*end = e;
	if (e == sc->len)
		sc->pos = e;
	else if (e == sc->cr && e + 1 == sc->lf)
		sc->pos = e + 2;        /* CRLF */
	else
		sc->pos = e + 1;
	return 1;
}

/* The line (from 1) and byte column (from 1) of offset `at`, counting
 * lines from offset `from`. */
static void
line_of(const char *data, size_t from, size_t len, size_t at,
    unsigned long *line, unsigned long *col)
{
	struct line_scan	 sc;
	size_t			 start = from, end;

	*line = 0;
	line_scan_init(&sc, data, from, len);
	while (next_line(&sc, &start, &end)) {
		++*line;
		if (at <= end)
			break;
	}
	*line = *line > 0 ? *line : 1;
	*col = (unsigned long)(at - start) + 1;
}

/* Hands a decoded text to the caller, NUL-terminated (free with
 * free()), or says memory ran out. */
static liaison_status
detached(struct lsn_buf *u, const char *name, char **out, size_t *outlen,
    liaison_error **err)
{
	if ((*out = lsn_buf_detach(u, outlen)) == NULL)
		return lsn_error_set(err, LIAISON_ERR_NOMEM, name, NULL, 0, 0,
		    "out of memory");
	return LIAISON_OK;
}

/*
 * Text that is UTF-16 by its byte order mark (Windows' "Unicode" text,
 * UTF-16LE) is decoded to UTF-8 into *out (the caller frees it, or it
 * is NULL when the text is not UTF-16). Returns LIAISON_OK or an error:
 * an unpaired surrogate, an odd length, out of memory; UTF-32 and
 * UTF-16 without a mark (told by NUL bytes in every other place) are
 * named and refused.
 */
static liaison_status
utf16_to_utf8(const unsigned char *d, size_t len, const char *name,
    char **out, size_t *outlen, liaison_error **err)
{
	struct lsn_buf	 u = LSN_BUF_INIT;
	size_t		 i, k;
	int		 be, nul_odd = 0, nul_even = 0;
	unsigned long	 c, c2;

	*out = NULL;
	if (len >= 4 && ((d[0] == 0xFF && d[1] == 0xFE && d[2] == 0 &&
	    d[3] == 0) || (d[0] == 0 && d[1] == 0 && d[2] == 0xFE &&
	    d[3] == 0xFF)))
		return lsn_error_set(err, LIAISON_ERR_FORMAT, name, NULL, 0, 0,
		    "UTF-32 text is not read: save it as UTF-8 or UTF-16");
	if (len < 2 || !((d[0] == 0xFF && d[1] == 0xFE) ||
	    (d[0] == 0xFE && d[1] == 0xFF))) {
		/* No mark: ASCII in UTF-16 has a NUL in every other byte. */
		for (k = 0; k < len && k < 64; k++)
			if (d[k] == 0)
				*(k % 2 ? &nul_odd : &nul_even) += 1;
		if (len >= 4 && len % 2 == 0 && (nul_odd >= (int)(k / 2) ||
		    nul_even >= (int)(k / 2)) && nul_odd != nul_even)
			return lsn_error_set(err, LIAISON_ERR_FORMAT, name,
			    NULL, 0, 0, "UTF-16%s text without a byte order "
			    "mark is not read: save it as UTF-8, or as UTF-16 "
			    "with a byte order mark", nul_odd ? "LE" : "BE");
		return LIAISON_OK;
	}
	be = d[0] == 0xFE;
	if (len % 2 != 0)
		return lsn_error_set(err, LIAISON_ERR_UTF8, name, NULL, 0, 0,
		    "invalid UTF-16 (odd length of %zu bytes)", len);
	/* A unit of 2 bytes makes at most 3 of UTF-8; a pair (4) makes 4. */
	if (lsn_buf_grow(&u, len / 2 * 3) == -1)
		return lsn_error_set(err, LIAISON_ERR_NOMEM, name, NULL, 0, 0,
		    "out of memory");
	for (i = 2; i < len; i += 2) {
		c = be ? (unsigned long)d[i] << 8 | d[i + 1] :
		    (unsigned long)d[i + 1] << 8 | d[i];
		if (c >= 0xD800 && c <= 0xDBFF && i + 3 < len) {
			c2 = be ? (unsigned long)d[i + 2] << 8 | d[i + 3] :
			    (unsigned long)d[i + 3] << 8 | d[i + 2];
			if (c2 >= 0xDC00 && c2 <= 0xDFFF) {
				c = 0x10000 + ((c - 0xD800) << 10) + (c2 - 0xDC00);
				i += 2;
			}
		}
		if (c >= 0xD800 && c <= 0xDFFF) {
			lsn_buf_free(&u);
			return lsn_error_set(err, LIAISON_ERR_UTF8, name, NULL,
			    0, 0, "invalid UTF-16 (unpaired surrogate 0x%04lx "
			    "at byte offset %zu)", c, i);
		}
		(void)lsn_buf_put_cp(&u, (unsigned int)c);	/* grown above */
	}
	return detached(&u, name, out, outlen, err);
}

/* Windows-1252's 0x80-0x9F (0: a byte it leaves undefined); the rest
 * of its upper half is Latin-1. */
static const unsigned short cp1252_c1[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

/*
 * Windows-1252 text (Word's "Plain Text" default on Western Windows) as
 * UTF-8 in *out (caller frees with free(); length in *outlen).
 */
static liaison_status
cp1252_to_utf8(const unsigned char *s, size_t len, const char *name,
    char **out, size_t *outlen, liaison_error **err)
{
	struct lsn_buf	 u = LSN_BUF_INIT;
	size_t		 i;
	unsigned long	 line, col;
	unsigned int	 c;

	*out = NULL;
	/* a byte makes at most 3 of UTF-8 */
	if (len > SIZE_MAX / 3 || lsn_buf_grow(&u, len * 3) == -1)
		return lsn_error_set(err, LIAISON_ERR_NOMEM, name, NULL, 0, 0,
		    "out of memory");
	for (i = 0; i < len; i++) {
		c = s[i];
		if (c >= 0x80 && c < 0xA0 && (c = cp1252_c1[c - 0x80]) == 0) {
			lsn_buf_free(&u);
			line_of((const char *)s, 0, len, i, &line, &col);
			return lsn_error_set(err, LIAISON_ERR_UTF8, name, NULL,
			    line, col, "invalid Windows-1252 (byte 0x%02x at "
			    "byte offset %zu)", s[i], i);
		}
		(void)lsn_buf_put_cp(&u, c);	/* grown above */
	}
	return detached(&u, name, out, outlen, err);
}

/* A C0 control that is neither white space nor a line end. */
static int
is_picture_control(unsigned char c)
{
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
	    c != '\v' && c != '\f';
}

/*
 * ESC, BEL and the other C0 controls are not text, and XML 1.0 cannot
 * hold them (the model would not be well formed): they become their
 * control pictures (U+2400 + c), as the text outputs show them. Returns
 * NULL when there is none (*out untouched), the new text (caller frees
 * with free(); length in *outlen) or, when memory ran out, (char *)-1.
 */
static char *
control_pictures(const char *s, size_t len, size_t *outlen)
{
	size_t	 i = 0, n = 0, o = 0, end;
	uint64_t x;
	char	*u;

	/* Eight bytes at a time: only a word with a byte below 0x20 (a tab,
	 * a line end) is looked at byte by byte. */
	while (i < len) {
		end = len;
		if (i + 8 <= len) {
			memcpy(&x, s + i, 8);
			if (!LSN_HAS_BELOW(x, 0x20)) {
				i += 8;
				continue;
			}
			end = i + 8;
		}
		for (; i < end; i++)
			n += is_picture_control((unsigned char)s[i]);
	}
	if (n == 0)
		return NULL;
	if (len > SIZE_MAX - 2 * n - 1 || (u = malloc(len + 2 * n + 1)) == NULL)
		return (char *)-1;
	for (i = 0; i < len; i++)
		if (is_picture_control((unsigned char)s[i])) {
			u[o++] = '\xe2';
			u[o++] = '\x90';
			u[o++] = (char)(0x80 + s[i]);
		} else
			u[o++] = s[i];
	u[o] = '\0';
	*outlen = o;
	return u;
}

liaison_status
lsn_read_text(const char *data, size_t len, const char *name,
    const struct liaison_options *opts, struct lsn_stream *out,
    liaison_error **err)
{
	struct text_reader	 r;
	struct line_scan	 sc;
	liaison_status		 rc;
	size_t			 i = 0, bad, line_start, end;
	const char		*nul;
	char			*utf8, *pics = NULL, *flat = NULL;
	unsigned long		 line, col;

	if ((rc = utf16_to_utf8((const unsigned char *)data, len, name, &utf8,
	    &len, err)) != LIAISON_OK)
		return rc;
	/* A byte order mark says the encoding; without one, the options */
	if (utf8 == NULL && opts != NULL &&
	    opts->encoding == LIAISON_ENCODING_WINDOWS_1252 &&
	    !(len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) &&
	    (rc = cp1252_to_utf8((const unsigned char *)data, len, name,
	    &utf8, &len, err)) != LIAISON_OK)
		return rc;
	if (utf8 != NULL)
		data = utf8;
	memset(&r, 0, sizeof(r));
	r.name = name;
	r.out = out;
	r.err = err;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	if (lsn_utf8_check(data + i, len - i, &bad) == -1) {
		line_of(data, i, len, i + bad, &line, &col);
		rc = lsn_error_set(err, LIAISON_ERR_UTF8, name, NULL, line, col,
		    "invalid UTF-8 (byte 0x%02x at byte offset %zu)",
		    (unsigned char)data[i + bad], i + bad);
		goto done;
	}
	if ((nul = memchr(data + i, '\0', len - i)) != NULL) {
		line_of(data, i, len, (size_t)(nul - data), &line, &col);
		rc = lsn_error_set(err, LIAISON_ERR_FORMAT, name, NULL, line,
		    0, "NUL byte at byte offset %zu: not a text file",
		    (size_t)(nul - data));
		goto done;
	}
	if ((pics = control_pictures(data, len, &len)) == (char *)-1) {
		pics = NULL;
		rc = lsn_error_set(err, LIAISON_ERR_NOMEM, name, NULL, 0, 0,
		    "out of memory");
		goto done;
	}
	if (pics != NULL)
		data = pics;
	/* Wrapped text (pandoc's plain output) as one paragraph a line. */
	if ((flat = lsn_text_unwrap(data + i, len - i, &len)) == (char *)-1) {
		flat = NULL;
		rc = lsn_error_set(err, LIAISON_ERR_NOMEM, name, NULL, 0, 0,
		    "out of memory");
		goto done;
	}
	if (flat != NULL) {
		data = flat;
		i = 0;
		r.unwrapped = 1;
	}
	line_scan_init(&sc, data, i, len);
	while (rc == LIAISON_OK && next_line(&sc, &line_start, &end)) {
		r.line++;
		rc = read_line(&r, data + line_start, end - line_start);
	}
	if (rc == LIAISON_OK)
		rc = close_table(&r);
	if (rc == LIAISON_OK && r.in_note)
		rc = event(&r, LSN_EV_NOTE_END);
	clear_marks(&r);
	free(r.marks);
	lsn_buf_free(&r.clean);
	lsn_buf_free(&r.notes);
	free_pending(&r);
	free(r.br);
done:
	free(flat);
	free(pics);
	free(utf8);
	return rc;
}

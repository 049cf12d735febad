/* SPDX-License-Identifier: MIT */
/*
 * docx-math.c: Office Math (OMML) as linear text, close to Word's own
 * linear format (UnicodeMath): "x^2+3/4=y_i+z", "√(x+1)", "∑_(i=1)^n
 * x_i". liaison(5) documents the form.
 *
 * The reader hands each m: element's start and end, and the text of
 * m:t, as it streams the part; a stack of frames collects the text of
 * each argument (m:num, m:e, m:sup ...) and a structure (m:f, m:sSup
 * ...) puts its arguments together when it ends. Memory is the stack:
 * one frame per open element, bounded by the XML depth limit.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "reader/docx-int.h"
#include "util/buf.h"

/* What a frame is: a structure's kind, an argument's slot. */
enum mkind {
	M_OTHER = 0,    /* m:r, m:t, properties, m:box ...: text passes */
	M_ROOT,         /* m:oMath */
	/* arguments */
	M_E, M_NUM, M_DEN, M_SUB, M_SUP, M_DEG, M_FNAME, M_LIM,
	/* structures */
	M_F, M_SSUB, M_SSUP, M_SSUBSUP, M_SPRE, M_RAD, M_NARY, M_D,
	M_FUNC, M_LIMLOW, M_LIMUPP, M_ACC, M_BAR, M_GROUPCHR, M_M, M_MR,
	M_EQARR
};

#define IS_ARG(k)	((k) >= M_E && (k) <= M_LIM)
#define IS_STRUCT(k)	((k) >= M_F)
#define NSLOTS		(M_LIM - M_E + 1)

static const struct {
	const char	*name;
	enum mkind	 kind;
} kinds[] = {
	{ "oMath", M_ROOT }, { "e", M_E }, { "num", M_NUM },
	{ "den", M_DEN }, { "sub", M_SUB }, { "sup", M_SUP },
	{ "deg", M_DEG }, { "fName", M_FNAME }, { "lim", M_LIM },
	{ "f", M_F }, { "sSub", M_SSUB }, { "sSup", M_SSUP },
	{ "sSubSup", M_SSUBSUP }, { "sPre", M_SPRE }, { "rad", M_RAD },
	{ "nary", M_NARY }, { "d", M_D }, { "func", M_FUNC },
	{ "limLow", M_LIMLOW }, { "limUpp", M_LIMUPP }, { "acc", M_ACC },
	{ "bar", M_BAR }, { "groupChr", M_GROUPCHR }, { "m", M_M },
	{ "mr", M_MR }, { "eqArr", M_EQARR }
};

/* A character property (m:chr, m:begChr ...): set, and its value. */
struct mchr {
	int	 set;
	char	 v[8];    /* one code point, UTF-8; "" when given empty */
};

struct mframe {
	enum mkind	 kind;
	struct lsn_buf	 text;           /* arguments, the root: the text */
	struct lsn_buf	 slot[NSLOTS];   /* structures: their arguments */
	size_t		 ne;             /* m:e (or m:mr) arguments so far */
	struct mchr	 chr, beg, end, sep;
	int		 deg_hide, bottom;
};

struct lsn_math {
	struct mframe	*f;
	size_t		 n, cap;
	int		 oom;
};

struct lsn_math *
lsn_math_new(void)
{
	return calloc(1, sizeof(struct lsn_math));
}

static void
frame_free(struct mframe *f)
{
	size_t i;

	lsn_buf_free(&f->text);
	for (i = 0; i < NSLOTS; i++)
		lsn_buf_free(&f->slot[i]);
}

void
lsn_math_free(struct lsn_math *m)
{
	if (m == NULL)
		return;
	while (m->n > 0)
		frame_free(&m->f[--m->n]);
	free(m->f);
	free(m);
}

/* The nearest frame below index `from` that is not M_OTHER, or NULL. */
static struct mframe *
owner(struct lsn_math *m, size_t from)
{
	while (from-- > 0)
		if (m->f[from].kind != M_OTHER)
			return &m->f[from];
	return NULL;
}

/* The nearest frame at or below the top that holds text. */
static struct lsn_buf *
text_target(struct lsn_math *m)
{
	size_t i = m->n;

	while (i-- > 0)
		if (m->f[i].kind == M_ROOT || IS_ARG(m->f[i].kind))
			return &m->f[i].text;
	return NULL;
}

void
lsn_math_start(struct lsn_math *m, const char *local, const char *val)
{
	struct mframe	*f, *s;
	struct mchr	*c = NULL;
	size_t		 i;

	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 16;

		if ((f = realloc(m->f, cap * sizeof(*f))) == NULL) {
			m->oom = 1;
			return;
		}
		m->f = f;
		m->cap = cap;
	}
	f = &m->f[m->n++];
	memset(f, 0, sizeof(*f));
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(local, kinds[i].name) == 0) {
			f->kind = kinds[i].kind;
			break;
		}
	if (f->kind != M_OTHER)
		return;
	/* a property: of the nearest structure (through its m:xPr) */
	if ((s = owner(m, m->n - 1)) == NULL || !IS_STRUCT(s->kind))
		return;
	if (strcmp(local, "chr") == 0)
		c = &s->chr;
	else if (strcmp(local, "begChr") == 0)
		c = &s->beg;
	else if (strcmp(local, "endChr") == 0)
		c = &s->end;
	else if (strcmp(local, "sepChr") == 0)
		c = &s->sep;
	else if (strcmp(local, "degHide") == 0)
		s->deg_hide = val == NULL || !(strcmp(val, "0") == 0 ||
		    strcmp(val, "off") == 0 || strcmp(val, "false") == 0);
	else if (strcmp(local, "pos") == 0)
		s->bottom = val != NULL && strcmp(val, "bot") == 0;
	if (c != NULL) {
		utf8proc_int32_t	cp;
		utf8proc_ssize_t	k = 0;

		c->set = 1;
		/* the first character only: a property is one */
		if (val != NULL && *val != '\0')
			k = utf8proc_iterate((const utf8proc_uint8_t *)val, -1,
			    &cp);
		if (k > 0 && (size_t)k < sizeof(c->v))
			memcpy(c->v, val, (size_t)k);
		c->v[k > 0 && (size_t)k < sizeof(c->v) ? k : 0] = '\0';
	}
}

void
lsn_math_text(struct lsn_math *m, const char *s, size_t n)
{
	struct lsn_buf *b = text_target(m);

	if (b != NULL && lsn_buf_put(b, s, n) == -1)
		m->oom = 1;
}

/* 1 when s needs no parentheses as an operand: one code point, a run
 * of letters and digits, or already one bracketed group. */
static int
atomic(const char *s)
{
	size_t			 n = strlen(s), i;
	int			 depth = 0;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 k;

	if (n == 0)
		return 1;
	k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &cp);
	if (k > 0 && (size_t)k == n)
		return 1;
	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
		    (s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z')))
			break;
	if (i == n)
		return 1;
	if ((s[0] != '(' || s[n - 1] != ')') &&
	    (s[0] != '[' || s[n - 1] != ']'))
		return 0;
	/* "(a)(b)" is two groups */
	for (i = 0; i < n; i++) {
		if (s[i] == '(' || s[i] == '[')
			depth++;
		else if ((s[i] == ')' || s[i] == ']') && --depth == 0 &&
		    i + 1 < n)
			return 0;
	}
	return 1;
}

/* Appends s, in parentheses unless atomic. */
static void
operand(struct lsn_buf *b, const char *s)
{
	if (atomic(s))
		lsn_buf_puts(b, s);
	else
		lsn_buf_printf(b, "(%s)", s);
}

/* Appends "_x" or "^x" when x is not empty. */
static void
script(struct lsn_buf *b, char mark, const char *s)
{
	if (*s == '\0')
		return;
	lsn_buf_putc(b, mark);
	operand(b, s);
}

static const char *
chr_or(const struct mchr *c, const char *dflt)
{
	return c->set ? c->v : dflt;
}

/* The linear form of a finished structure, appended to out. */
static void
compose(const struct mframe *f, struct lsn_buf *out)
{
	const char	*e = lsn_buf_str(&f->slot[0]);
#define SLOT(k)	lsn_buf_str(&f->slot[(k) - M_E])
	const char	*deg;

	switch (f->kind) {
	case M_F:
		operand(out, SLOT(M_NUM));
		lsn_buf_putc(out, '/');
		operand(out, SLOT(M_DEN));
		break;
	case M_SSUB:
	case M_SSUP:
	case M_SSUBSUP:
		operand(out, e);
		script(out, '_', SLOT(M_SUB));
		script(out, '^', SLOT(M_SUP));
		break;
	case M_SPRE:
		script(out, '_', SLOT(M_SUB));
		script(out, '^', SLOT(M_SUP));
		operand(out, e);
		break;
	case M_RAD:
		deg = f->deg_hide ? "" : SLOT(M_DEG);
		if (*deg == '\0' || strcmp(deg, "2") == 0) {
			lsn_buf_puts(out, "\u221A");
			operand(out, e);
		} else if (strcmp(deg, "3") == 0 || strcmp(deg, "4") == 0) {
			lsn_buf_puts(out, *deg == '3' ? "\u221B" : "\u221C");
			operand(out, e);
		} else
			lsn_buf_printf(out, "\u221A(%s&%s)", deg, e);
		break;
	case M_NARY:
		lsn_buf_puts(out, chr_or(&f->chr, "\u222B"));
		script(out, '_', SLOT(M_SUB));
		script(out, '^', SLOT(M_SUP));
		if (*e != '\0')
			lsn_buf_printf(out, " %s", e);
		break;
	case M_D:
		/* the e arguments were joined with the separator */
		lsn_buf_printf(out, "%s%s%s", chr_or(&f->beg, "("), e,
		    chr_or(&f->end, ")"));
		break;
	case M_FUNC:
		lsn_buf_puts(out, SLOT(M_FNAME));
		if (*e != '\0' && *e != '(' && *e != '[')
			lsn_buf_putc(out, ' ');
		lsn_buf_puts(out, e);
		break;
	case M_LIMLOW:
	case M_LIMUPP:
		lsn_buf_puts(out, e);
		script(out, f->kind == M_LIMLOW ? '_' : '^', SLOT(M_LIM));
		break;
	case M_ACC:
	case M_BAR:
		operand(out, e);
		lsn_buf_puts(out, f->kind == M_ACC ?
		    chr_or(&f->chr, "\u0302") :
		    f->bottom ? "\u0332" : "\u0305");
		break;
	case M_M:
		lsn_buf_printf(out, "\u25A0(%s)", e);
		break;
	case M_EQARR:
		lsn_buf_printf(out, "\u2588(%s)", e);
		break;
	default:        /* m:mr, m:groupChr: the arguments as they are */
		lsn_buf_puts(out, e);
		break;
	}
#undef SLOT
}

/* What joins a structure's m:e (or m:mr) arguments. */
static const char *
joiner(const struct mframe *s)
{
	switch (s->kind) {
	case M_D:
		return chr_or(&s->sep, "|");
	case M_MR:
		return "&";
	case M_M:
	case M_EQARR:
		return "@";
	default:
		return "";
	}
}

/* Hands the text of a finished argument or structure to its owner. */
static void
hand_up(struct lsn_math *m, struct mframe *s, enum mkind kind,
    const struct lsn_buf *text)
{
	struct lsn_buf *to;

	if (s == NULL)
		return;
	if (IS_STRUCT(s->kind) && (kind == M_E || kind == M_MR)) {
		to = &s->slot[0];
		if (s->ne++ > 0)
			lsn_buf_puts(to, joiner(s));
	} else if (IS_STRUCT(s->kind) && IS_ARG(kind))
		to = &s->slot[kind - M_E];
	else if (IS_STRUCT(s->kind))
		to = &s->slot[0];     /* stray: keep its text */
	else
		to = &s->text;
	lsn_buf_put(to, lsn_buf_str(text), text->len);
	if (to->oom)
		m->oom = 1;
}

char *
lsn_math_end(struct lsn_math *m)
{
	struct mframe	 f;
	struct lsn_buf	 out = LSN_BUF_INIT;
	char		*r = NULL;
	size_t		 i;

	if (m->n == 0)
		return NULL;
	f = m->f[--m->n];
	if (f.kind == M_ROOT && m->n == 0) {
		/* the whole formula: the caller's */
		if ((r = lsn_buf_detach(&f.text, NULL)) == NULL)
			m->oom = 1;
	} else if (f.kind == M_ROOT || IS_ARG(f.kind))
		hand_up(m, owner(m, m->n), f.kind, &f.text);
	else if (IS_STRUCT(f.kind)) {
		compose(&f, &out);
		for (i = 0; i < NSLOTS; i++)
			if (f.slot[i].oom)
				m->oom = 1;
		if (out.oom)
			m->oom = 1;
		hand_up(m, owner(m, m->n), f.kind, &out);
		lsn_buf_free(&out);
	}
	frame_free(&f);
	return r;
}

int
lsn_math_failed(const struct lsn_math *m)
{
	return m->oom;
}

/* SPDX-License-Identifier: MIT */
/*
 * words.c: the tokenizer, the similarity measure and the word diff.
 *
 * Tokens follow Unicode categories (utf8proc): runs of letters, runs of
 * digits, runs of white space, and single punctuation, symbol or
 * ideographic characters. The word diff is Myers' O(ND) greedy
 * algorithm ("An O(ND) Difference Algorithm and Its Variations",
 * Algorithmica 1, 1986) over tokens, with the edit distance capped at
 * LSN_WORD_DIFF_MAX_D.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "diff/diff.h"
#include "util/buf.h"

#define FNV_OFFSET 2166136261u
#define FNV_PRIME 16777619u

static int
is_ideograph(utf8proc_int32_t c)
{
	return (c >= 0x3040 && c <= 0x30ff) ||   /* kana */
	    (c >= 0x3400 && c <= 0x4dbf) ||      /* CJK extension A */
	    (c >= 0x4e00 && c <= 0x9fff) ||      /* CJK unified */
	    (c >= 0xf900 && c <= 0xfaff) ||      /* compatibility */
	    (c >= 0x20000 && c <= 0x2fa1f);      /* supplementary planes */
}

/* Token class of one character; LSN_TOK_PUNCT also for controls. */
static int
char_class(utf8proc_int32_t c)
{
	/* ASCII first: most of every document, and no table lookup. */
	if (c < 0x80) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			return LSN_TOK_WORD;
		if (c >= '0' && c <= '9')
			return LSN_TOK_NUMBER;
		if (c == ' ' || (c >= '\t' && c <= '\r'))
			return LSN_TOK_SPACE;
		return LSN_TOK_PUNCT;
	}
	if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
		return LSN_TOK_SPACE;
	if (is_ideograph(c))
		return LSN_TOK_IDEO;
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return LSN_TOK_WORD;
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return LSN_TOK_NUMBER;
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return LSN_TOK_SPACE;
	default:
		return LSN_TOK_PUNCT;
	}
}

int
lsn_tokenize(const char *s, size_t len, struct lsn_tok **toks, size_t *n)
{
	struct lsn_tok		*t = NULL, *p;
	size_t			 cap = 0, count = 0, i = 0;
	const utf8proc_uint8_t	*u = (const utf8proc_uint8_t *)s;

	*toks = NULL;
	*n = 0;
	while (i < len) {
		utf8proc_int32_t	 c, lc;
		utf8proc_ssize_t	 k;
		int			 cls;

		if (u[i] < 0x80) {
			c = u[i];
			k = 1;
			cls = char_class(c);
		} else if ((k = utf8proc_iterate(u + i,
		    (utf8proc_ssize_t)(len - i), &c)) <= 0) {
			/* Invalid byte: a token of its own. */
			k = 1;
			c = -1;
			cls = LSN_TOK_PUNCT;
		} else
			cls = char_class(c);
		/* Runs of words, numbers and spaces extend the last token. */
		if (count > 0 && cls == t[count - 1].type && c != -1 &&
		    (cls == LSN_TOK_WORD || cls == LSN_TOK_NUMBER ||
		    cls == LSN_TOK_SPACE))
			p = &t[count - 1];
		else {
			struct lsn_tok *nt;

			if ((nt = lsn_array_grow(t, &cap, count + 1,
			    sizeof(*t), 32)) == NULL) {
				free(t);
				return -1;
			}
			t = nt;
			p = &t[count++];
			p->off = i;
			p->len = 0;
			p->hash = FNV_OFFSET;
			p->fold = FNV_OFFSET;
			p->type = (unsigned char)cls;
		}
		for (utf8proc_ssize_t j = 0; j < k; j++)
			p->hash = (p->hash ^ u[i + j]) * FNV_PRIME;
		if (c == -1)
			lc = u[i];
		else if (c < 0x80)
			lc = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
		else
			lc = utf8proc_tolower(c);
		p->fold = (p->fold ^ (uint32_t)lc) * FNV_PRIME;
		p->len += (size_t)k;
		i += (size_t)k;
	}
	*toks = t;
	*n = count;
	return 0;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Below this many values insertion sort beats four counting passes. */
#define SORT_U32_SHORT	32

static void
sort_u32(uint32_t *v, size_t n)
{
	uint32_t	*tmp, *from, *to, *swap;
	size_t		 count[256], i, pos, sum;
	unsigned	 shift;

	if (n < SORT_U32_SHORT) {
		for (i = 1; i < n; i++) {
			uint32_t x = v[i];
			size_t	 j = i;

			for (; j > 0 && v[j - 1] > x; j--)
				v[j] = v[j - 1];
			v[j] = x;
		}
		return;
	}
	if ((tmp = malloc(n * sizeof(*tmp))) == NULL) {
		qsort(v, n, sizeof(*v), cmp_u32);
		return;
	}
	/* least significant byte first; a byte all values share is no pass */
	from = v;
	to = tmp;
	for (shift = 0; shift < 32; shift += 8) {
		memset(count, 0, sizeof(count));
		for (i = 0; i < n; i++)
			count[(from[i] >> shift) & 0xff]++;
		if (count[(from[0] >> shift) & 0xff] == n)
			continue;
		for (i = 0, sum = 0; i < 256; i++) {
			pos = count[i];
			count[i] = sum;
			sum += pos;
		}
		for (i = 0; i < n; i++)
			to[count[(from[i] >> shift) & 0xff]++] = from[i];
		swap = from;
		from = to;
		to = swap;
	}
	if (from != v)
		memcpy(v, from, n * sizeof(*v));
	free(tmp);
}

size_t
lsn_u32_sort_unique(uint32_t *v, size_t n)
{
	size_t	 i, k = 0;

	sort_u32(v, n);
	for (i = 0; i < n; i++)
		if (k == 0 || v[k - 1] != v[i])
			v[k++] = v[i];
	return k;
}

int
lsn_token_set(const char *s, size_t len, uint32_t **set, size_t *n)
{
	struct lsn_tok	*t;
	size_t		 nt, i, k = 0;
	uint32_t	*v;

	*set = NULL;
	*n = 0;
	if (lsn_tokenize(s, len, &t, &nt) == -1)
		return -1;
	if (nt == 0)
		return 0;
	if ((v = malloc(nt * sizeof(*v))) == NULL) {
		free(t);
		return -1;
	}
	for (i = 0; i < nt; i++)
		if (t[i].type == LSN_TOK_WORD || t[i].type == LSN_TOK_NUMBER ||
		    t[i].type == LSN_TOK_IDEO)
			v[k++] = t[i].fold;
	free(t);
	k = lsn_u32_sort_unique(v, k);
	if (k == 0) {
		free(v);
		return 0;
	}
	*set = v;
	*n = k;
	return 0;
}

double
lsn_set_similarity(const uint32_t *a, size_t na, const uint32_t *b,
    size_t nb)
{
	size_t i = 0, j = 0, common = 0;

	if (na + nb == 0)
		return 0.0;
	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			common++;
			i++;
			j++;
		} else if (a[i] < b[j])
			i++;
		else
			j++;
	}
	return 2.0 * (double)common / (double)(na + nb);
}

/* ------------------------------------------------------------------ */
/* Myers' diff on token sequences                                      */

struct seq {
	const char		*s;
	const struct lsn_tok	*t;
	size_t			 n;
};

static int
tok_eq(const struct seq *a, size_t i, const struct seq *b, size_t j)
{
	const struct lsn_tok *x = &a->t[i], *y = &b->t[j];

	return x->hash == y->hash && x->len == y->len &&
	    memcmp(a->s + x->off, b->s + y->off, x->len) == 0;
}

/*
 * Marks the tokens of a (a_keep) and b (b_keep) that are part of the
 * longest common subsequence found by Myers' algorithm, for a[a0..a1)
 * and b[b0..b1) (already trimmed of common prefix and suffix).
 * Returns 1 when found within the cap, 0 when the cap was hit, -1 on
 * out of memory.
 */
static int
myers(const struct seq *a, size_t a0, size_t a1, const struct seq *b,
    size_t b0, size_t b1, unsigned char *a_keep, unsigned char *b_keep)
{
	long	  N = (long)(a1 - a0), M = (long)(b1 - b0);
	long	  maxd = N + M, d, k, x, y;
	long	 *v, **trace;
	int	  found = 0;

	if (maxd > LSN_WORD_DIFF_MAX_D)
		maxd = LSN_WORD_DIFF_MAX_D;
	if ((trace = calloc((size_t)maxd + 1, sizeof(*trace))) == NULL)
		return -1;
	/* v[k + d] for the current d; a copy per d for the way back. */
	for (d = 0; d <= maxd && !found; d++) {
		long *prev = d > 0 ? trace[d - 1] : NULL;
		if ((v = malloc((size_t)(2 * d + 1) * sizeof(*v))) == NULL)
			goto oom;
		trace[d] = v;
		for (k = -d; k <= d; k += 2) {
			if (d == 0)
				x = 0;
			else if (k == -d || (k != d &&
			    prev[k - 1 + (d - 1)] < prev[k + 1 + (d - 1)]))
				x = prev[k + 1 + (d - 1)];     /* down: insert */
			else
				x = prev[k - 1 + (d - 1)] + 1; /* right: delete */
			y = x - k;
			while (x < N && y < M &&
			    tok_eq(a, a0 + (size_t)x, b, b0 + (size_t)y)) {
				x++;
				y++;
			}
			v[k + d] = x;
			if (x >= N && y >= M) {
				found = 1;
				break;
			}
		}
	}
	if (!found) {
		for (long i = 0; i <= maxd; i++)
			free(trace[i]);
		free(trace);
		return 0;
	}
	/* Walk back from (N, M) marking the snakes' diagonals as kept. */
	d--;
	x = N;
	y = M;
	for (; d >= 0; d--) {
		long	 prev_k, prev_x, prev_y;

		k = x - y;
		if (d == 0) {
			prev_x = prev_y = 0;
		} else {
			long *prev = trace[d - 1];
			if (k == -d || (k != d &&
			    prev[k - 1 + (d - 1)] < prev[k + 1 + (d - 1)]))
				prev_k = k + 1;
			else
				prev_k = k - 1;
			prev_x = prev[prev_k + (d - 1)];
			prev_y = prev_x - prev_k;
		}
		while (x > prev_x && y > prev_y) {
			x--;
			y--;
			a_keep[a0 + (size_t)x] = 1;
			b_keep[b0 + (size_t)y] = 1;
		}
		if (d > 0) {
			x = prev_x;
			y = prev_y;
		}
	}
	for (long i = 0; i <= maxd; i++)
		free(trace[i]);
	free(trace);
	return 1;
oom:
	for (long i = 0; i <= maxd; i++)
		free(trace[i]);
	free(trace);
	return -1;
}

/* A segment of the alignment: equal (same length on both sides) or a
 * change (old range deleted, new range inserted). */
struct seg {
	int	 equal;
	size_t	 a0, a1, b0, b1;
};

static size_t
range_bytes(const struct seq *s, size_t i0, size_t i1)
{
	if (i1 <= i0)
		return 0;
	return s->t[i1 - 1].off + s->t[i1 - 1].len - s->t[i0].off;
}

static int
all_space(const struct seq *s, size_t i0, size_t i1)
{
	for (size_t i = i0; i < i1; i++)
		if (s->t[i].type != LSN_TOK_SPACE)
			return 0;
	return 1;
}

/*
 * Whether token i of s may be pulled into an adjacent change so that a
 * compound ("CG-IoTSec", "t25cg-iotsec@lists.itu.int", "WP3/20") is
 * shown whole. Letters and digits always; joiners only between two
 * non-space tokens; white space and sentence punctuation never.
 */
static int
glues(const struct seq *s, size_t i)
{
	const struct lsn_tok *t = &s->t[i];
	char c;

	if (t->type == LSN_TOK_WORD || t->type == LSN_TOK_NUMBER)
		return 1;
	if (t->type != LSN_TOK_PUNCT || t->len != 1)
		return 0;
	c = s->s[t->off];
	if (c != '-' && c != '_' && c != '@' && c != '.' && c != '/' &&
	    c != '\'' && c != '+' && c != '#' && c != '&')
		return 0;
	/* "end." or "x-" followed by space is punctuation, not a joiner. */
	if (i + 1 >= s->n || i == 0)
		return 0;
	return s->t[i + 1].type != LSN_TOK_SPACE &&
	    s->t[i - 1].type != LSN_TOK_SPACE;
}

/* Whether the boundary before token i of s (a change's edge, on a side
 * where the change is not empty) falls inside a compound: the tokens on
 * both sides of it glue ("CG|-IoTSec", "iotsec|@lists"), unlike a
 * sentence end ("activities|." before a space). */
static int
inside_word(const struct seq *s, size_t i)
{
	if (i == 0 || i >= s->n)
		return 0;
	return glues(s, i - 1) && glues(s, i);
}

/*
 * Readability cleanup of the segment list, in place: (1) widen changes
 * to whole compounds, (2) absorb an equal run between two changes when
 * it is only white space or shorter than the changes on both sides (as
 * diff-match-patch's semantic cleanup), (3) merge neighbours.
 */
static size_t
cleanup(const struct seq *a, const struct seq *b, struct seg *sg, size_t n)
{
	size_t	 i, k;
	int	 again = 1;

	/* (1) Widening: move glued tokens of the equal neighbours in. */
	for (i = 0; i < n; i++) {
		struct seg *c = &sg[i];
		if (c->equal)
			continue;
		if (i > 0 && sg[i - 1].equal) {
			struct seg *e = &sg[i - 1];
			while (e->a1 > e->a0 &&
			    ((c->a1 > c->a0 && inside_word(a, c->a0)) ||
			    (c->b1 > c->b0 && inside_word(b, c->b0))) &&
			    glues(a, e->a1 - 1)) {
				e->a1--;
				e->b1--;
				c->a0--;
				c->b0--;
			}
		}
		if (i + 1 < n && sg[i + 1].equal) {
			struct seg *e = &sg[i + 1];
			while (e->a1 > e->a0 &&
			    ((c->a1 > c->a0 && inside_word(a, c->a1)) ||
			    (c->b1 > c->b0 && inside_word(b, c->b1))) &&
			    glues(a, e->a0)) {
				e->a0++;
				e->b0++;
				c->a1++;
				c->b1++;
			}
		}
	}
	while (again) {
		again = 0;
		/* (2) Absorb short equal runs between two changes. */
		for (i = 1; i + 1 < n; i++) {
			struct seg *p = &sg[i - 1], *e = &sg[i], *q = &sg[i + 1];
			size_t el, pl, ql, pd, pi, qd, qi;
			if (!e->equal || p->equal || q->equal || e->a1 == e->a0)
				continue;
			el = range_bytes(a, e->a0, e->a1);
			pd = range_bytes(a, p->a0, p->a1);
			pi = range_bytes(b, p->b0, p->b1);
			qd = range_bytes(a, q->a0, q->a1);
			qi = range_bytes(b, q->b0, q->b1);
			pl = pd > pi ? pd : pi;
			ql = qd > qi ? qd : qi;
			if (all_space(a, e->a0, e->a1) || (el <= pl && el <= ql)) {
				e->equal = 0;
				again = 1;
			}
		}
		/* (3) Merge neighbours of the same kind; drop empty runs. */
		for (i = k = 0; i < n; i++) {
			if (sg[i].a1 == sg[i].a0 && sg[i].b1 == sg[i].b0)
				continue;
			if (k > 0 && sg[k - 1].equal == sg[i].equal) {
				sg[k - 1].a1 = sg[i].a1;
				sg[k - 1].b1 = sg[i].b1;
			} else
				sg[k++] = sg[i];
		}
		if (k != n)
			again = 1;
		n = k;
	}
	return n;
}

static int
push_op(struct lsn_wop **ops, size_t *n, size_t *cap, int op,
    const char *text, size_t len)
{
	if (len == 0)
		return 0;
	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;
		struct lsn_wop *p = realloc(*ops, ncap * sizeof(**ops));
		if (p == NULL)
			return -1;
		*ops = p;
		*cap = ncap;
	}
	(*ops)[*n].op = op;
	(*ops)[*n].text = text;
	(*ops)[*n].len = len;
	(*n)++;
	return 0;
}

int
lsn_word_diff(const char *old, size_t olen, const char *new, size_t nlen,
    struct lsn_wop **ops, size_t *nops)
{
	struct seq	 a = { old, NULL, 0 }, b = { new, NULL, 0 };
	struct lsn_tok	*ta = NULL, *tb = NULL;
	unsigned char	*ka = NULL, *kb = NULL;
	struct seg	*sg = NULL;
	size_t		 pre = 0, suf = 0, i, j, nseg = 0, cap = 0;
	int		 rc = -1, found;

	*ops = NULL;
	*nops = 0;
	if (lsn_tokenize(old, olen, &ta, &a.n) == -1 ||
	    lsn_tokenize(new, nlen, &tb, &b.n) == -1)
		goto out;
	a.t = ta;
	b.t = tb;
	if ((ka = calloc(a.n + 1, 1)) == NULL ||
	    (kb = calloc(b.n + 1, 1)) == NULL)
		goto out;
	while (pre < a.n && pre < b.n && tok_eq(&a, pre, &b, pre)) {
		ka[pre] = kb[pre] = 1;
		pre++;
	}
	while (suf < a.n - pre && suf < b.n - pre &&
	    tok_eq(&a, a.n - 1 - suf, &b, b.n - 1 - suf)) {
		ka[a.n - 1 - suf] = kb[b.n - 1 - suf] = 1;
		suf++;
	}
	found = myers(&a, pre, a.n - suf, &b, pre, b.n - suf, ka, kb);
	if (found == -1)
		goto out;
	if (found == 0) {
		/* Too far apart: one whole replacement (as a reader sees it). */
		memset(ka, 0, a.n);
		memset(kb, 0, b.n);
	}
	/* Segments from the kept marks. */
	if ((sg = malloc((a.n + b.n + 1) * sizeof(*sg))) == NULL)
		goto out;
	i = j = 0;
	while (i < a.n || j < b.n) {
		struct seg s;
		s.a0 = i;
		s.b0 = j;
		if (i < a.n && j < b.n && ka[i] && kb[j]) {
			s.equal = 1;
			while (i < a.n && j < b.n && ka[i] && kb[j]) {
				i++;
				j++;
			}
		} else {
			s.equal = 0;
			while (i < a.n && !ka[i])
				i++;
			while (j < b.n && !kb[j])
				j++;
		}
		s.a1 = i;
		s.b1 = j;
		sg[nseg++] = s;
	}
	nseg = cleanup(&a, &b, sg, nseg);
	for (i = 0; i < nseg; i++) {
		size_t ao = sg[i].a0 < a.n ? a.t[sg[i].a0].off : olen;
		size_t bo = sg[i].b0 < b.n ? b.t[sg[i].b0].off : nlen;
		if (sg[i].equal) {
			if (push_op(ops, nops, &cap, LSN_WOP_EQUAL, old + ao,
			    range_bytes(&a, sg[i].a0, sg[i].a1)) == -1)
				goto out;
		} else if (push_op(ops, nops, &cap, LSN_WOP_DELETE, old + ao,
		    range_bytes(&a, sg[i].a0, sg[i].a1)) == -1 ||
		    push_op(ops, nops, &cap, LSN_WOP_INSERT, new + bo,
		    range_bytes(&b, sg[i].b0, sg[i].b1)) == -1)
			goto out;
	}
	rc = 0;
out:
	if (rc == -1) {
		free(*ops);
		*ops = NULL;
		*nops = 0;
	}
	free(ta);
	free(tb);
	free(ka);
	free(kb);
	free(sg);
	return rc;
}

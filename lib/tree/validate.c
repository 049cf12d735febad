/* SPDX-License-Identifier: MIT */
/*
 * validate.c: RELAX NG validation of our tree by derivatives.
 *
 * James Clark, "An algorithm for RELAX NG validation" (2002): a pattern
 * is reduced by each event of the document (start tag, attribute, end
 * of attributes, text, end tag) to the pattern the rest must match;
 * the document is valid when what is left is nullable. Patterns are
 * hash-consed (one index per distinct pattern), so a derivative is a
 * function of small integers and is remembered in one table: once the
 * shapes of a schema's documents have been seen, each node costs a few
 * look-ups and no allocation.
 *
 * One change to the algorithm keeps patterns from growing with the
 * depth of the document. A start tag turns the current pattern into a
 * choice of after(content, rest): the content the element must have,
 * and the rest its parent must then match. The rests are replaced by
 * holes numbered 0, 1, ... (their patterns kept on a stack, one frame
 * per open element), and the end tag turns the holes left back into
 * the rests. The pattern at any depth is then of the same small shape,
 * and its derivatives are remembered whatever the depth.
 *
 * The schema is read once per process with libxml2 and translated
 * here; a construct not implemented below refuses the schema rather
 * than being validated wrongly.
 */
#include "config.h"

#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlregexp.h>

#include "tree/schema-data.h"
#include "tree/tree.h"
#include "tree/validate.h"
#include "util/buf.h"
#include "util/error.h"

#define RNG_NS	"http://relaxng.org/ns/structure/1.0"
#define XSD_LIB	"http://www.w3.org/2001/XMLSchema-datatypes"

/*
 * The remembered patterns and derivatives of a schema are dropped (back
 * to the schema's own) before a validation once they pass these sizes:
 * a bound on the memory of a long-running process, far above what the
 * bundled schemas reach (a few thousand of each).
 */
#define MAX_PATTERNS	(1u << 20)
#define MAX_MEMO	(1u << 21)
/* Pattern facets per datatype, and the values one text or attribute
 * is tested against at once (bits of a 64-bit mask). */
#define MAX_PARAMS	4
#define MAX_LEAVES	64
/* XML Schema's integers are unbounded; libxml2's hold 24 significant
 * digits and it refuses longer ones. Its limit is kept, so that the
 * library's verdict does not change with the validator. */
#define MAX_DIGITS	24

enum pkind {
	P_NOTALLOWED, P_EMPTY, P_TEXT, P_CHOICE, P_INTERLEAVE, P_GROUP,
	P_ONEORMORE, P_LIST, P_DATA, P_DATAEXCEPT, P_VALUE, P_ATTRIBUTE,
	P_ELEMENT, P_AFTER, P_HOLE
};

/* The patterns every schema starts with, at these indices. */
#define PNA	0u
#define PEMPTY	1u
#define PTEXT	2u
/* Not a pattern: memory ran out (or, with g->toobig, a limit above). */
#define PERR	UINT32_MAX

/*
 * A pattern. Choices are kept canonical: a chain choice(x1, choice(x2,
 * ... xn)) of distinct non-choices in increasing index, so that equal
 * sets of alternatives are one pattern.
 */
struct pat {
	uint32_t	 a, b;  /* operands; ELEMENT: a content; ATTRIBUTE: a
				 * value pattern; VALUE: a string;
				 * DATAEXCEPT: a the except pattern */
	uint32_t	 x;     /* ELEMENT, ATTRIBUTE: name; DATA,
				 * DATAEXCEPT, VALUE: datatype; HOLE: number */
	/* Derivatives kept here rather than in the memo table, where the
	 * pattern alone is the key; PERR: not known yet. */
	uint32_t	 close;    /* end of attributes */
	uint32_t	 nokids;   /* no children at all */
	uint32_t	 tleaves;  /* its value-like patterns (vector) */
	uint32_t	 text;     /* by any text, when it has none */
	uint8_t		 kind;
	uint8_t		 nullable;
};

enum dkind {
	DT_STRING, DT_TOKEN,           /* the built-in library */
	DT_XSTRING, DT_XTOKEN, DT_INTEGER, DT_POSINT, DT_NONNEG
};

struct dtype {
	enum dkind	 kind;
	int		 nre;
	xmlRegexpPtr	 re[MAX_PARAMS];  /* pattern facets, all to match */
	char		*src[MAX_PARAMS];  /* their text, for messages */
};

/* Remembered results; op 0 is a free slot. */
enum memo_op {
	M_STO = 1,   /* (p, name) -> r, aux: the rests (vector) */
	M_ATT,       /* (p, name, mask) -> r */
	M_TEXT,      /* (p, mask) -> r */
	M_END,       /* (p, rests) -> r */
	M_ALEAVES    /* (p, name) -> aux: attribute value patterns */
};

struct memo {
	uint32_t	 op, p, k1;
	uint64_t	 k2;
	uint32_t	 r, aux;
};

/*
 * A schema, its patterns and remembered derivatives: used by one
 * validation at a time (see struct pool).
 */
struct grammar {
	struct grammar	*next;     /* in its pool */
	const char	*name;     /* "liaison.rng" */
	uint32_t	 start;

	struct pat	*pats;
	size_t		 npat, cappat, nbase; /* nbase: the schema's */
	uint32_t	*phash;    /* pattern + 1, or 0: free */
	size_t		 phcap;
	int		 toobig;   /* a bound above was passed: internal */

	struct memo	*memo;
	size_t		 mcap, mlen;
	/* Vectors: at an offset, the length then the items; 0 is empty. */
	uint32_t	*vec;
	size_t		 nvec, capvec;
	/* Scratch arrays for one derivative at a time. */
	uint32_t	*tmp, *ys;
	size_t		 captmp, capys;
	uint32_t	*stack;    /* the rests of each open element */
	size_t		 capstack;

	struct dtype	*dts;
	size_t		 ndt, capdt;
	char		**strs;    /* values, normalized for their type */
	size_t		 nstr, capstr;
	char		**names;   /* element, attribute names; 0: none */
	size_t		 nname, capname;
	uint32_t	*nhash;    /* name id, or 0: free */
	size_t		 nhcap;
};

/*
 * The grammars of one schema not in use. A validation takes one (or
 * reads the schema into a new one) and gives it back, so threads never
 * wait for each other's validations, and there are as many grammars as
 * validations ever ran at once, each warm. They live as long as the
 * process; one whose reading ran out of memory is not kept, and the
 * next validation reads the schema again.
 */
struct pool {
	const char	*name;
	pthread_mutex_t	 lock;
	struct grammar	*free;
};

static struct pool pools[] = {
	{ "liaison.rng", PTHREAD_MUTEX_INITIALIZER, NULL },
	{ "liaison-diff.rng", PTHREAD_MUTEX_INITIALIZER, NULL },
};

/* ------------------------------------------------------------------ */
/* Strings and names                                                   */

static int
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
all_ws(const char *s)
{
	while (is_ws(*s))
		s++;
	return *s == '\0';
}

static uint32_t
str_hash(const char *s)
{
	uint32_t	 h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static uint32_t
mix(uint32_t h)
{
	h ^= h >> 16;
	h *= 0x7feb352dU;
	h ^= h >> 15;
	h *= 0x846ca68bU;
	h ^= h >> 16;
	return h;
}

/* The id of name s, or 0 when the schema has no such name. */
static uint32_t
name_id_slow(const struct grammar *g, const char *s)
{
	size_t		 mask = g->nhcap - 1, i;
	uint32_t	 id;

	if (s == NULL)
		return 0;
	for (i = str_hash(s) & mask; (id = g->nhash[i]) != 0;
	    i = (i + 1) & mask)
		if (strcmp(g->names[id], s) == 0)
			return id;
	return 0;
}

/* The id of name s, added when new (load time): 0 when memory ran out. */
static uint32_t
name_add(struct grammar *g, const char *s)
{
	uint32_t	 id, *nh;
	size_t		 i, j, cap;
	char		*copy, **names;

	if (g->nhcap > 0 && (id = name_id_slow(g, s)) != 0)
		return id;
	if (g->nname == 0)
		g->nname = 1;   /* id 0 is no name */
	if ((g->nname + 1) * 2 > g->nhcap) {
		cap = g->nhcap > 0 ? g->nhcap * 2 : 64;
		if ((nh = calloc(cap, sizeof(*nh))) == NULL)
			return 0;
		for (j = 1; j < g->nname; j++) {
			for (i = str_hash(g->names[j]) & (cap - 1); nh[i] != 0;
			    i = (i + 1) & (cap - 1))
				;
			nh[i] = (uint32_t)j;
		}
		free(g->nhash);
		g->nhash = nh;
		g->nhcap = cap;
	}
	if ((names = lsn_array_grow(g->names, &g->capname, g->nname + 1,
	    sizeof(*g->names), 64)) == NULL)
		return 0;
	g->names = names;
	if ((copy = strdup(s)) == NULL)
		return 0;
	id = (uint32_t)g->nname++;
	g->names[id] = copy;
	for (i = str_hash(s) & (g->nhcap - 1); g->nhash[i] != 0;
	    i = (i + 1) & (g->nhcap - 1))
		;
	g->nhash[i] = id;
	return id;
}

/* s with XML white space collapsed (token normalization); the caller
 * frees it. NULL when memory ran out. */
static char *
collapse(const char *s)
{
	char	*out, *o;

	if ((out = malloc(strlen(s) + 1)) == NULL)
		return NULL;
	o = out;
	while (is_ws(*s))
		s++;
	while (*s != '\0') {
		if (is_ws(*s)) {
			while (is_ws(*s))
				s++;
			if (*s != '\0')
				*o++ = ' ';
			continue;
		}
		*o++ = *s++;
	}
	*o = '\0';
	return out;
}

/* 1 when s, collapsed, is norm (collapsed already). */
static int
token_eq(const char *norm, const char *s)
{
	while (is_ws(*s))
		s++;
	while (*s != '\0') {
		if (is_ws(*s)) {
			while (is_ws(*s))
				s++;
			if (*s == '\0')
				break;
			if (*norm++ != ' ')
				return 0;
			continue;
		}
		if (*norm++ != *s++)
			return 0;
	}
	return *norm == '\0';
}

/*
 * Reads an xsd:integer, white space collapsed: *neg for a '-' sign,
 * the digits without leading zeros in [*d, *d + *n) (*n == 0: zero).
 * 0, or -1 when s is no integer.
 */
static int
int_parse(const char *s, int *neg, const char **d, size_t *n)
{
	while (is_ws(*s))
		s++;
	*neg = 0;
	if (*s == '+' || *s == '-')
		*neg = *s++ == '-';
	if (*s < '0' || *s > '9')
		return -1;
	while (*s == '0')
		s++;
	*d = s;
	while (*s >= '0' && *s <= '9')
		s++;
	*n = (size_t)(s - *d);
	while (is_ws(*s))
		s++;
	return *s == '\0' && *n <= MAX_DIGITS ? 0 : -1;
}

/* The integer kinds' value space. */
static int
int_allowed(enum dkind k, int neg, size_t n)
{
	switch (k) {
	case DT_POSINT:
		return !neg && n > 0;
	case DT_NONNEG:
		/* "-0" is zero (XML Schema 1.0, nonNegativeInteger) */
		return !neg || n == 0;
	default:
		return 1;
	}
}

static int
is_int_kind(enum dkind k)
{
	return k == DT_INTEGER || k == DT_POSINT || k == DT_NONNEG;
}

/*
 * libxml2's regexp match, 1 or 0; -1 when memory ran out. Its
 * execution contexts can fail to allocate without saying so (a "no"):
 * a "no" is asked again, and a different answer is that failure.
 */
static int
re_match(xmlRegexpPtr re, const char *s)
{
	int	 rc;

	if ((rc = xmlRegexpExec(re, (const xmlChar *)s)) != 0)
		return rc > 0 ? 1 : -1;
	return xmlRegexpExec(re, (const xmlChar *)s) == 0 ? 0 : -1;
}

/* 1 when s is in the datatype's lexical and value space, 0 when not,
 * -1 when memory ran out. */
static int
dt_allows(const struct dtype *dt, const char *s)
{
	const char	*d;
	char		*c = NULL;
	size_t		 n;
	int		 neg, i, rc = 1;

	if (is_int_kind(dt->kind) && (int_parse(s, &neg, &d, &n) != 0 ||
	    !int_allowed(dt->kind, neg, n)))
		return 0;
	if (dt->nre == 0)
		return 1;
	/* facets apply to the value after white space processing */
	if (dt->kind != DT_XSTRING && (s = c = collapse(s)) == NULL)
		return -1;
	for (i = 0; i < dt->nre && rc == 1; i++)
		rc = re_match(dt->re[i], s);
	free(c);
	return rc;
}

/* 1 when s is the value `v` (normalized for the type at load), 0 when
 * not, -1 when memory ran out. */
static int
dt_equal(const struct dtype *dt, const char *v, const char *s)
{
	const char	*d;
	size_t		 n;
	int		 neg, rc;

	switch (dt->kind) {
	case DT_STRING:
		return strcmp(v, s) == 0;
	case DT_TOKEN:
		return token_eq(v, s);
	case DT_XSTRING:
	case DT_XTOKEN:
		if ((rc = dt_allows(dt, s)) != 1)
			return rc;
		return dt->kind == DT_XSTRING ? strcmp(v, s) == 0 :
		    token_eq(v, s);
	default:
		if ((rc = dt_allows(dt, s)) != 1)
			return rc;
		(void)int_parse(s, &neg, &d, &n);
		if (n > 0 && neg) {
			if (*v++ != '-')
				return 0;
		}
		if (n == 0)
			return strcmp(v, "0") == 0;
		return strlen(v) == n && memcmp(v, d, n) == 0;
	}
}

/* ------------------------------------------------------------------ */
/* Patterns                                                            */

static uint32_t
pat_hash(int kind, uint32_t a, uint32_t b, uint32_t x)
{
	return mix(mix(mix((uint32_t)kind * 0x9e3779b9U ^ a) ^ b) ^ x);
}

static void
phash_put(uint32_t *tab, size_t cap, const struct pat *p, uint32_t id)
{
	size_t	 i;

	for (i = pat_hash(p->kind, p->a, p->b, p->x) & (cap - 1); tab[i] != 0;
	    i = (i + 1) & (cap - 1))
		;
	tab[i] = id + 1;
}

/* Room for one more pattern: 0, or -1 (memory, or MAX_PATTERNS). */
static int
pat_room(struct grammar *g)
{
	uint32_t	*tab;
	size_t		 cap, i;
	struct pat	*pats;

	if (g->npat >= MAX_PATTERNS * 2) {
		g->toobig = 1;
		return -1;
	}
	if ((pats = lsn_array_grow(g->pats, &g->cappat, g->npat + 1,
	    sizeof(*g->pats), 256)) == NULL)
		return -1;
	g->pats = pats;
	if ((g->npat + 1) * 2 <= g->phcap)
		return 0;
	cap = g->phcap > 0 ? g->phcap * 2 : 512;
	if ((tab = calloc(cap, sizeof(*tab))) == NULL)
		return -1;
	for (i = 0; i < g->npat; i++)
		if (g->pats[i].kind != P_ELEMENT)
			phash_put(tab, cap, &g->pats[i], (uint32_t)i);
	free(g->phash);
	g->phash = tab;
	g->phcap = cap;
	return 0;
}

static uint8_t
nullable_of(const struct grammar *g, int kind, uint32_t a, uint32_t b)
{
	switch (kind) {
	case P_EMPTY:
	case P_TEXT:
		return 1;
	case P_CHOICE:
		return g->pats[a].nullable || g->pats[b].nullable;
	case P_GROUP:
	case P_INTERLEAVE:
		return g->pats[a].nullable && g->pats[b].nullable;
	case P_ONEORMORE:
		return g->pats[a].nullable;
	default:
		return 0;
	}
}

/* The one pattern (kind, a, b, x), or PERR. */
static uint32_t
intern(struct grammar *g, int kind, uint32_t a, uint32_t b, uint32_t x)
{
	size_t		 mask, i;
	uint32_t	 id;
	struct pat	*p;

	if (g->phcap > 0) {
		mask = g->phcap - 1;
		for (i = pat_hash(kind, a, b, x) & mask;
		    (id = g->phash[i]) != 0; i = (i + 1) & mask) {
			p = &g->pats[id - 1];
			if (p->kind == kind && p->a == a && p->b == b &&
			    p->x == x)
				return id - 1;
		}
	}
	if (pat_room(g) != 0)
		return PERR;
	p = &g->pats[g->npat];
	p->kind = (uint8_t)kind;
	p->a = a;
	p->b = b;
	p->x = x;
	p->nullable = nullable_of(g, kind, a, b);
	p->close = p->nokids = p->tleaves = p->text = PERR;
	phash_put(g->phash, g->phcap, p, (uint32_t)g->npat);
	return (uint32_t)g->npat++;
}

/* Room for n more items in a scratch array. */
static int
scratch(uint32_t **v, size_t *cap, size_t n)
{
	uint32_t	*nv;

	if ((nv = lsn_array_grow(*v, cap, n, sizeof(**v), 64)) == NULL)
		return -1;
	*v = nv;
	return 0;
}

/* Appends the alternatives of choice chain p to g->tmp at *n. */
static int
chain_push(struct grammar *g, uint32_t p, size_t *n)
{
	for (;;) {
		if (scratch(&g->tmp, &g->captmp, *n + 1) != 0)
			return -1;
		if (g->pats[p].kind != P_CHOICE) {
			g->tmp[(*n)++] = p;
			return 0;
		}
		g->tmp[(*n)++] = g->pats[p].a;
		p = g->pats[p].b;
	}
}

static uint32_t
mk_choice(struct grammar *g, uint32_t a, uint32_t b)
{
	size_t		 na = 0, nb, i, j, n;
	uint32_t	 acc;

	if (a == PERR || b == PERR)
		return PERR;
	if (a == PNA || a == b)
		return b;
	if (b == PNA)
		return a;
	if (g->pats[a].kind != P_CHOICE && g->pats[b].kind != P_CHOICE)
		return a < b ? intern(g, P_CHOICE, a, b, 0) :
		    intern(g, P_CHOICE, b, a, 0);
	/* merge the two sorted chains */
	if (chain_push(g, a, &na) != 0)
		return PERR;
	nb = na;
	if (chain_push(g, b, &nb) != 0 ||
	    scratch(&g->tmp, &g->captmp, nb * 2) != 0)
		return PERR;
	n = nb;
	for (i = 0, j = na; i < na || j < nb;) {
		if (j == nb || (i < na && g->tmp[i] < g->tmp[j]))
			g->tmp[n++] = g->tmp[i++];
		else if (i == na || g->tmp[j] < g->tmp[i])
			g->tmp[n++] = g->tmp[j++];
		else {
			g->tmp[n++] = g->tmp[i++];
			j++;
		}
	}
	acc = g->tmp[--n];
	while (n > nb && acc != PERR) {
		n--;
		acc = intern(g, P_CHOICE, g->tmp[n], acc, 0);
	}
	return acc;
}

static uint32_t
mk_group(struct grammar *g, uint32_t a, uint32_t b)
{
	if (a == PERR || b == PERR)
		return PERR;
	if (a == PNA || b == PNA)
		return PNA;
	if (a == PEMPTY)
		return b;
	if (b == PEMPTY)
		return a;
	return intern(g, P_GROUP, a, b, 0);
}

static uint32_t
mk_interleave(struct grammar *g, uint32_t a, uint32_t b)
{
	if (a == PERR || b == PERR)
		return PERR;
	if (a == PNA || b == PNA)
		return PNA;
	if (a == PEMPTY)
		return b;
	if (b == PEMPTY)
		return a;
	return intern(g, P_INTERLEAVE, a, b, 0);
}

static uint32_t
mk_after(struct grammar *g, uint32_t a, uint32_t b)
{
	if (a == PERR || b == PERR)
		return PERR;
	if (a == PNA || b == PNA)
		return PNA;
	return intern(g, P_AFTER, a, b, 0);
}

static uint32_t
mk_oneormore(struct grammar *g, uint32_t a)
{
	if (a == PERR || a == PNA || a == PEMPTY)
		return a;
	return intern(g, P_ONEORMORE, a, 0, 0);
}

/* ------------------------------------------------------------------ */
/* Remembered results and vectors                                      */

/* Cheaper than mix(): it runs several times per node. */
static uint32_t
memo_hash(uint32_t op, uint32_t p, uint32_t k1, uint64_t k2)
{
	uint64_t	 h;

	h = (p * 0x9e3779b97f4a7c15ULL) ^ (k1 * 0xc2b2ae3d27d4eb4fULL) ^
	    ((k2 + op) * 0x165667b19e3779f9ULL);
	return (uint32_t)(h >> 32) ^ (uint32_t)h;
}

static const struct memo *
memo_get(const struct grammar *g, uint32_t op, uint32_t p, uint32_t k1,
    uint64_t k2)
{
	size_t			 mask, i;
	const struct memo	*m;

	if (g->mcap == 0)
		return NULL;
	mask = g->mcap - 1;
	for (i = memo_hash(op, p, k1, k2) & mask; g->memo[i].op != 0;
	    i = (i + 1) & mask) {
		m = &g->memo[i];
		if (m->op == op && m->p == p && m->k1 == k1 && m->k2 == k2)
			return m;
	}
	return NULL;
}

static void
memo_place(struct memo *tab, size_t cap, const struct memo *m)
{
	size_t	 i;

	for (i = memo_hash(m->op, m->p, m->k1, m->k2) & (cap - 1);
	    tab[i].op != 0; i = (i + 1) & (cap - 1))
		;
	tab[i] = *m;
}

/* Remembers a result: 0, or -1 when memory ran out. */
static int
memo_put(struct grammar *g, uint32_t op, uint32_t p, uint32_t k1,
    uint64_t k2, uint32_t r, uint32_t aux)
{
	struct memo	 m, *tab;
	size_t		 cap, i;

	if (g->mlen >= MAX_MEMO * 2) {
		g->toobig = 1;
		return -1;
	}
	if ((g->mlen + 1) * 2 > g->mcap) {
		cap = g->mcap > 0 ? g->mcap * 2 : 1024;
		if ((tab = calloc(cap, sizeof(*tab))) == NULL)
			return -1;
		for (i = 0; i < g->mcap; i++)
			if (g->memo[i].op != 0)
				memo_place(tab, cap, &g->memo[i]);
		free(g->memo);
		g->memo = tab;
		g->mcap = cap;
	}
	m.op = op;
	m.p = p;
	m.k1 = k1;
	m.k2 = k2;
	m.r = r;
	m.aux = aux;
	memo_place(g->memo, g->mcap, &m);
	g->mlen++;
	return 0;
}

/* Stores v[0..n) as a vector: its offset, or PERR. */
static uint32_t
vec_add(struct grammar *g, const uint32_t *v, size_t n)
{
	uint32_t	*nv, off;

	if (g->nvec + n + 1 > UINT32_MAX / 2) {
		g->toobig = 1;
		return PERR;
	}
	if ((nv = lsn_array_grow(g->vec, &g->capvec, g->nvec + n + 1,
	    sizeof(*g->vec), 1024)) == NULL)
		return PERR;
	g->vec = nv;
	off = (uint32_t)g->nvec;
	g->vec[off] = (uint32_t)n;
	if (n > 0)
		memcpy(g->vec + off + 1, v, n * sizeof(*v));
	g->nvec += n + 1;
	return off;
}

/* ------------------------------------------------------------------ */
/* Derivatives                                                         */

/* What an attribute or text derivative needs to know: the value-like
 * patterns (a vector) and which of them the string matched. */
struct dctx {
	uint32_t	 name;
	uint32_t	 leaves;   /* vector offset */
	uint64_t	 mask;
};

static int
leaf_bit(const struct grammar *g, const struct dctx *c, uint32_t leaf)
{
	uint32_t	 n = g->vec[c->leaves], i;

	for (i = 0; i < n; i++)
		if (g->vec[c->leaves + 1 + i] == leaf)
			return (int)((c->mask >> i) & 1);
	return 0;
}

enum after_op { AF_GROUP, AF_INTER_R, AF_INTER_L, AF_AFTER };

/* Applies f(y) = op(y, arg) to the second operand of every after in
 * the choice p (Clark's applyAfter). */
static uint32_t
apply_after(struct grammar *g, enum after_op op, uint32_t arg, uint32_t p)
{
	struct pat	 q;
	uint32_t	 y;

	if (p == PERR)
		return PERR;
	q = g->pats[p];
	switch (q.kind) {
	case P_AFTER:
		switch (op) {
		case AF_GROUP:
			y = mk_group(g, q.b, arg);
			break;
		case AF_INTER_R:
			y = mk_interleave(g, q.b, arg);
			break;
		case AF_INTER_L:
			y = mk_interleave(g, arg, q.b);
			break;
		default:
			y = mk_after(g, q.b, arg);
			break;
		}
		return mk_after(g, q.a, y);
	case P_CHOICE:
		y = apply_after(g, op, arg, q.a);
		return mk_choice(g, y, apply_after(g, op, arg, q.b));
	default:
		return PNA;
	}
}

static uint32_t
start_tag_open(struct grammar *g, uint32_t p, uint32_t name)
{
	struct pat	 q = g->pats[p];
	uint32_t	 x;

	switch (q.kind) {
	case P_CHOICE:
		x = start_tag_open(g, q.a, name);
		return mk_choice(g, x, start_tag_open(g, q.b, name));
	case P_ELEMENT:
		return q.x == name ? mk_after(g, q.a, PEMPTY) : PNA;
	case P_INTERLEAVE:
		x = apply_after(g, AF_INTER_R, q.b, start_tag_open(g, q.a,
		    name));
		return mk_choice(g, x, apply_after(g, AF_INTER_L, q.a,
		    start_tag_open(g, q.b, name)));
	case P_ONEORMORE:
		x = mk_choice(g, p, PEMPTY);
		return apply_after(g, AF_GROUP, x, start_tag_open(g, q.a,
		    name));
	case P_GROUP:
		x = apply_after(g, AF_GROUP, q.b, start_tag_open(g, q.a,
		    name));
		if (!g->pats[q.a].nullable)
			return x;
		return mk_choice(g, x, start_tag_open(g, q.b, name));
	case P_AFTER:
		return apply_after(g, AF_AFTER, q.b, start_tag_open(g, q.a,
		    name));
	default:
		return PNA;
	}
}

static uint32_t
att_deriv(struct grammar *g, uint32_t p, const struct dctx *c)
{
	struct pat	 q = g->pats[p];
	uint32_t	 x, y;

	switch (q.kind) {
	case P_AFTER:
		return mk_after(g, att_deriv(g, q.a, c), q.b);
	case P_CHOICE:
		x = att_deriv(g, q.a, c);
		return mk_choice(g, x, att_deriv(g, q.b, c));
	case P_GROUP:
		x = mk_group(g, att_deriv(g, q.a, c), q.b);
		y = mk_group(g, q.a, att_deriv(g, q.b, c));
		return mk_choice(g, x, y);
	case P_INTERLEAVE:
		x = mk_interleave(g, att_deriv(g, q.a, c), q.b);
		y = mk_interleave(g, q.a, att_deriv(g, q.b, c));
		return mk_choice(g, x, y);
	case P_ONEORMORE:
		x = att_deriv(g, q.a, c);
		return mk_group(g, x, mk_choice(g, p, PEMPTY));
	case P_ATTRIBUTE:
		return q.x == c->name && leaf_bit(g, c, q.a) ? PEMPTY : PNA;
	default:
		return PNA;
	}
}

static uint32_t
close_deriv(struct grammar *g, uint32_t p)
{
	struct pat	 q = g->pats[p];
	uint32_t	 x;

	switch (q.kind) {
	case P_AFTER:
		return mk_after(g, close_deriv(g, q.a), q.b);
	case P_CHOICE:
		x = close_deriv(g, q.a);
		return mk_choice(g, x, close_deriv(g, q.b));
	case P_GROUP:
		x = close_deriv(g, q.a);
		return mk_group(g, x, close_deriv(g, q.b));
	case P_INTERLEAVE:
		x = close_deriv(g, q.a);
		return mk_interleave(g, x, close_deriv(g, q.b));
	case P_ONEORMORE:
		return mk_oneormore(g, close_deriv(g, q.a));
	case P_ATTRIBUTE:
		return PNA;
	default:
		return p;
	}
}

static uint32_t
text_deriv_in(struct grammar *g, uint32_t p, const struct dctx *c)
{
	struct pat	 q = g->pats[p];
	uint32_t	 x, y;

	switch (q.kind) {
	case P_CHOICE:
		x = text_deriv_in(g, q.a, c);
		return mk_choice(g, x, text_deriv_in(g, q.b, c));
	case P_INTERLEAVE:
		x = mk_interleave(g, text_deriv_in(g, q.a, c), q.b);
		y = mk_interleave(g, q.a, text_deriv_in(g, q.b, c));
		return mk_choice(g, x, y);
	case P_GROUP:
		x = mk_group(g, text_deriv_in(g, q.a, c), q.b);
		if (!g->pats[q.a].nullable)
			return x;
		return mk_choice(g, x, text_deriv_in(g, q.b, c));
	case P_AFTER:
		return mk_after(g, text_deriv_in(g, q.a, c), q.b);
	case P_ONEORMORE:
		x = text_deriv_in(g, q.a, c);
		return mk_group(g, x, mk_choice(g, p, PEMPTY));
	case P_TEXT:
		return p;
	case P_VALUE:
	case P_DATA:
	case P_DATAEXCEPT:
	case P_LIST:
		return leaf_bit(g, c, p) ? PEMPTY : PNA;
	default:
		return PNA;
	}
}

/* Adds v to the scratch set g->ys[0..*n) unless there. */
static int
set_add(struct grammar *g, size_t *n, uint32_t v)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if (g->ys[i] == v)
			return 0;
	if (scratch(&g->ys, &g->capys, *n + 1) != 0)
		return -1;
	g->ys[(*n)++] = v;
	return 0;
}

/* The value-like patterns a text derivative of p looks at (name 0), or
 * the value patterns of p's attributes named `name`, into g->ys. */
static int
collect_leaves(struct grammar *g, uint32_t p, uint32_t name, int att,
    size_t *n)
{
	struct pat	 q = g->pats[p];

	switch (q.kind) {
	case P_CHOICE:
	case P_INTERLEAVE:
		if (collect_leaves(g, q.a, name, att, n) != 0)
			return -1;
		return collect_leaves(g, q.b, name, att, n);
	case P_GROUP:
		if (collect_leaves(g, q.a, name, att, n) != 0)
			return -1;
		if (!att && !g->pats[q.a].nullable)
			return 0;
		return collect_leaves(g, q.b, name, att, n);
	case P_AFTER:
	case P_ONEORMORE:
		return collect_leaves(g, q.a, name, att, n);
	case P_ATTRIBUTE:
		return att && q.x == name ? set_add(g, n, q.a) : 0;
	case P_VALUE:
	case P_DATA:
	case P_DATAEXCEPT:
	case P_LIST:
		return att ? 0 : set_add(g, n, p);
	default:
		return 0;
	}
}

/* The leaves vector of p (remembered), or PERR. */
static uint32_t
leaves_of(struct grammar *g, uint32_t p, uint32_t name, int att)
{
	const struct memo	*m;
	uint32_t		 off;
	size_t			 n = 0;

	if (!att && g->pats[p].tleaves != PERR)
		return g->pats[p].tleaves;
	if (att && (m = memo_get(g, M_ALEAVES, p, name, 0)) != NULL)
		return m->aux;
	if (collect_leaves(g, p, name, att, &n) != 0)
		return PERR;
	if (n > MAX_LEAVES) {
		g->toobig = 1;
		return PERR;
	}
	if ((off = vec_add(g, g->ys, n)) == PERR ||
	    (att && memo_put(g, M_ALEAVES, p, name, 0, 0, off) != 0))
		return PERR;
	if (!att)
		g->pats[p].tleaves = off;
	return off;
}

static uint32_t text_deriv(struct grammar *, uint32_t, const char *);
static int leaf_match(struct grammar *, uint32_t, const char *);

/* 1 when s matches p as a whole attribute value or text; 0; -1 when
 * memory ran out (Clark's valueMatch). */
static int
value_match(struct grammar *g, uint32_t p, const char *s)
{
	struct pat	 q = g->pats[p];
	uint32_t	 r;
	int		 rc;

	if (p == PTEXT || (q.nullable && all_ws(s)))
		return 1;
	/* the common shapes, without a derivative: a value or datatype,
	 * a choice of them */
	switch (q.kind) {
	case P_VALUE:
	case P_DATA:
	case P_DATAEXCEPT:
	case P_LIST:
		return leaf_match(g, p, s);
	case P_CHOICE:
		if ((rc = value_match(g, q.a, s)) != 0)
			return rc;
		return value_match(g, q.b, s);
	default:
		break;
	}
	if ((r = text_deriv(g, p, s)) == PERR)
		return -1;
	return g->pats[r].nullable;
}

/* 1 when s matches the list pattern's content, token by token. */
static int
list_match(struct grammar *g, uint32_t p, const char *s)
{
	char		 small[64], *tok;
	size_t		 len;
	const char	*e;

	for (;;) {
		while (is_ws(*s))
			s++;
		if (*s == '\0')
			return g->pats[p].nullable;
		for (e = s; *e != '\0' && !is_ws(*e); e++)
			;
		len = (size_t)(e - s);
		tok = len < sizeof(small) ? small : malloc(len + 1);
		if (tok == NULL)
			return -1;
		memcpy(tok, s, len);
		tok[len] = '\0';
		p = text_deriv(g, p, tok);
		if (tok != small)
			free(tok);
		if (p == PERR)
			return -1;
		if (p == PNA)
			return 0;
		s = e;
	}
}

/* 1 when the value-like pattern leaf matches s, 0, -1. */
static int
leaf_match(struct grammar *g, uint32_t leaf, const char *s)
{
	struct pat	 q = g->pats[leaf];
	int		 rc;

	switch (q.kind) {
	case P_VALUE:
		return dt_equal(&g->dts[q.x], g->strs[q.a], s);
	case P_DATA:
		return dt_allows(&g->dts[q.x], s);
	case P_DATAEXCEPT:
		if ((rc = dt_allows(&g->dts[q.x], s)) != 1)
			return rc;
		if ((rc = value_match(g, q.a, s)) < 0)
			return rc;
		return !rc;
	case P_LIST:
		return list_match(g, q.a, s);
	default:
		return 0;
	}
}

/* Fills c->mask: which of the leaves match s. 0, or -1. */
static int
match_leaves(struct grammar *g, struct dctx *c, const char *s, int att)
{
	uint32_t	 i, n = g->vec[c->leaves], leaf;
	int		 rc;

	c->mask = 0;
	for (i = 0; i < n; i++) {
		leaf = g->vec[c->leaves + 1 + i];
		rc = att ? value_match(g, leaf, s) : leaf_match(g, leaf, s);
		if (rc < 0)
			return -1;
		if (rc)
			c->mask |= (uint64_t)1 << i;
	}
	return 0;
}

/* p's derivative by text s (remembered by which leaves s matched). */
static uint32_t
text_deriv(struct grammar *g, uint32_t p, const char *s)
{
	const struct memo	*m;
	struct dctx		 c;
	uint32_t		 r;

	if ((r = g->pats[p].text) != PERR)
		return r;
	c.name = 0;
	if ((c.leaves = leaves_of(g, p, 0, 0)) == PERR ||
	    match_leaves(g, &c, s, 0) != 0)
		return PERR;
	if ((m = memo_get(g, M_TEXT, p, 0, c.mask)) != NULL)
		return m->r;
	if ((r = text_deriv_in(g, p, &c)) == PERR ||
	    memo_put(g, M_TEXT, p, 0, c.mask, r, 0) != 0)
		return PERR;
	/* without value-like patterns, every text is the same */
	if (g->vec[c.leaves] == 0)
		g->pats[p].text = r;
	return r;
}

static uint32_t
att_deriv_memo(struct grammar *g, uint32_t p, uint32_t name, const char *s)
{
	const struct memo	*m;
	struct dctx		 c;
	uint32_t		 r;

	c.name = name;
	if ((c.leaves = leaves_of(g, p, name, 1)) == PERR ||
	    match_leaves(g, &c, s, 1) != 0)
		return PERR;
	if ((m = memo_get(g, M_ATT, p, name, c.mask)) != NULL)
		return m->r;
	if ((r = att_deriv(g, p, &c)) == PERR ||
	    memo_put(g, M_ATT, p, name, c.mask, r, 0) != 0)
		return PERR;
	return r;
}

static uint32_t
close_memo(struct grammar *g, uint32_t p)
{
	uint32_t	 r;

	if ((r = g->pats[p].close) != PERR)
		return r;
	if ((r = close_deriv(g, p)) != PERR)
		g->pats[p].close = r;
	return r;
}

/* An element with no children: its content is the empty text. */
static uint32_t
nokids_memo(struct grammar *g, uint32_t p)
{
	uint32_t	 r;

	if ((r = g->pats[p].nokids) != PERR)
		return r;
	if ((r = mk_choice(g, p, text_deriv(g, p, ""))) != PERR)
		g->pats[p].nokids = r;
	return r;
}

/*
 * The start tag `name` in p: *r the element's pattern, a choice of
 * after(content, hole k), and *rests the vector of what each hole k
 * stands for in p's level. 0, or -1.
 */
static int
start_tag(struct grammar *g, uint32_t p, uint32_t name, uint32_t *r,
    uint32_t *rests)
{
	const struct memo	*m;
	uint32_t		 d, t, acc = PNA, y, hole;
	size_t			 n = 0, k;
	struct pat		 q;

	if ((m = memo_get(g, M_STO, p, name, 0)) != NULL) {
		*r = m->r;
		*rests = m->aux;
		return 0;
	}
	if ((d = start_tag_open(g, p, name)) == PERR)
		return -1;
	/* d is a choice chain of afters: give each rest a hole */
	for (t = d; d != PNA; t = q.b) {
		q = g->pats[t];
		y = q.kind == P_CHOICE ? q.a : t;
		if (set_add(g, &n, g->pats[y].b) != 0)
			return -1;
		for (k = 0; g->ys[k] != g->pats[y].b; k++)
			;
		if ((hole = intern(g, P_HOLE, 0, 0, (uint32_t)k)) == PERR)
			return -1;
		acc = mk_choice(g, acc, mk_after(g, g->pats[y].a, hole));
		if (acc == PERR)
			return -1;
		if (q.kind != P_CHOICE)
			break;
	}
	if ((*rests = vec_add(g, g->ys, n)) == PERR ||
	    memo_put(g, M_STO, p, name, 0, acc, *rests) != 0)
		return -1;
	*r = acc;
	return 0;
}

/* The end tag in p: the choice of the rests whose content is done. */
static uint32_t
end_tag(struct grammar *g, uint32_t p, uint32_t rests)
{
	const struct memo	*m;
	uint32_t		 acc = PNA, t;
	struct pat		 q, a;

	if ((m = memo_get(g, M_END, p, rests, 0)) != NULL)
		return m->r;
	for (t = p; t != PNA; t = q.b) {
		q = g->pats[t];
		a = q.kind == P_CHOICE ? g->pats[q.a] : q;
		if (a.kind == P_AFTER && g->pats[a.a].nullable)
			acc = mk_choice(g, acc,
			    g->vec[rests + 1 + g->pats[a.b].x]);
		if (acc == PERR)
			return PERR;
		if (q.kind != P_CHOICE)
			break;
	}
	if (memo_put(g, M_END, p, rests, 0, acc, 0) != 0)
		return PERR;
	return acc;
}

/* ------------------------------------------------------------------ */
/* Loading the schema                                                  */

struct ldef {
	xmlChar		*name;
	xmlNodePtr	 node;
	uint32_t	 pat;
	int		 state;   /* 0 not yet, 1 in progress, 2 done */
};

struct lwork {
	uint32_t	 el;
	xmlNodePtr	 node;
};

struct loader {
	struct grammar	*g;
	struct ldef	*defs;
	size_t		 ndef, capdef;
	struct lwork	*work;
	size_t		 nwork, capwork;
	xmlNodePtr	 start;
	int		 nomem;     /* libxml2 said so */
	char		 why[200];  /* why the schema is refused */
};

static int
is_rng(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrEqual(n->ns->href, BAD_CAST RNG_NS) &&
	    (name == NULL || xmlStrEqual(n->name, BAD_CAST name));
}

static uint32_t
refuse(struct loader *ld, xmlNodePtr n, const char *what)
{
	if (ld->why[0] == '\0')
		snprintf(ld->why, sizeof(ld->why), "line %ld: %s <%s>", 
		    xmlGetLineNo(n), what, (const char *)n->name);
	return PERR;
}

/* The inherited value of attribute `attr` at n (datatypeLibrary, ns),
 * or "" when none; the caller frees it with xmlFree. NULL: memory. */
static xmlChar *
inherited(xmlNodePtr n, const char *attr)
{
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (xmlHasProp(n, BAD_CAST attr) != NULL)
			return xmlGetProp(n, BAD_CAST attr);
	return xmlStrdup(BAD_CAST "");
}

/* The name of an element or attribute pattern: its id, or 0 (refused,
 * or memory). */
static uint32_t
pattern_name(struct loader *ld, xmlNodePtr n, int element)
{
	xmlNodePtr	 c, at = n;
	xmlChar		*name = NULL, *ns;
	uint32_t	 id = 0;

	if (xmlHasProp(n, BAD_CAST "name") != NULL) {
		if ((name = xmlGetProp(n, BAD_CAST "name")) == NULL)
			return 0;
	} else {
		for (c = n->children; c != NULL && !is_rng(c, NULL);
		    c = c->next)
			;
		if (c == NULL || !is_rng(c, "name")) {
			refuse(ld, n, "a name class other than a name in");
			return 0;
		}
		at = c;
		if ((name = xmlNodeGetContent(c)) == NULL)
			return 0;
	}
	/* an attribute's namespace is "" unless its own ns says */
	ns = element ? inherited(at, "ns") :
	    xmlHasProp(at, BAD_CAST "ns") != NULL ?
	    xmlGetProp(at, BAD_CAST "ns") : xmlStrdup(BAD_CAST "");
	if (ns == NULL)
		goto out;
	if (ns[0] != '\0' || xmlStrchr(name, ':') != NULL)
		refuse(ld, n, "a namespace in");
	else if ((id = name_add(ld->g, (const char *)name)) == 0)
		ld->nomem = 1;
	xmlFree(ns);
out:
	xmlFree(name);
	return id;
}

static uint32_t translate(struct loader *, xmlNodePtr);

/* The patterns of n's children, in a group (kind P_GROUP), choice or
 * interleave; `none` when there is none. */
static uint32_t
translate_children(struct loader *ld, xmlNodePtr n, int kind, uint32_t none)
{
	xmlNodePtr	 c;
	uint32_t	 acc = PERR, x;

	for (c = n->children; c != NULL; c = c->next) {
		if (!is_rng(c, NULL) || is_rng(c, "name") ||
		    is_rng(c, "param") || is_rng(c, "except"))
			continue;
		if ((x = translate(ld, c)) == PERR)
			return PERR;
		if (acc == PERR)
			acc = x;
		else if (kind == P_CHOICE)
			acc = mk_choice(ld->g, acc, x);
		else if (kind == P_INTERLEAVE)
			acc = mk_interleave(ld->g, acc, x);
		else
			acc = mk_group(ld->g, acc, x);
		if (acc == PERR)
			return PERR;
	}
	return acc == PERR ? none : acc;
}

static int
dt_add(struct loader *ld, enum dkind kind)
{
	struct grammar	*g = ld->g;
	struct dtype	*dts;

	if ((dts = lsn_array_grow(g->dts, &g->capdt, g->ndt + 1,
	    sizeof(*g->dts), 16)) == NULL)
		return -1;
	g->dts = dts;
	memset(&g->dts[g->ndt], 0, sizeof(g->dts[0]));
	g->dts[g->ndt].kind = kind;
	return (int)g->ndt++;
}

/* The datatype of a data or value element, a new one or (without
 * parameters) a shared one: its index, or -1 (refused, or memory). */
static int
datatype(struct loader *ld, xmlNodePtr n, int with_params)
{
	static const struct {
		const char	*lib, *name;
		enum dkind	 kind;
	} known[] = {
		{ "", "string", DT_STRING },
		{ "", "token", DT_TOKEN },
		{ XSD_LIB, "string", DT_XSTRING },
		{ XSD_LIB, "token", DT_XTOKEN },
		{ XSD_LIB, "integer", DT_INTEGER },
		{ XSD_LIB, "positiveInteger", DT_POSINT },
		{ XSD_LIB, "nonNegativeInteger", DT_NONNEG },
	};
	struct grammar	*g = ld->g;
	xmlChar		*lib = NULL, *type, *pname = NULL, *src;
	xmlNodePtr	 c;
	size_t		 i;
	int		 dt = -1, nparams = 0;
	struct dtype	*d;

	if (xmlHasProp(n, BAD_CAST "type") != NULL) {
		if ((type = xmlGetProp(n, BAD_CAST "type")) == NULL ||
		    (lib = inherited(n, "datatypeLibrary")) == NULL) {
			xmlFree(type);
			ld->nomem = 1;
			return -1;
		}
	} else if ((type = xmlStrdup(BAD_CAST "token")) == NULL ||
	    (lib = xmlStrdup(BAD_CAST "")) == NULL) {
		xmlFree(type);
		ld->nomem = 1;
		return -1;
	}
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (xmlStrEqual(lib, BAD_CAST known[i].lib) &&
		    xmlStrEqual(type, BAD_CAST known[i].name))
			break;
	if (i == sizeof(known) / sizeof(known[0])) {
		refuse(ld, n, "a datatype not implemented in");
		goto out;
	}
	for (c = n->children; with_params && c != NULL; c = c->next)
		if (is_rng(c, "param"))
			nparams++;
	if (nparams == 0) {
		for (dt = 0; dt < (int)g->ndt; dt++)
			if (g->dts[dt].kind == known[i].kind &&
			    g->dts[dt].nre == 0)
				goto out;
	}
	if ((dt = dt_add(ld, known[i].kind)) < 0) {
		ld->nomem = 1;
		goto out;
	}
	if (nparams > 0 && (known[i].kind == DT_STRING ||
	    known[i].kind == DT_TOKEN || nparams > MAX_PARAMS)) {
		refuse(ld, n, "parameters not implemented in");
		dt = -1;
		goto out;
	}
	for (c = n->children; nparams > 0 && c != NULL; c = c->next) {
		if (!is_rng(c, "param"))
			continue;
		d = &g->dts[dt];
		if (xmlHasProp(c, BAD_CAST "name") != NULL &&
		    (pname = xmlGetProp(c, BAD_CAST "name")) == NULL) {
			ld->nomem = 1;
			dt = -1;
			goto out;
		}
		if (xmlHasProp(c, BAD_CAST "name") == NULL ||
		    !xmlStrEqual(pname, BAD_CAST "pattern")) {
			xmlFree(pname);
			refuse(ld, c, "a facet other than pattern in");
			dt = -1;
			goto out;
		}
		xmlFree(pname);
		if ((src = xmlNodeGetContent(c)) == NULL ||
		    (d->src[d->nre] = strdup((const char *)src)) == NULL) {
			xmlFree(src);
			ld->nomem = 1;
			dt = -1;
			goto out;
		}
		d->re[d->nre] = xmlRegexpCompile(src);
		xmlFree(src);
		if (d->re[d->nre] == NULL) {
			free(d->src[d->nre]);
			d->src[d->nre] = NULL;
			/* a bad pattern says so; memory may run out silently */
			if (ld->why[0] == '\0')
				ld->nomem = 1;
			dt = -1;
			goto out;
		}
		d->nre++;
	}
out:
	xmlFree(type);
	xmlFree(lib);
	return dt;
}

/* A value pattern: the text normalized for its type, shared. */
static uint32_t
value_pattern(struct loader *ld, xmlNodePtr n)
{
	struct grammar	*g = ld->g;
	xmlChar		*text;
	char		*v = NULL, **strs;
	const char	*d;
	size_t		 i, len;
	int		 dt, neg;

	if ((dt = datatype(ld, n, 0)) < 0)
		return PERR;
	if ((text = xmlNodeGetContent(n)) == NULL) {
		ld->nomem = 1;
		return PERR;
	}
	switch (g->dts[dt].kind) {
	case DT_STRING:
	case DT_XSTRING:
		v = strdup((const char *)text);
		break;
	case DT_TOKEN:
	case DT_XTOKEN:
		v = collapse((const char *)text);
		break;
	default:
		if (int_parse((const char *)text, &neg, &d, &len) != 0 ||
		    !int_allowed(g->dts[dt].kind, neg, len)) {
			xmlFree(text);
			return refuse(ld, n, "a value out of its type in");
		}
		if ((v = malloc(len + 3)) != NULL)
			snprintf(v, len + 3, "%s%.*s", neg && len > 0 ? "-" :
			    "", len > 0 ? (int)len : 1, len > 0 ? d : "0");
		break;
	}
	xmlFree(text);
	if (v == NULL) {
		ld->nomem = 1;
		return PERR;
	}
	for (i = 0; i < g->nstr && strcmp(g->strs[i], v) != 0; i++)
		;
	if (i < g->nstr)
		free(v);
	else {
		if ((strs = lsn_array_grow(g->strs, &g->capstr, g->nstr + 1,
		    sizeof(*g->strs), 64)) == NULL) {
			free(v);
			ld->nomem = 1;
			return PERR;
		}
		g->strs = strs;
		g->strs[g->nstr++] = v;
	}
	return intern(g, P_VALUE, (uint32_t)i, 0, (uint32_t)dt);
}

static uint32_t
ref_pattern(struct loader *ld, xmlNodePtr n)
{
	xmlChar		*name;
	size_t		 i;
	struct ldef	*d;

	if (xmlHasProp(n, BAD_CAST "name") == NULL)
		return refuse(ld, n, "no name in");
	if ((name = xmlGetProp(n, BAD_CAST "name")) == NULL)
		return PERR;
	for (i = 0; i < ld->ndef && !xmlStrEqual(ld->defs[i].name, name); i++)
		;
	xmlFree(name);
	if (i == ld->ndef)
		return refuse(ld, n, "an undefined name in");
	d = &ld->defs[i];
	if (d->state == 2)
		return d->pat;
	if (d->state == 1)
		return refuse(ld, n, "recursion outside an element at");
	d->state = 1;
	d->pat = translate_children(ld, d->node, P_GROUP, PEMPTY);
	/* translate may have moved ld->defs */
	ld->defs[i].state = 2;
	return ld->defs[i].pat;
}

/* The pattern of one RELAX NG element, or PERR (refused, or memory:
 * the grammar's pattern tables run out silently, so PERR without a
 * reason is memory). */
static uint32_t
translate(struct loader *ld, xmlNodePtr n)
{
	struct grammar	*g = ld->g;
	uint32_t	 x, name;
	xmlNodePtr	 c;
	struct lwork	*w;
	int		 dt;

	if (is_rng(n, "element")) {
		if ((name = pattern_name(ld, n, 1)) == 0 || pat_room(g) != 0)
			return PERR;
		memset(&g->pats[g->npat], 0, sizeof(g->pats[0]));
		g->pats[g->npat].kind = P_ELEMENT;
		g->pats[g->npat].x = name;
		g->pats[g->npat].a = PNA;
		g->pats[g->npat].close = PERR;
		g->pats[g->npat].nokids = PERR;
		g->pats[g->npat].tleaves = PERR;
		g->pats[g->npat].text = PERR;
		if ((w = lsn_array_grow(ld->work, &ld->capwork, ld->nwork + 1,
		    sizeof(*ld->work), 64)) == NULL)
			return PERR;
		ld->work = w;
		ld->work[ld->nwork].el = (uint32_t)g->npat;
		ld->work[ld->nwork++].node = n;
		return (uint32_t)g->npat++;
	}
	if (is_rng(n, "attribute")) {
		if ((name = pattern_name(ld, n, 0)) == 0)
			return PERR;
		x = translate_children(ld, n, P_GROUP, PTEXT);
		return x == PERR ? PERR : intern(g, P_ATTRIBUTE, x, 0, name);
	}
	if (is_rng(n, "group"))
		return translate_children(ld, n, P_GROUP, PEMPTY);
	if (is_rng(n, "interleave"))
		return translate_children(ld, n, P_INTERLEAVE, PEMPTY);
	if (is_rng(n, "choice"))
		return translate_children(ld, n, P_CHOICE, PNA);
	if (is_rng(n, "optional"))
		return mk_choice(g, translate_children(ld, n, P_GROUP, PEMPTY),
		    PEMPTY);
	if (is_rng(n, "zeroOrMore"))
		return mk_choice(g, mk_oneormore(g, translate_children(ld, n,
		    P_GROUP, PEMPTY)), PEMPTY);
	if (is_rng(n, "oneOrMore"))
		return mk_oneormore(g, translate_children(ld, n, P_GROUP,
		    PEMPTY));
	if (is_rng(n, "mixed"))
		return mk_interleave(g, translate_children(ld, n, P_GROUP,
		    PEMPTY), PTEXT);
	if (is_rng(n, "list")) {
		x = translate_children(ld, n, P_GROUP, PEMPTY);
		return x == PERR ? PERR : intern(g, P_LIST, x, 0, 0);
	}
	if (is_rng(n, "empty"))
		return PEMPTY;
	if (is_rng(n, "text"))
		return PTEXT;
	if (is_rng(n, "notAllowed"))
		return PNA;
	if (is_rng(n, "ref"))
		return ref_pattern(ld, n);
	if (is_rng(n, "value"))
		return value_pattern(ld, n);
	if (is_rng(n, "data")) {
		if ((dt = datatype(ld, n, 1)) < 0)
			return PERR;
		for (c = n->children; c != NULL && !is_rng(c, "except");
		    c = c->next)
			;
		if (c == NULL)
			return intern(g, P_DATA, 0, 0, (uint32_t)dt);
		if ((x = translate_children(ld, c, P_CHOICE, PNA)) == PERR)
			return PERR;
		return intern(g, P_DATAEXCEPT, x, 0, (uint32_t)dt);
	}
	return refuse(ld, n, "a pattern not implemented:");
}

/* Finds the start and the defines of grammar n (and its divs). */
static int
collect_defs(struct loader *ld, xmlNodePtr n)
{
	xmlNodePtr	 c;
	struct ldef	*d;
	size_t		 i;
	xmlChar		*name;

	for (c = n->children; c != NULL; c = c->next) {
		if (!is_rng(c, NULL))
			continue;
		if (xmlHasProp(c, BAD_CAST "combine") != NULL) {
			refuse(ld, c, "combine in");
			return -1;
		}
		if (is_rng(c, "div")) {
			if (collect_defs(ld, c) != 0)
				return -1;
		} else if (is_rng(c, "start")) {
			if (ld->start != NULL) {
				refuse(ld, c, "a second");
				return -1;
			}
			ld->start = c;
		} else if (is_rng(c, "define")) {
			if (xmlHasProp(c, BAD_CAST "name") == NULL) {
				refuse(ld, c, "no name in");
				return -1;
			}
			if ((name = xmlGetProp(c, BAD_CAST "name")) == NULL)
				return -1;
			for (i = 0; i < ld->ndef &&
			    !xmlStrEqual(ld->defs[i].name, name); i++)
				;
			if (i < ld->ndef) {
				xmlFree(name);
				refuse(ld, c, "a second");
				return -1;
			}
			if ((d = lsn_array_grow(ld->defs, &ld->capdef,
			    ld->ndef + 1, sizeof(*ld->defs), 64)) == NULL) {
				xmlFree(name);
				return -1;
			}
			ld->defs = d;
			memset(&d[ld->ndef], 0, sizeof(d[0]));
			d[ld->ndef].node = c;
			d[ld->ndef].name = name;
			ld->ndef++;
		} else {
			refuse(ld, c, "a grammar content not implemented:");
			return -1;
		}
	}
	return 0;
}

static void
count_nomem(void *arg, xmlErrorPtr e)
{
	if (e != NULL && e->code == XML_ERR_NO_MEMORY)
		(*(int *)arg)++;
}

static void
grammar_clear(struct grammar *g)
{
	size_t	 i;
	int	 j;

	for (i = 0; i < g->ndt; i++)
		for (j = 0; j < g->dts[i].nre; j++) {
			xmlRegFreeRegexp(g->dts[i].re[j]);
			free(g->dts[i].src[j]);
		}
	for (i = 0; i < g->nstr; i++)
		free(g->strs[i]);
	for (i = 1; i < g->nname; i++)
		free(g->names[i]);
	free(g->dts);
	free(g->strs);
	free(g->names);
	free(g->nhash);
	free(g->pats);
	free(g->phash);
	free(g->memo);
	free(g->vec);
	free(g->tmp);
	free(g->ys);
	free(g->stack);
	g->dts = NULL;
	g->strs = NULL;
	g->names = NULL;
	g->nhash = NULL;
	g->pats = NULL;
	g->phash = NULL;
	g->memo = NULL;
	g->vec = NULL;
	g->tmp = NULL;
	g->ys = NULL;
	g->stack = NULL;
	g->ndt = g->capdt = g->nstr = g->capstr = g->nname = g->capname = 0;
	g->nhcap = g->npat = g->cappat = g->nbase = g->phcap = 0;
	g->mcap = g->mlen = g->nvec = g->capvec = 0;
	g->captmp = g->capys = g->capstack = 0;
	g->toobig = 0;
}

/*
 * Reads schema text[0..len) into g (zeroed, or cleared). LIAISON_OK;
 * LIAISON_ERR_NOMEM; or LIAISON_ERR_INTERNAL (in *err) for a schema
 * this file cannot read. g is left clear unless LIAISON_OK.
 */
static liaison_status
grammar_load(struct grammar *g, const char *text, size_t len,
    liaison_error **err)
{
	struct loader			 ld;
	xmlDocPtr			 doc = NULL;
	xmlNodePtr			 root;
	xmlStructuredErrorFunc		 saved = xmlStructuredError;
	void				*saved_ctx = xmlStructuredErrorContext;
	uint32_t			 x = PERR, zero = 0, content;
	size_t				 i;
	liaison_status			 rc = LIAISON_ERR_NOMEM;

	if (len > INT_MAX)
		return lsn_error_set(err, LIAISON_ERR_INTERNAL, NULL, NULL, 0,
		    0, "schema %s is too long", g->name);
	memset(&ld, 0, sizeof(ld));
	ld.g = g;
	xmlSetStructuredErrorFunc(&ld.nomem, count_nomem);
	doc = xmlReadMemory(text, (int)len, g->name, NULL,
	    XML_PARSE_NONET);
	/* the three fixed patterns, then the schema's */
	if (doc == NULL || ld.nomem ||
	    intern(g, P_NOTALLOWED, 0, 0, 0) != PNA ||
	    intern(g, P_EMPTY, 0, 0, 0) != PEMPTY ||
	    intern(g, P_TEXT, 0, 0, 0) != PTEXT ||
	    vec_add(g, &zero, 0) != 0)
		goto out;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !is_rng(root, "grammar")) {
		refuse(&ld, root != NULL ? root : (xmlNodePtr)doc,
		    "no grammar at");
		goto out;
	}
	if (collect_defs(&ld, root) != 0)
		goto out;
	if (ld.start == NULL) {
		refuse(&ld, root, "no start in");
		goto out;
	}
	x = translate_children(&ld, ld.start, P_CHOICE, PERR);
	/* element contents, last found first */
	while (x != PERR && ld.nwork > 0) {
		ld.nwork--;
		i = ld.work[ld.nwork].el;
		/* apart: translating may move g->pats */
		content = translate_children(&ld, ld.work[ld.nwork].node,
		    P_GROUP, PEMPTY);
		if (content == PERR)
			x = PERR;
		else
			g->pats[i].a = content;
	}
out:
	xmlSetStructuredErrorFunc(saved_ctx, saved);
	if (x != PERR && !ld.nomem && ld.why[0] == '\0') {
		g->start = x;
		g->nbase = g->npat;
		rc = LIAISON_OK;
	} else if (ld.why[0] != '\0' && !ld.nomem)
		rc = lsn_error_set(err, LIAISON_ERR_INTERNAL, NULL, NULL, 0, 0,
		    "schema %s: %s", g->name, ld.why);
	else
		rc = lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
		    "out of memory");
	if (rc != LIAISON_OK)
		grammar_clear(g);
	xmlFreeDoc(doc);
	for (i = 0; i < ld.ndef; i++)
		xmlFree(ld.defs[i].name);
	free(ld.defs);
	free(ld.work);
	return rc;
}

/* Back to the schema's own patterns, forgetting every derivative. */
static void
grammar_reset(struct grammar *g)
{
	size_t	 i;

	g->npat = g->nbase;
	memset(g->phash, 0, g->phcap * sizeof(*g->phash));
	for (i = 0; i < g->npat; i++) {
		g->pats[i].close = g->pats[i].nokids = PERR;
		g->pats[i].tleaves = g->pats[i].text = PERR;
		if (g->pats[i].kind != P_ELEMENT)
			phash_put(g->phash, g->phcap, &g->pats[i], (uint32_t)i);
	}
	memset(g->memo, 0, g->mcap * sizeof(*g->memo));
	g->mlen = 0;
	g->nvec = 1;
	g->toobig = 0;
}

/* ------------------------------------------------------------------ */
/* Validation                                                          */

enum fail_kind { F_ROOT, F_ELEMENT, F_ATTRIBUTE, F_MISSING, F_TEXT,
	F_END };

struct failure {
	enum fail_kind		 kind;
	const lsn_node		*node;   /* the element concerned */
	uint32_t		 p;      /* the pattern that refused */
	const char		*name;   /* attribute */
	const char		*text;   /* attribute value or text */
};

/*
 * The names of one tree by address: a tree interns its names, so most
 * look-ups are one comparison of pointers. Valid for one run only.
 */
#define NAME_CACHE	256

struct name_cache {
	const char	*s[NAME_CACHE];
	uint32_t	 id[NAME_CACHE];
};

static uint32_t
name_id(const struct grammar *g, struct name_cache *nc, const char *s)
{
	size_t	 i = ((uintptr_t)s >> 3) & (NAME_CACHE - 1);

	if (nc->s[i] != s) {
		nc->s[i] = s;
		nc->id[i] = name_id_slow(g, s);
	}
	return nc->id[i];
}

/*
 * Runs the tree through g: 0 valid, 1 invalid (*f says where), -1
 * memory ran out (or, with g->toobig, a bound was passed).
 */
static int
run(struct grammar *g, const struct lsn_tree *t, struct failure *f)
{
	const lsn_node		*n = t->root, *c;
	const struct lsn_attr	*a;
	uint32_t		 p = g->start, r, rests, *st;
	size_t			 depth = 0;
	struct name_cache	 nc;

	memset(f, 0, sizeof(*f));
	memset(&nc, 0, sizeof(nc));
	if (n == NULL || n->type != LSN_ELEMENT) {
		f->kind = F_ROOT;
		return 1;
	}
enter:
	f->node = n;
	f->p = p;
	if (start_tag(g, p, name_id(g, &nc, n->name), &r, &rests) != 0)
		return -1;
	if (r == PNA) {
		f->kind = F_ELEMENT;
		return 1;
	}
	if (depth == g->capstack) {
		if ((st = lsn_array_grow(g->stack, &g->capstack, depth + 1,
		    sizeof(*g->stack), 64)) == NULL)
			return -1;
		g->stack = st;
	}
	g->stack[depth++] = rests;
	p = r;
	for (a = n->attrs; a != NULL; a = a->next) {
		if ((r = att_deriv_memo(g, p, name_id(g, &nc, a->name),
		    a->value)) == PERR)
			return -1;
		if (r == PNA) {
			f->kind = F_ATTRIBUTE;
			f->p = p;
			f->name = a->name;
			f->text = a->value;
			return 1;
		}
		p = r;
	}
	f->p = p;
	if ((r = close_memo(g, p)) == PERR)
		return -1;
	if (r == PNA) {
		f->kind = F_MISSING;
		return 1;
	}
	p = r;
	c = n->children;
	if (c == NULL || (c->type == LSN_TEXT && c->next == NULL)) {
		/* no children, or one text: white space counts there */
		if (c == NULL)
			r = nokids_memo(g, p);
		else if ((r = text_deriv(g, p, c->content)) != PERR &&
		    all_ws(c->content))
			r = mk_choice(g, p, r);
		if (r == PERR)
			return -1;
		if (r == PNA) {
			f->kind = c == NULL ? F_END : F_TEXT;
			f->p = p;
			f->text = c != NULL ? c->content : NULL;
			return 1;
		}
		p = r;
		goto leave;
	}
	goto children;
leave:
	f->node = n;
	f->p = p;
	if ((r = end_tag(g, p, g->stack[depth - 1])) == PERR)
		return -1;
	if (r == PNA) {
		f->kind = F_END;
		return 1;
	}
	depth--;
	p = r;
	if (n == t->root)
		return g->pats[p].nullable ? 0 : (f->kind = F_END, 1);
	c = n->next;
	n = n->parent;
children:
	/* the children of n from c on: texts here, elements entered;
	 * white space between elements does not count */
	for (; c != NULL && c->type == LSN_TEXT; c = c->next) {
		if (all_ws(c->content))
			continue;
		if ((r = text_deriv(g, p, c->content)) == PERR)
			return -1;
		if (r == PNA) {
			f->kind = F_TEXT;
			f->node = n;
			f->p = p;
			f->text = c->content;
			return 1;
		}
		p = r;
	}
	if (c != NULL) {
		n = c;
		goto enter;
	}
	goto leave;
}

/* ------------------------------------------------------------------ */
/* Messages                                                            */

/* The path of element n: /document/section[2] (an index where the
 * parent has more than one child of that name); the middle of a very
 * deep one is left out ("/..."), to keep the message a line. */
#define PATH_HEAD	8
#define PATH_TAIL	12

static void
put_path(struct lsn_buf *b, const lsn_node *n)
{
	const lsn_node	**v = NULL, **nv, *s;
	size_t		  depth = 0, cap = 0, i, k;
	int		  more;

	for (s = n; s != NULL; s = s->parent) {
		if ((nv = lsn_array_grow(v, &cap, depth + 1, sizeof(*v),
		    16)) == NULL) {
			free(v);
			b->oom = 1;
			return;
		}
		v = nv;
		v[depth++] = s;
	}
	for (i = depth; i-- > 0;) {
		if (depth > PATH_HEAD + PATH_TAIL &&
		    i == depth - PATH_HEAD - 1) {
			lsn_buf_puts(b, "/...");
			i = PATH_TAIL - 1;
		}
		n = v[i];
		k = 1;
		more = 0;
		for (s = n->prev; s != NULL; s = s->prev)
			if (s->type == LSN_ELEMENT && strcmp(s->name, n->name)
			    == 0)
				k++;
		for (s = n->next; s != NULL && !more; s = s->next)
			more = s->type == LSN_ELEMENT &&
			    strcmp(s->name, n->name) == 0;
		lsn_buf_printf(b, "/%s", n->name);
		if (k > 1 || more)
			lsn_buf_printf(b, "[%zu]", k);
	}
	free(v);
}

/* A value in quotes, cut to a readable length. */
static void
put_value(struct lsn_buf *b, const char *s)
{
	size_t	 n = strlen(s), i, max = 40;

	if (n > max) {
		while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
			max--;
		n = max;
	}
	lsn_buf_putc(b, '"');
	for (i = 0; i < n; i++)
		lsn_buf_putc(b, (unsigned char)s[i] < 0x20 ? ' ' : s[i]);
	lsn_buf_puts(b, n < strlen(s) ? "...\"" : "\"");
}

/* The names of the elements (att 0) or required attributes (att 1)
 * p could take next, into g->ys (no memory: fewer names). */
static void
expected(struct grammar *g, uint32_t p, int att, size_t *n)
{
	struct pat	 q = g->pats[p];

	switch (q.kind) {
	case P_CHOICE:
		if (att && (g->pats[q.a].nullable || g->pats[q.b].nullable))
			return;
		expected(g, q.a, att, n);
		expected(g, q.b, att, n);
		return;
	case P_INTERLEAVE:
		expected(g, q.a, att, n);
		expected(g, q.b, att, n);
		return;
	case P_GROUP:
		expected(g, q.a, att, n);
		if (att || g->pats[q.a].nullable)
			expected(g, q.b, att, n);
		return;
	case P_AFTER:
	case P_ONEORMORE:
		expected(g, q.a, att, n);
		return;
	case P_ELEMENT:
		if (!att)
			(void)set_add(g, n, q.x);
		return;
	case P_ATTRIBUTE:
		if (att)
			(void)set_add(g, n, q.x);
		return;
	default:
		return;
	}
}

/* "a, b or c" (or "the end of `end`" after them, or `none` for
 * nothing). */
static void
put_names(struct grammar *g, struct lsn_buf *b, uint32_t p, int att,
    const char *end, const char *none)
{
	size_t	 n = 0, i, shown;

	expected(g, p, att, &n);
	if (n == 0 && end == NULL) {
		lsn_buf_puts(b, none);
		return;
	}
	shown = n < 8 ? n : 8;
	for (i = 0; i < shown; i++)
		lsn_buf_printf(b, "%s%s", i == 0 ? "" : i == shown - 1 &&
		    end == NULL && n == shown ? " or " : ", ",
		    g->names[g->ys[i]]);
	if (n > shown)
		lsn_buf_puts(b, ", ...");
	if (end != NULL)
		lsn_buf_printf(b, "%sthe end of %s", n > 0 ? " or " : "", end);
}

/* Why value s does not match value-like pattern p. */
static void
put_why(struct grammar *g, struct lsn_buf *b, uint32_t p)
{
	static const char *const kinds[] = {
		"string", "token", "string", "token", "integer",
		"positiveInteger", "nonNegativeInteger"
	};
	struct pat		 q = g->pats[p];
	const struct dtype	*dt;
	int			 first = 1, shown = 0;

	if (q.kind == P_DATA || q.kind == P_DATAEXCEPT) {
		dt = &g->dts[q.x];
		if (is_int_kind(dt->kind))
			lsn_buf_printf(b, "is not %s %s", dt->kind ==
			    DT_INTEGER ? "an" : "a", kinds[dt->kind]);
		else if (dt->nre > 0)
			lsn_buf_printf(b, "does not match the pattern %s",
			    dt->src[0]);
		else
			lsn_buf_puts(b, "is not allowed");
		return;
	}
	if (q.kind == P_LIST) {
		lsn_buf_puts(b, "is not a list of what it may hold");
		return;
	}
	lsn_buf_puts(b, "is not ");
	for (;;) {
		q = g->pats[p];
		if (q.kind == P_CHOICE && g->pats[q.a].kind == P_VALUE)
			lsn_buf_printf(b, "%s\"%s\"", first ? "one of " : ", ",
			    g->strs[g->pats[q.a].a]);
		else if (q.kind == P_VALUE)
			lsn_buf_printf(b, "%s\"%s\"", first ? "" : ", ",
			    g->strs[q.a]);
		else {
			lsn_buf_puts(b, first ? "allowed" : ", ...");
			return;
		}
		if (q.kind != P_CHOICE)
			return;
		first = 0;
		p = q.b;
		if (++shown == 8) {
			lsn_buf_puts(b, ", ...");
			return;
		}
	}
}

/* Whether the end tag is allowed in level pattern p. */
static int
may_end(const struct grammar *g, uint32_t p)
{
	struct pat	 q, a;

	for (;;) {
		q = g->pats[p];
		a = q.kind == P_CHOICE ? g->pats[q.a] : q;
		if (a.kind == P_AFTER && g->pats[a.a].nullable)
			return 1;
		if (q.kind != P_CHOICE)
			return 0;
		p = q.b;
	}
}

static void
describe(struct grammar *g, struct lsn_buf *b, const struct failure *f)
{
	uint32_t	 leaves;

	if (f->kind == F_ROOT) {
		lsn_buf_puts(b, "the model has no root element");
		return;
	}
	put_path(b, f->node);
	lsn_buf_puts(b, ": ");
	switch (f->kind) {
	case F_ELEMENT:
		lsn_buf_puts(b, "element not allowed here (expected ");
		put_names(g, b, f->p, 0, f->node->parent != NULL &&
		    may_end(g, f->p) ? f->node->parent->name : NULL,
		    "no element");
		lsn_buf_puts(b, ")");
		break;
	case F_ATTRIBUTE:
		lsn_buf_printf(b, "attribute %s", f->name);
		leaves = leaves_of(g, f->p, name_id_slow(g, f->name), 1);
		if (leaves == PERR || g->vec[leaves] == 0) {
			lsn_buf_puts(b, " not allowed");
			break;
		}
		lsn_buf_puts(b, ": ");
		put_value(b, f->text);
		lsn_buf_putc(b, ' ');
		put_why(g, b, g->vec[leaves + 1]);
		break;
	case F_MISSING:
		lsn_buf_puts(b, "missing attribute ");
		put_names(g, b, f->p, 1, NULL, "(one of several)");
		break;
	case F_TEXT:
		leaves = leaves_of(g, f->p, 0, 0);
		if (leaves == PERR || g->vec[leaves] == 0) {
			lsn_buf_puts(b, "text not allowed here: ");
			put_value(b, f->text);
			break;
		}
		lsn_buf_puts(b, "text ");
		put_value(b, f->text);
		lsn_buf_putc(b, ' ');
		put_why(g, b, g->vec[leaves + 1]);
		break;
	default:
		lsn_buf_puts(b, "content incomplete (expected ");
		put_names(g, b, f->p, 0, NULL, "text");
		lsn_buf_puts(b, ")");
		break;
	}
}

/* Validates t with g, which no one else uses meanwhile. */
static liaison_status
validate_with(struct grammar *g, const struct lsn_tree *t,
    liaison_error **err)
{
	struct failure		 f;
	struct lsn_buf		 msg = LSN_BUF_INIT;
	xmlStructuredErrorFunc	 saved = xmlStructuredError;
	void			*saved_ctx = xmlStructuredErrorContext;
	int			 rc, nomem = 0;
	liaison_status		 status;

	if (g->npat > MAX_PATTERNS || g->mlen > MAX_MEMO || g->toobig)
		grammar_reset(g);
	/* libxml2's regexps say they ran out of memory only there */
	xmlSetStructuredErrorFunc(&nomem, count_nomem);
	rc = run(g, t, &f);
	xmlSetStructuredErrorFunc(saved_ctx, saved);
	if (rc == 1 && !nomem)
		describe(g, &msg, &f);
	if (rc < 0 && g->toobig)
		return lsn_error_set(err, LIAISON_ERR_INTERNAL, NULL, NULL, 0,
		    0, "schema %s: the model needs more validator states "
		    "than allowed", g->name);
	if (rc < 0 || nomem || msg.oom) {
		lsn_buf_free(&msg);
		return lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
		    "out of memory");
	}
	if (rc == 0)
		return LIAISON_OK;
	status = lsn_error_set(err, LIAISON_ERR_SCHEMA, NULL, NULL, 0, 0,
	    "%s violation: %s", g->name, lsn_buf_str(&msg));
	lsn_buf_free(&msg);
	if (err != NULL && *err != NULL &&
	    liaison_error_code(*err) == LIAISON_ERR_NOMEM)
		return LIAISON_ERR_NOMEM;
	return status;
}

static pthread_once_t	 xml_init_once = PTHREAD_ONCE_INIT;

static void
xml_init(void)
{
	xmlInitParser();
}

liaison_status
lsn_tree_validate(const struct lsn_tree *t, const char *schema_name,
    liaison_error **err)
{
	const struct lsn_embedded	*e;
	struct pool			*pool = NULL;
	struct grammar			*g;
	size_t				 i;
	liaison_status			 status;

	for (i = 0; i < sizeof(pools) / sizeof(pools[0]); i++)
		if (strcmp(pools[i].name, schema_name) == 0)
			pool = &pools[i];
	for (e = lsn_embedded_files; e->name != NULL; e++)
		if (strcmp(e->name, schema_name) == 0)
			break;
	if (pool == NULL || e->name == NULL)
		return lsn_error_set(err, LIAISON_ERR_INTERNAL, NULL, NULL, 0,
		    0, "schema %s is not available", schema_name);
	pthread_mutex_lock(&pool->lock);
	if ((g = pool->free) != NULL)
		pool->free = g->next;
	pthread_mutex_unlock(&pool->lock);
	/* libxml2 wants its globals set up once, before threads use it */
	pthread_once(&xml_init_once, xml_init);
	if (g == NULL) {
		if ((g = calloc(1, sizeof(*g))) == NULL)
			return lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL,
			    0, 0, "out of memory");
		g->name = pool->name;
		if ((status = grammar_load(g, e->data, e->len, err)) !=
		    LIAISON_OK) {
			free(g);
			return status;
		}
	}
	status = validate_with(g, t, err);
	pthread_mutex_lock(&pool->lock);
	g->next = pool->free;
	pool->free = g;
	pthread_mutex_unlock(&pool->lock);
	return status;
}

liaison_status
lsn_tree_validate_rng(const struct lsn_tree *t, const char *rng,
    size_t len, liaison_error **err)
{
	struct grammar	 g;
	liaison_status	 status;

	memset(&g, 0, sizeof(g));
	g.name = "schema";
	pthread_once(&xml_init_once, xml_init);
	if ((status = grammar_load(&g, rng, len, err)) != LIAISON_OK)
		return status;
	status = validate_with(&g, t, err);
	grammar_clear(&g);
	return status;
}

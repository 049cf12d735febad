/* SPDX-License-Identifier: MIT */
/*
 * match.c: the aligner's matching of units (align.c tells the whole
 * method): the kids of matched pairs, then across containers, splits
 * and merges, and lone replacements.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "diff/diff.h"
#include "diff/align.h"
#include "tree/tree.h"
#include "util/buf.h"
#include "util/error.h"

/* ------------------------------------------------------------------ */
/* Matching                                                            */

/* Whether a and b may be matched at all. */
static int
compatible(const struct unit *a, const struct unit *b)
{
	if (a->kind != b->kind || a->appendix != b->appendix)
		return 0;
	if ((a->key != NULL || b->key != NULL) && (a->key == NULL ||
	    b->key == NULL || strcmp(a->key, b->key) != 0))
		return 0;
	/* Annexes with two different Questions are two subjects. */
	if (a->kind == U_ANNEX && a->subject != NULL && b->subject != NULL &&
	    strncmp(a->subject, "question ", 9) == 0 &&
	    strncmp(b->subject, "question ", 9) == 0 &&
	    strcmp(a->subject, b->subject) != 0)
		return 0;
	return 1;
}

/* Similarity of two units in [0, 1]; 0 when they cannot match. Their
 * word sets must have been computed (ensure_set). */
static double
score(const struct unit *a, const struct unit *b)
{
	double	 hs, cs, s;

	if (!compatible(a, b))
		return 0.0;
	if (a->key != NULL && !a->multi)
		return 1.0;
	cs = lsn_set_similarity(a->set, a->nset, b->set, b->nset);
	switch (a->kind) {
	case U_ANNEX:
		if (a->subject != NULL && b->subject != NULL &&
		    strcmp(a->subject, b->subject) == 0)
			return 1.0;
		/* FALLTHROUGH */
	case U_SECTION:
		hs = lsn_set_similarity(a->hset, a->nhset, b->hset, b->nhset);
		s = (hs + cs) / 2;
		if (cs > s)
			s = cs;
		if ((a->nhset > 0 && hs == 1.0) || (a->role != NULL &&
		    b->role != NULL && strcmp(a->role, b->role) == 0)) {
			/* Same heading or role: the same section, edited. */
			if (s < 0.6 + 0.4 * cs)
				s = 0.6 + 0.4 * cs;
		}
		return s;
	default:
		return cs;
	}
}

struct cand {
	size_t	 ia, ib;
	double	 score;
	double	 dist;    /* difference of relative positions */
};

static int
cand_cmp(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->dist != b->dist)
		return a->dist < b->dist ? -1 : 1;
	if (a->ia != b->ia)
		return a->ia < b->ia ? -1 : 1;
	return a->ib < b->ib ? -1 : a->ib > b->ib;
}

struct posting {
	uint32_t	 tok;
	uint32_t	 ib;
};

static int
posting_cmp(const void *x, const void *y)
{
	const struct posting *a = x, *b = y;

	if (a->tok != b->tok)
		return a->tok < b->tok ? -1 : 1;
	return a->ib < b->ib ? -1 : a->ib > b->ib;
}

/* Words in more units than this say nothing about which unit is which. */
#define POSTING_MAX 64
/* Candidates compared per unit beyond its neighbours. */
#define CAND_PER_UNIT 16
/* Below this many pairs, every pair is compared. */
#define ALL_PAIRS_MAX 4096

/* Whether unit u (or one of its unmatched ancestors up to a matched one)
 * may take a partner now: used by the cross-container pass so that a
 * unit and its ancestor are not both matched across. */
static int
free_for_cross(const struct unit *u)
{
	if (u->partner != NULL || u->blocked)
		return 0;
	for (const struct unit *p = u->parent; p != NULL; p = p->parent) {
		if (p->moved == 2)   /* matched across during this pass */
			return 0;
		if (p->partner != NULL)
			return 1;
	}
	return 1;
}

void
lsn_align_take(struct unit *a, struct unit *b, int cross)
{
	a->partner = b;
	b->partner = a;
	if (cross) {
		a->moved = b->moved = 2;   /* 2: across containers */
		for (struct unit *p = a->parent;
		    p != NULL && p->partner == NULL;
		    p = p->parent)
			p->blocked = 1;
		for (struct unit *p = b->parent;
		    p != NULL && p->partner == NULL;
		    p = p->parent)
			p->blocked = 1;
	}
}

static int
can_take(const struct unit *a, const struct unit *b, int cross)
{
	if (a->partner != NULL || b->partner != NULL)
		return 0;
	if (!cross)
		return 1;
	return free_for_cross(a) && free_for_cross(b);
}

/* The chain of u in match_units' first step: its subtree hash and its
 * key, which compatible units share. */
static size_t
equal_bucket(const struct unit *u, size_t hsize)
{
	uint64_t	 h = u->hash;

	if (u->key != NULL)
		h = hash_bytes(h, u->key, strlen(u->key));
	return (size_t)(h & (hsize - 1));
}

/* Step 1 of match_units: equal subtrees, the k-th of a hash with the
 * k-th. Returns 0, or -1 when memory ran out. */
static int
match_equal(struct unit **a, size_t na, struct unit **b, size_t nb,
    int cross)
{
	size_t	*next = NULL, *head = NULL, hsize, i, j;

	for (hsize = 16; hsize < nb * 2; hsize *= 2)
		;
	if ((head = malloc(hsize * sizeof(*head))) == NULL ||
	    (next = malloc(nb * sizeof(*next))) == NULL) {
		free(head);
		return -1;
	}
	for (i = 0; i < hsize; i++)
		head[i] = SIZE_MAX;
	for (j = nb; j-- > 0;) {
		size_t h = equal_bucket(b[j], hsize);
		next[j] = head[h];
		head[h] = j;
	}
	/* A unit taken leaves its chain: a thousand equal paragraphs were
	 * each compared with every one taken before them. */
	for (i = 0; i < na; i++) {
		size_t *link;

		if (a[i]->partner != NULL)
			continue;
		for (link = &head[equal_bucket(a[i], hsize)];
		    (j = *link) != SIZE_MAX;) {
			if (b[j]->partner != NULL) {
				*link = next[j];
				continue;
			}
			if (b[j]->hash == a[i]->hash &&
			    b[j]->kind == a[i]->kind &&
			    strcmp(b[j]->text, a[i]->text) == 0 &&
			    compatible(a[i], b[j]) &&
			    can_take(a[i], b[j], cross)) {
				lsn_align_take(a[i], b[j], cross);
				*link = next[j];
				break;
			}
			link = &next[j];
		}
	}
	free(head);
	free(next);
	return 0;
}

/* The units step 1 left unmatched (indexes ra into a, rb into b) and
 * the candidate pairs found among them. */
struct leftovers {
	struct unit	**a, **b;
	size_t		 *ra, *rb, nra, nrb;
	double		  threshold;
	struct cand	 *cand;
	size_t		  ncand, capcand;
};

/* Adds the pair of the x-th and y-th leftovers when they score above
 * the threshold. Returns 0, or -1 when memory ran out. */
static int
add_cand(struct leftovers *l, size_t x, size_t y)
{
	double	 s = score(l->a[l->ra[x]], l->b[l->rb[y]]);
	struct cand *c;

	if (s < l->threshold)
		return 0;
	if (l->ncand == l->capcand) {
		size_t nc = l->capcand ? l->capcand * 2 : 64;

		if ((c = realloc(l->cand, nc * sizeof(*c))) == NULL)
			return -1;
		l->cand = c;
		l->capcand = nc;
	}
	c = &l->cand[l->ncand++];
	c->ia = l->ra[x];
	c->ib = l->rb[y];
	c->score = s;
	c->dist = (double)(x) / (double)l->nra - (double)(y) / (double)l->nrb;
	if (c->dist < 0)
		c->dist = -c->dist;
	return 0;
}

/* Candidates when the leftovers are too many to compare every pair:
 * for each unit of a, the CAND_PER_UNIT units of b sharing the most of
 * its less common words (an inverted index), and its neighbours by
 * relative position. Returns 0, or -1 when memory ran out. */
static int
index_cands(struct leftovers *l)
{
	struct unit	**b = l->b;
	struct posting	 *post = NULL;
	unsigned	 *cnt = NULL;
	size_t		 *touched = NULL, npost = 0, total = 0, i, j, p, q;
	size_t		  nra = l->nra, nrb = l->nrb;
	int		  rc = -1;

	for (j = 0; j < nrb; j++)
		total += b[l->rb[j]]->nset;
	if ((post = malloc((total + 1) * sizeof(*post))) == NULL ||
	    (cnt = calloc(nrb, sizeof(*cnt))) == NULL ||
	    (touched = malloc(nrb * sizeof(*touched))) == NULL)
		goto out;
	for (j = 0; j < nrb; j++)
		for (p = 0; p < b[l->rb[j]]->nset; p++) {
			post[npost].tok = b[l->rb[j]]->set[p];
			post[npost++].ib = (uint32_t)j;
		}
	qsort(post, npost, sizeof(*post), posting_cmp);
	/* Drop the common words' runs once, so that every run left
	 * is at most POSTING_MAX long. */
	for (p = q = 0; p < npost;) {
		size_t end = p;
		while (end < npost && post[end].tok == post[p].tok)
			end++;
		if (end - p <= POSTING_MAX)
			while (p < end)
				post[q++] = post[p++];
		p = end;
	}
	npost = q;
	for (i = 0; i < nra; i++) {
		const struct unit *u = l->a[l->ra[i]];
		size_t nt = 0, lo, hi, expect, y, ntop;
		size_t top[CAND_PER_UNIT];
		for (p = 0; p < u->nset; p++) {
			lo = 0;
			hi = npost;
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (post[mid].tok < u->set[p])
					lo = mid + 1;
				else
					hi = mid;
			}
			for (q = lo; q < npost && post[q].tok == u->set[p]; q++)
				;
			for (; lo < q; lo++) {
				if (cnt[post[lo].ib]++ == 0)
					touched[nt++] = post[lo].ib;
			}
		}
		/* Keep the CAND_PER_UNIT most shared: a small sorted
		 * array, most entries fail one comparison. */
		ntop = 0;
		for (p = 0; p < nt; p++) {
			size_t t = touched[p];
			if (ntop == CAND_PER_UNIT &&
			    cnt[t] <= cnt[top[ntop - 1]])
				continue;
			if (ntop < CAND_PER_UNIT)
				ntop++;
			for (q = ntop - 1; q > 0 && cnt[top[q - 1]] < cnt[t];
			    q--)
				top[q] = top[q - 1];
			top[q] = t;
		}
		for (p = 0; p < ntop; p++)
			if (add_cand(l, i, top[p]) == -1)
				goto out;
		for (p = 0; p < nt; p++)
			cnt[touched[p]] = 0;
		/* And the neighbours by relative position. */
		expect = (size_t)((double)i * (double)nrb / (double)nra);
		for (y = expect > 2 ? expect - 2 : 0;
		    y < nrb && y <= expect + 2; y++)
			if (add_cand(l, i, y) == -1)
				goto out;
	}
	rc = 0;
out:
	free(post);
	free(cnt);
	free(touched);
	return rc;
}

/*
 * Matches the units a[0..na) with b[0..nb) (those without a partner):
 * equal hashes first, then by score >= threshold over bounded
 * candidates. Sets partners. Returns 0, or -1 when memory ran out.
 */
static int
match_units(struct unit **a, size_t na, struct unit **b, size_t nb,
    double threshold, int cross)
{
	struct leftovers l;
	size_t		 i, j;
	int		 rc = -1;

	if (na == 0 || nb == 0)
		return 0;
	/* 1. Equal subtrees. */
	if (match_equal(a, na, b, nb, cross) == -1)
		return -1;
	/* 2. The leftovers, by similarity. */
	memset(&l, 0, sizeof(l));
	l.a = a;
	l.b = b;
	l.threshold = threshold;
	if ((l.ra = malloc(na * sizeof(*l.ra))) == NULL ||
	    (l.rb = malloc(nb * sizeof(*l.rb))) == NULL)
		goto out;
	for (i = 0; i < na; i++)
		if (a[i]->partner == NULL)
			l.ra[l.nra++] = i;
	for (j = 0; j < nb; j++)
		if (b[j]->partner == NULL)
			l.rb[l.nrb++] = j;
	if (l.nra == 0 || l.nrb == 0) {
		rc = 0;
		goto out;
	}
	for (i = 0; i < l.nra; i++)
		if (lsn_align_ensure_set(a[l.ra[i]]) == -1)
			goto out;
	for (j = 0; j < l.nrb; j++)
		if (lsn_align_ensure_set(b[l.rb[j]]) == -1)
			goto out;
	if (l.nra * l.nrb <= ALL_PAIRS_MAX) {
		for (i = 0; i < l.nra; i++)
			for (j = 0; j < l.nrb; j++)
				if (add_cand(&l, i, j) == -1)
					goto out;
	} else if (index_cands(&l) == -1)
		goto out;
	if (l.ncand > 0)
		qsort(l.cand, l.ncand, sizeof(*l.cand), cand_cmp);
	for (i = 0; i < l.ncand; i++)
		if (can_take(a[l.cand[i].ia], b[l.cand[i].ib], cross))
			lsn_align_take(a[l.cand[i].ia], b[l.cand[i].ib], cross);
	rc = 0;
out:
	free(l.ra);
	free(l.rb);
	free(l.cand);
	return rc;
}

/*
 * Marks as moved the matched kids of nb (new side) that are not in a
 * maximum-weight increasing subsequence of partner positions: the LCS
 * of the two orders, computed in O(n log n) with a Fenwick tree.
 */
static int
mark_moves(struct unit *oa, struct unit *nb)
{
	size_t	 n = nb->nkids, m = oa->nkids, i, x;
	size_t	*prev = NULL, *tree_i = NULL, *tree_w = NULL, *best = NULL;
	size_t	*oldpos = NULL, top = SIZE_MAX, tw = 0;
	int	 rc = -1;

	if (n == 0 || m == 0)
		return 0;
	if ((oldpos = malloc(n * sizeof(*oldpos))) == NULL ||
	    (prev = malloc(n * sizeof(*prev))) == NULL ||
	    (best = malloc(n * sizeof(*best))) == NULL ||
	    (tree_w = calloc(m + 1, sizeof(*tree_w))) == NULL ||
	    (tree_i = malloc((m + 1) * sizeof(*tree_i))) == NULL)
		goto out;
	for (i = 0; i <= m; i++)
		tree_i[i] = SIZE_MAX;
	for (i = 0; i < n; i++) {
		struct unit *p = nb->kids[i]->partner;
		oldpos[i] = p == NULL || p->parent != oa || p->moved == 2 ?
		    SIZE_MAX : p->index;
		prev[i] = SIZE_MAX;
		best[i] = 0;
	}
	for (i = 0; i < n; i++) {
		size_t bw = 0, bi = SIZE_MAX;
		if (oldpos[i] == SIZE_MAX)
			continue;
		/* Heaviest chain ending at an old position below oldpos[i]. */
		for (x = oldpos[i]; x > 0; x -= x & (~x + 1))
			if (tree_w[x] > bw) {
				bw = tree_w[x];
				bi = tree_i[x];
			}
		best[i] = bw + nb->kids[i]->weight;
		prev[i] = bi;
		for (x = oldpos[i] + 1; x <= m; x += x & (~x + 1))
			if (best[i] > tree_w[x]) {
				tree_w[x] = best[i];
				tree_i[x] = i;
			}
	}
	/* Everything matched outside the heaviest chain moved. */
	for (i = 0; i < n; i++)
		if (oldpos[i] != SIZE_MAX) {
			nb->kids[i]->moved = 1;
			if (best[i] > tw) {
				tw = best[i];
				top = i;
			}
		}
	for (i = top; i != SIZE_MAX; i = prev[i])
		nb->kids[i]->moved = 0;
	rc = 0;
out:
	free(prev);
	free(best);
	free(tree_w);
	free(tree_i);
	free(oldpos);
	return rc;
}

/* Threshold for units in the same container, and across containers. */
#define MATCH_THRESHOLD 0.5
#define CROSS_THRESHOLD 0.6

/* Phase 1: aligns the kids of the matched pair (oa, nb), recursively. */
int
lsn_align_pair(struct unit *oa, struct unit *nb)
{
	size_t i;

	if (oa->kind == U_ROW) {
		/* Cells by column. */
		for (i = 0; i < oa->nkids && i < nb->nkids; i++)
			if (oa->kids[i]->partner == NULL &&
			    nb->kids[i]->partner == NULL)
				lsn_align_take(oa->kids[i], nb->kids[i], 0);
	} else if (match_units(oa->kids, oa->nkids, nb->kids, nb->nkids,
	    MATCH_THRESHOLD, 0) == -1)
		return -1;
	if (mark_moves(oa, nb) == -1)
		return -1;
	for (i = 0; i < nb->nkids; i++) {
		struct unit *k = nb->kids[i];
		if (k->partner != NULL && k->partner->parent == oa &&
		    k->moved != 2 && lsn_align_pair(k->partner, k) == -1)
			return -1;
	}
	return 0;
}

static int
movable(const struct unit *u)
{
	return u->kind == U_SECTION || u->kind == U_PARA || u->kind == U_LIST ||
	    u->kind == U_ITEM || u->kind == U_TABLE || u->kind == U_ANNEX;
}

static int
weight_desc(const void *x, const void *y)
{
	const struct unit *a = *(struct unit *const *)x;
	const struct unit *b = *(struct unit *const *)y;

	return a->weight > b->weight ? -1 : a->weight < b->weight;
}

/* Collects the unmatched movable units of a side (any depth). */
static int
pool(struct side *sd, struct unit ***out, size_t *n)
{
	size_t i, k = 0;

	*out = NULL;
	*n = 0;
	if (sd->n == 0)
		return 0;
	if ((*out = malloc(sd->n * sizeof(**out))) == NULL)
		return -1;
	for (i = 0; i < sd->n; i++) {
		struct unit *u = sd->all[i];
		if (u->partner == NULL && movable(u))
			(*out)[k++] = u;
	}
	/* Whole subtrees first, so a moved section moves as one. */
	qsort(*out, k, sizeof(**out), weight_desc);
	*n = k;
	return 0;
}

/* Phase 2: matches across containers what phase 1 left over. */
int
lsn_align_across(struct aligner *al)
{
	struct unit	**pa, **pb;
	size_t		  na, nb, i;
	int		  rc = -1;

	if (pool(&al->old, &pa, &na) == -1)
		return -1;
	if (pool(&al->new, &pb, &nb) == -1) {
		free(pa);
		return -1;
	}
	if (match_units(pa, na, pb, nb, CROSS_THRESHOLD, 1) == -1)
		goto out;
	/* The kids of containers matched across are aligned as usual. */
	for (i = 0; i < nb; i++)
		if (pb[i]->partner != NULL && pb[i]->moved == 2 &&
		    lsn_align_pair(pb[i]->partner, pb[i]) == -1)
			goto out;
	rc = 0;
out:
	free(pa);
	free(pb);
	return rc;
}

/* Dice similarity of a's own words against the union of b's and c's. */
static double
joined_similarity(const struct unit *a, const struct unit *b,
    const struct unit *c, int *oom)
{
	uint32_t	*u;
	size_t		 x = 0, y = 0, n = 0;
	double		 s;

	if (b->nhset + c->nhset == 0)
		return 0.0;
	if ((u = malloc((b->nhset + c->nhset) * sizeof(*u))) == NULL) {
		*oom = 1;
		return 0.0;
	}
	while (x < b->nhset || y < c->nhset) {
		if (y >= c->nhset || (x < b->nhset && b->hset[x] < c->hset[y]))
			u[n++] = b->hset[x++];
		else if (x >= b->nhset || c->hset[y] < b->hset[x])
			u[n++] = c->hset[y++];
		else {
			u[n++] = b->hset[x++];
			y++;
		}
	}
	s = lsn_set_similarity(a->hset, a->nhset, u, n);
	free(u);
	return s;
}

static int
joinable(const struct unit *u)
{
	return (u->kind == U_PARA || u->kind == U_ITEM) && u->nkids == 0 &&
	    u->partner == NULL && !u->absorbed && u->joined == NULL;
}

/* A split or a merge must explain the text far better than the pair
 * alone, and nearly all of it. */
#define JOIN_MIN 0.75
#define JOIN_GAIN 0.2

/*
 * Looks beside the changed pair (o, n) for a unit left unmatched that,
 * joined to n (a split) or to o (a merge), makes the two texts nearly
 * the same. Returns 0, or -1 when memory ran out.
 */
static int
try_join(struct unit *o, struct unit *n)
{
	struct unit	*best = NULL, *cand[4];
	double		 base, s, best_s = 0.0;
	int		 oom = 0, best_side = 0, best_before = 0;

	if (lsn_align_ensure_set(o) == -1 || lsn_align_ensure_set(n) == -1)
		return -1;
	base = lsn_set_similarity(o->hset, o->nhset, n->hset, n->nhset);
	/* Neighbours: n's before and after (split), o's (merge). */
	cand[0] = n->index > 0 ? n->parent->kids[n->index - 1] : NULL;
	cand[1] = n->index + 1 < n->parent->nkids ?
	    n->parent->kids[n->index + 1] : NULL;
	cand[2] = o->index > 0 ? o->parent->kids[o->index - 1] : NULL;
	cand[3] = o->index + 1 < o->parent->nkids ?
	    o->parent->kids[o->index + 1] : NULL;
	for (int i = 0; i < 4; i++) {
		struct unit *c = cand[i];
		if (c == NULL || c->kind != n->kind || !joinable(c))
			continue;
		if (lsn_align_ensure_set(c) == -1)
			return -1;
		s = i < 2 ? joined_similarity(o, n, c, &oom) :
		    joined_similarity(n, o, c, &oom);
		if (oom)
			return -1;
		if (s > best_s) {
			best_s = s;
			best = c;
			best_side = i < 2 ? 0 : 1;
			best_before = i % 2 == 0;
		}
	}
	if (best == NULL || best_s < JOIN_MIN || best_s < base + JOIN_GAIN)
		return 0;
	if (best_side == 0) {
		n->joined = best;
		n->join_before = best_before;
	} else {
		o->joined = best;
		o->join_before = best_before;
	}
	best->absorbed = 1;
	return 0;
}

/* Phase 2b: splits and merges of paragraphs and items. */
int
lsn_align_find_joins(struct side *new_side)
{
	for (size_t i = 0; i < new_side->n; i++) {
		struct unit *n = new_side->all[i], *o = n->partner;
		if (o == NULL || (n->kind != U_PARA && n->kind != U_ITEM) ||
		    n->nkids > 0 || o->nkids > 0 || n->absorbed ||
		    o->absorbed || n->joined != NULL || o->joined != NULL ||
		    strcmp(o->text, n->text) == 0)
			continue;
		if (try_join(o, n) == -1)
			return -1;
	}
	return 0;
}

/* u (a kid of nb) stayed in place, matched to a kid of oa. */
static int
stays(const struct unit *u, const struct unit *oa)
{
	return u->partner != NULL && u->partner->parent == oa && !u->moved;
}

/* An unmatched paragraph or item, part of no split or merge. */
static int
lone(const struct unit *u)
{
	return u->partner == NULL && !u->absorbed && u->joined == NULL &&
	    u->nkids == 0 && (u->kind == U_PARA || u->kind == U_ITEM);
}

/*
 * Phase 2c: in a matched container, a gap between two units that stayed
 * that holds exactly one unit on each side, both unmatched paragraphs
 * (or items), is one rewritten in place, however few words are left: a
 * replacement with its word changes reads better than a delete and an
 * insert (a ToR's subtitle naming the TSAG report, annex and date that
 * approved it).
 */
static void
pair_lone(struct unit *oa, struct unit *nb)
{
	size_t	 i = 0, j = 0, ni, nj;

	for (;;) {
		for (nj = j; nj < nb->nkids && !stays(nb->kids[nj], oa); nj++)
			;
		ni = nj < nb->nkids ? nb->kids[nj]->partner->index :
		    oa->nkids;
		if (ni == i + 1 && nj == j + 1 && lone(oa->kids[i]) &&
		    lone(nb->kids[j]) && oa->kids[i]->kind == nb->kids[j]->kind)
			lsn_align_take(oa->kids[i], nb->kids[j], 0);
		if (nj >= nb->nkids || ni < i)
			break;
		i = ni + 1;
		j = nj + 1;
	}
}

void
lsn_align_pair_lone_gaps(struct side *new_side)
{
	for (size_t i = 0; i < new_side->n; i++) {
		struct unit *n = new_side->all[i];
		if (n->partner != NULL && n->nkids > 0 && n->kind != U_ROW)
			pair_lone(n->partner, n);
	}
}

int
lsn_align_compute_has_match(struct unit *u)
{
	int any = u->partner != NULL;

	for (size_t i = 0; i < u->nkids; i++)
		any |= lsn_align_compute_has_match(u->kids[i]);
	u->has_match = any;
	return any;
}

/* SPDX-License-Identifier: MIT */
/*
 * differ.c: the differential test of our RELAX NG validator
 * (lib/tree/validate.c) against libxml2's xmlRelaxNGValidateDoc.
 *
 *   differ [-n N] [-s SEED] [-r RNG] FILE...
 *	For each model file (the schema is chosen by its root: <diff> is
 *	liaison-diff.rng, anything else liaison.rng), the file itself and
 *	N (default 100) mutations of it, made by a seeded generator, are
 *	serialized, parsed again and validated by both; any difference in
 *	verdict is printed with the mutated XML, and the exit status is 1.
 *	With -r, every file is validated against the schema RNG (through
 *	lsn_tree_validate_rng), for what the bundled schemas do not use.
 *   differ -R RNG FILE
 *	Exit 0 when lsn_tree_validate_rng refuses RNG as an internal
 *	error (a construct it does not implement), 1 when it does not.
 *   differ -t FILE...
 *	32 threads validate the files' trees (up to 16) at once, 200
 *	times each: every verdict must be the one of a lone validation.
 *   differ -b RUNS FILE
 *	Times both validators on FILE (each given its tree already built).
 *   differ -o FILE
 *	For test/validate.sh under the failmalloc shim: validates FILE
 *	twice; each result must be the verdict ("valid" or "invalid") or
 *	out of memory, and the second, made with all memory available
 *	again, must be the verdict. Prints "valid", "invalid" or "nomem"
 *	per run; exit 2 when the setup itself ran out of memory.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "liaison.h"
#include "tree/schema-data.h"
#include "tree/tree.h"
#include "tree/validate.h"
#include "tree/xml.h"

/* ------------------------------------------------------------------ */
/* The two validators                                                  */

struct schema {
	const char	*name;
	const char	*text;   /* the .rng */
	size_t		 len;
	xmlRelaxNGPtr	 rng;
	char		**elements, **attributes, **values;
	size_t		 nel, nat, nval;
};

static struct schema schemas[] = {
	{ "liaison.rng", NULL, 0, NULL, NULL, NULL, NULL, 0, 0, 0 },
	{ "liaison-diff.rng", NULL, 0, NULL, NULL, NULL, NULL, 0, 0, 0 },
};
/* -r: a schema of the command line for every file */
static struct schema custom;

static void
ignore(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

static void
add_name(char ***v, size_t *n, const xmlChar *s)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i], (const char *)s) == 0)
			return;
	if ((*v = realloc(*v, (*n + 1) * sizeof(**v))) == NULL ||
	    ((*v)[*n] = strdup((const char *)s)) == NULL) {
		fprintf(stderr, "differ: out of memory\n");
		exit(2);
	}
	(*n)++;
}

/* Compiles the schema and lists its names and values (for mutations). */
static struct schema *
schema_for(xmlDocPtr doc)
{
	const struct lsn_embedded	*e;
	struct schema			*s;
	xmlRelaxNGParserCtxtPtr		 pctx;
	xmlDocPtr			 rdoc;
	xmlNodePtr			 n;
	xmlChar				*v;

	if (custom.text != NULL)
		s = &custom;
	else
		s = &schemas[strcmp((const char *)
		    xmlDocGetRootElement(doc)->name, "diff") == 0];
	if (s->rng != NULL)
		return s;
	if (s->text == NULL) {
		for (e = lsn_embedded_files; strcmp(e->name, s->name) != 0;
		    e++)
			;
		s->text = e->data;
		s->len = e->len;
	}
	pctx = xmlRelaxNGNewMemParserCtxt(s->text, (int)s->len);
	if (pctx == NULL || (s->rng = xmlRelaxNGParse(pctx)) == NULL ||
	    (rdoc = xmlReadMemory(s->text, (int)s->len, s->name, NULL,
	    XML_PARSE_NONET)) == NULL) {
		fprintf(stderr, "differ: %s does not compile\n", s->name);
		exit(2);
	}
	xmlRelaxNGFreeParserCtxt(pctx);
	for (n = xmlDocGetRootElement(rdoc); n != NULL;) {
		if (n->type == XML_ELEMENT_NODE &&
		    (xmlStrEqual(n->name, BAD_CAST "element") ||
		    xmlStrEqual(n->name, BAD_CAST "attribute")) &&
		    (v = xmlGetProp(n, BAD_CAST "name")) != NULL) {
			if (n->name[0] == 'e')
				add_name(&s->elements, &s->nel, v);
			else
				add_name(&s->attributes, &s->nat, v);
			xmlFree(v);
		}
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(n->name, BAD_CAST "value") &&
		    (v = xmlNodeGetContent(n)) != NULL) {
			add_name(&s->values, &s->nval, v);
			xmlFree(v);
		}
		if (n->children != NULL && n->type == XML_ELEMENT_NODE)
			n = n->children;
		else {
			while (n->next == NULL && n->parent != NULL &&
			    n->parent->type == XML_ELEMENT_NODE)
				n = n->parent;
			n = n->next;
		}
	}
	xmlFreeDoc(rdoc);
	return s;
}

/* libxml2's verdict: 1 valid, 0 invalid, -1 it failed. */
static int
libxml2_verdict(struct schema *s, xmlDocPtr doc)
{
	xmlRelaxNGValidCtxtPtr	 v;
	int			 rc;

	if ((v = xmlRelaxNGNewValidCtxt(s->rng)) == NULL)
		return -1;
	xmlRelaxNGSetValidStructuredErrors(v, ignore, NULL);
	rc = xmlRelaxNGValidateDoc(v, doc);
	xmlRelaxNGFreeValidCtxt(v);
	return rc == 0 ? 1 : rc > 0 ? 0 : -1;
}

/* Ours: 1 valid, 0 invalid (*msg: the message, to free), -1 other
 * (*msg too). */
static int
our_verdict(struct schema *s, xmlDocPtr doc, char **msg)
{
	struct lsn_tree		*t;
	liaison_error		*err = NULL;
	liaison_status		 st;

	*msg = NULL;
	if ((t = lsn_tree_from_xml(doc)) == NULL) {
		fprintf(stderr, "differ: out of memory\n");
		exit(2);
	}
	if (s == &custom)
		st = lsn_tree_validate_rng(t, s->text, s->len, &err);
	else
		st = lsn_tree_validate(t, s->name, &err);
	lsn_tree_free(t);
	if (err != NULL) {
		*msg = strdup(liaison_error_string(err));
		liaison_error_free(err);
	}
	return st == LIAISON_OK ? 1 : st == LIAISON_ERR_SCHEMA ? 0 : -1;
}

/* ------------------------------------------------------------------ */
/* Mutations                                                           */

static uint64_t	 rng_state;

static uint32_t
rnd(uint32_t n)
{
	/* splitmix64 */
	uint64_t	 z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	return n > 0 ? (uint32_t)(z % n) : 0;
}

static const char *const odd_values[] = {
	"", " ", "x", "bogus", "0", "-0", "+0", "1", "-1", "+1", " 7 ", "7 ",
	"\t7\n", "007", "+007", "1.5", "1e3", "0x10", "2147483648",
	"99999999999999999999999999999", "-99999999999999999999", "1 2",
	"999999999999999999999999", "1000000000000000000000000",
	"000000000000000000000000000042", "-000000000000000000000000000",
	"1  2 3", " 1 2 ", "true", "false", "TRUE", "docx", "text", " text ",
	"te xt", "liaison/1", " liaison/1 ", "liaison/2", "2025-12-03",
	"2025-12", "2025-12-03/2025-12-11", "2025-1-03", "20251203",
	"0000-00-00",
	"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
	"0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
	"0123456789abcdef", "insert", "move", "replace ", "liaison-statement",
	"question", "report", "scope", "other", "\xc3\xa9", "a\xe2\x80\x93" "b",
};

static const char *
pick_value(const struct schema *s)
{
	if (s->nval > 0 && rnd(3) == 0)
		return s->values[rnd((uint32_t)s->nval)];
	return odd_values[rnd(sizeof(odd_values) / sizeof(odd_values[0]))];
}

/* The elements of doc, in document order, into *v. */
static size_t
elements(xmlDocPtr doc, xmlNodePtr **v, size_t *cap)
{
	xmlNodePtr	 root = xmlDocGetRootElement(doc), n = root;
	size_t		 len = 0;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE) {
			if (len == *cap) {
				*cap = *cap > 0 ? *cap * 2 : 256;
				*v = realloc(*v, *cap * sizeof(**v));
				if (*v == NULL) {
					fprintf(stderr, "differ: no memory\n");
					exit(2);
				}
			}
			(*v)[len++] = n;
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != root && n->next == NULL)
			n = n->parent;
		n = n != root ? n->next : NULL;
	}
	return len;
}

static xmlNodePtr
nth_child(xmlNodePtr n, uint32_t k)
{
	xmlNodePtr	 c;

	for (c = n->children; c != NULL && k > 0; c = c->next)
		k--;
	return c;
}

/* Inserts c among n's children at a random place. */
static void
insert_child(xmlNodePtr n, xmlNodePtr c)
{
	xmlNodePtr	 at;
	uint32_t	 count = 0;

	for (at = n->children; at != NULL; at = at->next)
		count++;
	at = nth_child(n, rnd(count + 1));
	if (at != NULL)
		xmlAddPrevSibling(at, c);
	else
		xmlAddChild(n, c);
}

static xmlAttrPtr
nth_attr(xmlNodePtr n)
{
	xmlAttrPtr	 a;
	uint32_t	 count = 0;

	for (a = n->properties; a != NULL; a = a->next)
		count++;
	if (count == 0)
		return NULL;
	for (a = n->properties, count = rnd(count); count > 0; count--)
		a = a->next;
	return a;
}

/* One mutation of doc; returns its name. */
static const char *
mutate(const struct schema *s, xmlDocPtr doc, xmlNodePtr **v, size_t *cap)
{
	size_t		 len = elements(doc, v, cap);
	xmlNodePtr	 n = (*v)[rnd((uint32_t)len)], c, o;
	xmlAttrPtr	 a;
	const char	*name;

	switch (rnd(16)) {
	case 0:
		if (n->parent->type != XML_ELEMENT_NODE)
			return "none";
		xmlUnlinkNode(n);
		xmlFreeNode(n);
		return "drop an element";
	case 1:
		insert_child(n, xmlNewDocNode(doc, NULL, BAD_CAST "bogus",
		    NULL));
		return "add an unknown element";
	case 2:
		xmlSetProp(n, BAD_CAST (rnd(2) ? "bogus" : "id"),
		    BAD_CAST "1");
		return "add an unknown (or misplaced) attribute";
	case 3:
		if ((a = nth_attr(n)) == NULL)
			return "none";
		xmlSetProp(n, a->name, BAD_CAST pick_value(s));
		return "change an attribute's value";
	case 4:
		for (c = n->next; c != NULL && c->type != XML_ELEMENT_NODE;
		    c = c->next)
			;
		if (c == NULL)
			return "none";
		xmlUnlinkNode(c);
		xmlAddPrevSibling(n, c);
		return "swap two elements";
	case 5:
		if (n->parent->type != XML_ELEMENT_NODE)
			return "none";
		xmlAddNextSibling(n, xmlDocCopyNode(n, doc, 1));
		return "duplicate an element";
	case 6:
		insert_child(n, xmlNewDocText(doc, BAD_CAST (rnd(2) ? "x" :
		    "7")));
		return "add text";
	case 7:
		while ((c = n->children) != NULL) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
		return "empty an element";
	case 8:
		if ((a = nth_attr(n)) == NULL)
			return "none";
		xmlRemoveProp(a);
		return "remove an attribute";
	case 9:
		o = (*v)[rnd((uint32_t)len)];
		if (n->parent->type != XML_ELEMENT_NODE)
			return "none";
		for (c = o; c != NULL && c != n; c = c->parent)
			;
		if (c == n)
			return "none";
		xmlUnlinkNode(n);
		insert_child(o, n);
		return "move an element elsewhere";
	case 10:
		name = s->elements[rnd((uint32_t)s->nel)];
		xmlNodeSetName(n, BAD_CAST name);
		return "rename an element";
	case 11:
		xmlSetProp(n, BAD_CAST s->attributes[rnd((uint32_t)s->nat)],
		    BAD_CAST pick_value(s));
		return "add a known attribute";
	case 12:
		c = xmlNewDocNode(doc, NULL,
		    BAD_CAST s->elements[rnd((uint32_t)s->nel)],
		    rnd(2) ? BAD_CAST pick_value(s) : NULL);
		insert_child(n, c);
		return "add a known element";
	case 13:
		insert_child(n, xmlNewDocText(doc, BAD_CAST " \n\t"));
		return "add white space";
	case 14:
		xmlNodeSetContent(n, BAD_CAST pick_value(s));
		return "replace the content by a value";
	default:
		o = (*v)[rnd((uint32_t)len)];
		if (o == n || n->parent->type != XML_ELEMENT_NODE ||
		    o->parent->type != XML_ELEMENT_NODE)
			return "none";
		for (c = o; c != NULL && c != n; c = c->parent)
			;
		if (c == n)
			return "none";
		xmlAddNextSibling(o, xmlDocCopyNode(n, doc, 1));
		return "copy an element elsewhere";
	}
}

/* ------------------------------------------------------------------ */

static int	 differences, cases, invalid;

/* Compares the verdicts on doc (serialized and read again). */
static void
compare(const char *file, unsigned long k, const char *what, xmlDocPtr doc)
{
	xmlChar		*xml;
	int		 len, a, b;
	xmlDocPtr	 again;
	struct schema	*s;
	char		*msg;

	xmlDocDumpMemory(doc, &xml, &len);
	if (xml == NULL || (again = xmlReadMemory((const char *)xml, len,
	    file, NULL, XML_PARSE_NONET)) == NULL) {
		fprintf(stderr, "differ: %s: case %lu (%s) does not read "
		    "back:\n%s\n", file, k, what,
		    xml != NULL ? (const char *)xml : "");
		exit(2);
	}
	s = schema_for(again);
	a = libxml2_verdict(s, again);
	b = our_verdict(s, again, &msg);
	cases++;
	invalid += a == 0;
	if (a != b || a < 0) {
		if (differences++ < 10)
			fprintf(stderr, "%s: case %lu (%s): libxml2 says %s, "
			    "lsn_tree_validate says %s%s%s\n%s\n", file, k,
			    what, a > 0 ? "valid" : a == 0 ? "invalid" :
			    "error", b > 0 ? "valid" : b == 0 ? "invalid" :
			    "error", msg != NULL ? ": " : "",
			    msg != NULL ? msg : "", (const char *)xml);
	} else if (getenv("DIFFER_VERBOSE") != NULL && msg != NULL)
		printf("%s: case %lu (%s): %s\n", file, k, what, msg);
	free(msg);
	xmlFree(xml);
	xmlFreeDoc(again);
}

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
bench(const char *file, int runs)
{
	xmlDocPtr	 doc;
	struct schema	*s;
	struct lsn_tree	*t;
	liaison_error	*err = NULL;
	double		 t0, t1, t2, t3, best[3] = { 0, 0, 0 };
	int		 i, ok = 1;

	/* without the indentation: a model built by the library has none */
	if ((doc = xmlReadFile(file, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOBLANKS)) == NULL) {
		fprintf(stderr, "differ: %s: cannot read\n", file);
		return 2;
	}
	/* the first validation of a process: the schema read (and, for
	 * ours, the derivatives this model needs computed) */
	t0 = now();
	s = schema_for(doc);
	ok &= libxml2_verdict(s, doc) == 1;
	t1 = now();
	if ((t = lsn_tree_from_xml(doc)) == NULL)
		return 2;
	t2 = now();
	ok &= lsn_tree_validate(t, s->name, &err) == LIAISON_OK;
	t3 = now();
	printf("%s: first validation of the process: libxml2 %.2f ms "
	    "(its schema read twice), ours %.2f ms\n", file, (t1 - t0) * 1e3,
	    (t3 - t2) * 1e3);
	/* the best of the runs: the machine is shared */
	for (i = 0; i < runs; i++) {
		t0 = now();
		ok &= libxml2_verdict(s, doc) == 1;
		t1 = now();
		ok &= lsn_tree_validate(t, s->name, &err) == LIAISON_OK;
		t2 = now();
		lsn_tree_free(t);
		if ((t = lsn_tree_from_xml(doc)) == NULL)
			return 2;
		t3 = now();
		if (i == 0 || t1 - t0 < best[0])
			best[0] = t1 - t0;
		if (i == 0 || t2 - t1 < best[1])
			best[1] = t2 - t1;
		if (i == 0 || t3 - t2 < best[2])
			best[2] = t3 - t2;
	}
	printf("%s: xmlRelaxNGValidateDoc %.2f ms, lsn_tree_validate "
	    "%.2f ms (%.1fx); converting the libxml2 tree to ours %.2f ms "
	    "(best of %d runs; the libxml2 tree and ours built "
	    "beforehand)\n", file, best[0] * 1e3, best[1] * 1e3,
	    best[0] / best[1], best[2] * 1e3, runs);
	lsn_tree_free(t);
	xmlFreeDoc(doc);
	if (!ok)
		fprintf(stderr, "differ: %s: not valid\n", file);
	return ok ? 0 : 1;
}

/* Two validations of one tree, for the failmalloc shim. */
static int
oom_run(const char *file)
{
	xmlDocPtr	 doc;
	struct lsn_tree	*t;
	liaison_error	*err = NULL;
	liaison_status	 st;
	int		 i;

	if ((doc = xmlReadFile(file, NULL, XML_PARSE_NONET)) == NULL)
		return 2;
	if ((t = lsn_tree_from_xml(doc)) == NULL) {
		xmlFreeDoc(doc);
		return 2;
	}
	/* for the script to count the allocations of the setup alone */
	if (getenv("DIFFER_SETUP_ONLY") != NULL)
		i = 2;
	else
		i = 0;
	for (; i < 2; i++) {
		st = lsn_tree_validate(t, strcmp(t->root->name, "diff") == 0 ?
		    "liaison-diff.rng" : "liaison.rng", &err);
		if (st == LIAISON_OK)
			printf("valid\n");
		else if (st == LIAISON_ERR_SCHEMA)
			printf("invalid\n");
		else if (st == LIAISON_ERR_NOMEM)
			printf("nomem\n");
		else
			printf("error: %s\n", liaison_error_string(err));
		liaison_error_free(err);
		err = NULL;
	}
	lsn_tree_free(t);
	xmlFreeDoc(doc);
	return 0;
}

/* The whole file, or exit. */
static char *
slurp(const char *path, size_t *len)
{
	FILE	*f;
	char	*buf = NULL;
	size_t	 cap = 0, n;

	*len = 0;
	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "differ: %s: cannot read\n", path);
		exit(2);
	}
	do {
		if (*len == cap && (buf = realloc(buf, cap = cap * 2 + 4096))
		    == NULL) {
			fprintf(stderr, "differ: out of memory\n");
			exit(2);
		}
		n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
	} while (n > 0);
	fclose(f);
	return buf;
}

/* -t: threads validating trees at once, each its verdict. */
struct job {
	struct lsn_tree	*t;
	const char	*schema;
	liaison_status	 expect;
	int		 wrong;
};

static void *
job_run(void *arg)
{
	struct job	*j = arg;
	liaison_error	*err = NULL;
	int		 i;

	for (i = 0; i < 200; i++) {
		if (lsn_tree_validate(j->t, j->schema, &err) != j->expect)
			j->wrong++;
		liaison_error_free(err);
		err = NULL;
	}
	return NULL;
}

static int
threads(int argc, char *argv[])
{
	struct lsn_tree	*t[16];
	struct job	 jobs[32];
	pthread_t	 th[32];
	xmlDocPtr	 doc;
	liaison_error	*err = NULL;
	int		 i, n = argc > 16 ? 16 : argc, wrong = 0;

	for (i = 0; i < n; i++) {
		if ((doc = xmlReadFile(argv[i], NULL, XML_PARSE_NONET)) ==
		    NULL || (t[i] = lsn_tree_from_xml(doc)) == NULL)
			return 2;
		xmlFreeDoc(doc);
	}
	for (i = 0; i < 32; i++) {
		jobs[i].t = t[i % n];
		jobs[i].schema = strcmp(jobs[i].t->root->name, "diff") == 0 ?
		    "liaison-diff.rng" : "liaison.rng";
		/* the verdict of one thread, alone */
		if (i < n) {
			jobs[i].expect = lsn_tree_validate(jobs[i].t,
			    jobs[i].schema, &err);
			liaison_error_free(err);
			err = NULL;
		} else
			jobs[i].expect = jobs[i % n].expect;
		jobs[i].wrong = 0;
	}
	for (i = 0; i < 32; i++)
		if (pthread_create(&th[i], NULL, job_run, &jobs[i]) != 0)
			return 2;
	for (i = 0; i < 32; i++) {
		pthread_join(th[i], NULL);
		wrong += jobs[i].wrong;
	}
	for (i = 0; i < n; i++)
		lsn_tree_free(t[i]);
	printf("differ: 32 threads, 6400 validations, %d wrong\n", wrong);
	return wrong > 0;
}

/* -R: the schema must be refused as an internal error. */
static int
refused(const char *rng, const char *file)
{
	xmlDocPtr	 doc;
	struct lsn_tree	*t;
	liaison_error	*err = NULL;
	liaison_status	 st;
	size_t		 len;
	char		*text = slurp(rng, &len);

	if ((doc = xmlReadFile(file, NULL, XML_PARSE_NONET)) == NULL ||
	    (t = lsn_tree_from_xml(doc)) == NULL)
		return 2;
	st = lsn_tree_validate_rng(t, text, len, &err);
	printf("%s: %s\n", rng, err != NULL ? liaison_error_string(err) :
	    "accepted");
	liaison_error_free(err);
	lsn_tree_free(t);
	xmlFreeDoc(doc);
	free(text);
	return st == LIAISON_ERR_INTERNAL ? 0 : 1;
}

int
main(int argc, char *argv[])
{
	xmlDocPtr	 doc, copy;
	xmlNodePtr	*v = NULL;
	size_t		 cap = 0;
	unsigned long	 n = 100, seed = 1, k;
	const char	*what;
	int		 i = 1, j, m;

	xmlSetStructuredErrorFunc(NULL, ignore);
	if (argc == 3 && strcmp(argv[1], "-o") == 0)
		return oom_run(argv[2]);
	if (argc == 4 && strcmp(argv[1], "-b") == 0)
		return bench(argv[3], atoi(argv[2]));
	if (argc == 4 && strcmp(argv[1], "-R") == 0)
		return refused(argv[2], argv[3]);
	if (argc > 2 && strcmp(argv[1], "-t") == 0)
		return threads(argc - 2, argv + 2);
	for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
		if (strcmp(argv[i], "-n") == 0)
			n = strtoul(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "-s") == 0)
			seed = strtoul(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "-r") == 0) {
			custom.name = "schema";
			custom.text = slurp(argv[i + 1], &custom.len);
		}
		else
			break;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: differ [-n N] [-s SEED] [-r RNG] "
		    "FILE...\n       differ -b RUNS FILE\n"
		    "       differ -o FILE\n       differ -R RNG FILE\n"
		    "       differ -t FILE...\n");
		return 2;
	}
	for (; i < argc; i++) {
		if ((doc = xmlReadFile(argv[i], NULL, XML_PARSE_NONET)) ==
		    NULL) {
			fprintf(stderr, "differ: %s: cannot read\n", argv[i]);
			return 2;
		}
		compare(argv[i], 0, "as is", doc);
		for (k = 1; k <= n; k++) {
			/* a case is a function of the seed, file and number */
			rng_state = seed * 1000003u + k * 7919u;
			for (j = 0; argv[i][j] != '\0'; j++)
				rng_state = rng_state * 31 +
				    (unsigned char)argv[i][j];
			copy = xmlCopyDoc(doc, 1);
			what = "none";
			for (m = 1 + (rnd(4) == 0) + (rnd(8) == 0); m > 0;
			    m--)
				what = mutate(schema_for(doc), copy, &v, &cap);
			compare(argv[i], k, what, copy);
			xmlFreeDoc(copy);
		}
		xmlFreeDoc(doc);
	}
	free(v);
	printf("differ: %d cases (%d invalid), %d differences\n", cases,
	    invalid, differences);
	return differences > 0 ? 1 : 0;
}

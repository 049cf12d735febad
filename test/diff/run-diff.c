/* SPDX-License-Identifier: MIT */
/*
 * run-diff.c: test driver for the structural diff, through the public
 * API only: run-diff [-f text|markdown|json|xml|html] [-c] OLD NEW
 * where OLD and NEW are documents (text, DOCX) or XML model files
 * (*.xml); or run-diff [...] FILE.docx, which compares the document with
 * its tracked changes rejected against it with them accepted (as
 * `liaison diff FILE.docx`). Exit status as diff(1): 0 same, 1
 * different, 2 trouble.
 * Also checks, for every change, that the word operations rebuild the
 * old and the new text exactly (exit 3 when they do not).
 *
 * run-diff -b RUNS OLD NEW: benchmark; loads both once, then times RUNS
 * diffs (liaison_diff_new and the JSON output into a buffer) and prints
 * "runs=N median_ms=M min_ms=A max_ms=B cpu_median_ms=P changes=C" on
 * stdout (wall clock, and the process's CPU time, which a busy machine
 * disturbs less).
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/tree.h>

#include "liaison.h"

static liaison_doc *
open_doc(const char *path, liaison_error **err)
{
	size_t n = strlen(path);

	if (n > 4 && strcmp(path + n - 4, ".xml") == 0)
		return liaison_doc_open_model(path, err);
	return liaison_doc_open_file(path, NULL, err);
}

static int
is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

/* Concatenates the text of the word elements not named `skip`. */
static char *
rebuild(xmlNodePtr words, const char *skip)
{
	size_t	 len = 0;
	char	*s;

	for (xmlNodePtr w = words->children; w != NULL; w = w->next)
		if (w->type == XML_ELEMENT_NODE && !is(w, skip)) {
			xmlChar *t = xmlNodeGetContent(w);
			len += t != NULL ? strlen((char *)t) : 0;
			xmlFree(t);
		}
	if ((s = calloc(1, len + 1)) == NULL)
		return NULL;
	for (xmlNodePtr w = words->children; w != NULL; w = w->next)
		if (w->type == XML_ELEMENT_NODE && !is(w, skip)) {
			xmlChar *t = xmlNodeGetContent(w);
			if (t != NULL)
				strcat(s, (char *)t);
			xmlFree(t);
		}
	return s;
}

/* 0 when every change's words rebuild its old and new text. */
static int
check_words(xmlDocPtr d)
{
	int bad = 0;

	for (xmlNodePtr c = xmlDocGetRootElement(d)->children; c != NULL;
	    c = c->next) {
		xmlNodePtr words = NULL;
		xmlChar *old = NULL, *new = NULL;
		if (!is(c, "change"))
			continue;
		for (xmlNodePtr k = c->children; k != NULL; k = k->next) {
			if (is(k, "old"))
				old = xmlNodeGetContent(k);
			else if (is(k, "new"))
				new = xmlNodeGetContent(k);
			else if (is(k, "words"))
				words = k;
		}
		if (words != NULL) {
			char *o = rebuild(words, "insert");
			char *n = rebuild(words, "delete");
			if (o == NULL || n == NULL)
				bad = 1;
			else if (strcmp(o, old != NULL ? (char *)old : "") ||
			    strcmp(n, new != NULL ? (char *)new : "")) {
				xmlChar *w = xmlGetProp(c, (const xmlChar *)"where");
				fprintf(stderr, "run-diff: words do not rebuild "
				    "the change at %s\n", (char *)w);
				xmlFree(w);
				bad = 1;
			}
			free(o);
			free(n);
		}
		xmlFree(old);
		xmlFree(new);
	}
	return bad;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Times `runs` diffs of a and b; 0, or 2 on error. */
static int
bench(const liaison_doc *a, const liaison_doc *b, int runs)
{
	double		*ms, *cpu;
	size_t		 changes = 0;
	liaison_error	*err = NULL;

	if ((ms = calloc((size_t)runs, sizeof(*ms))) == NULL)
		return 2;
	if ((cpu = calloc((size_t)runs, sizeof(*cpu))) == NULL) {
		free(ms);
		return 2;
	}
	for (int r = 0; r < runs; r++) {
		struct timespec	 t0, t1, c0, c1;
		liaison_diff	*d;
		char		*out = NULL;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
		if ((d = liaison_diff_new(a, b, &err)) == NULL ||
		    liaison_diff_emit_buffer(d, LIAISON_DIFF_JSON, 0, &out,
		    NULL, &err) != LIAISON_OK) {
			fprintf(stderr, "run-diff: %s\n",
			    liaison_error_string(err));
			liaison_error_free(err);
			liaison_diff_free(d);
			free(ms);
			free(cpu);
			return 2;
		}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
		changes = liaison_diff_count(d);
		free(out);
		liaison_diff_free(d);
		ms[r] = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
		cpu[r] = (double)(c1.tv_sec - c0.tv_sec) * 1e3 +
		    (double)(c1.tv_nsec - c0.tv_nsec) / 1e6;
	}
	qsort(ms, (size_t)runs, sizeof(*ms), cmp_double);
	qsort(cpu, (size_t)runs, sizeof(*cpu), cmp_double);
	printf("runs=%d median_ms=%.1f min_ms=%.1f max_ms=%.1f "
	    "cpu_median_ms=%.1f changes=%zu\n", runs, ms[runs / 2], ms[0],
	    ms[runs - 1], cpu[runs / 2], changes);
	free(ms);
	free(cpu);
	return 0;
}

int
main(int argc, char *argv[])
{
	liaison_diff_format	 fmt = LIAISON_DIFF_TEXT;
	unsigned int		 flags = 0;
	liaison_error		*err = NULL;
	liaison_doc		*a = NULL, *b = NULL;
	liaison_diff		*d = NULL;
	int			 i = 1, rc = 2, runs = 0;

	for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		if (strcmp(argv[i], "-c") == 0)
			flags |= LIAISON_DIFF_COLOR;
		else if (strcmp(argv[i], "-b") == 0 && i + 1 < argc) {
			if ((runs = atoi(argv[++i])) < 1)
				goto usage;
		}
		else if (strcmp(argv[i], "-f") == 0 && i + 1 < argc) {
			const char *f = argv[++i];
			if (strcmp(f, "text") == 0)
				fmt = LIAISON_DIFF_TEXT;
			else if (strcmp(f, "markdown") == 0)
				fmt = LIAISON_DIFF_MARKDOWN;
			else if (strcmp(f, "json") == 0)
				fmt = LIAISON_DIFF_JSON;
			else if (strcmp(f, "xml") == 0)
				fmt = LIAISON_DIFF_XML;
			else if (strcmp(f, "html") == 0)
				fmt = LIAISON_DIFF_HTML;
			else
				goto usage;
		} else
			goto usage;
	}
	if (argc - i == 1) {
		/* One DOCX: its tracked changes, rejected against accepted. */
		liaison_options *opts = liaison_options_new();
		if (opts == NULL) {
			fprintf(stderr, "run-diff: out of memory\n");
			return 2;
		}
		liaison_options_set_format(opts, LIAISON_FORMAT_DOCX);
		liaison_options_set_track_changes(opts, LIAISON_TRACK_REJECT);
		a = liaison_doc_open_file(argv[i], opts, &err);
		liaison_options_set_track_changes(opts, LIAISON_TRACK_ACCEPT);
		if (a != NULL)
			b = liaison_doc_open_file(argv[i], opts, &err);
		liaison_options_free(opts);
	} else if (argc - i == 2) {
		if ((a = open_doc(argv[i], &err)) != NULL)
			b = open_doc(argv[i + 1], &err);
	} else
		goto usage;
	if (a == NULL || b == NULL) {
		fprintf(stderr, "run-diff: %s\n", liaison_error_string(err));
		goto out;
	}
	if (runs > 0) {
		rc = bench(a, b, runs);
		goto out;
	}
	if ((d = liaison_diff_new(a, b, &err)) == NULL ||
	    liaison_diff_emit_file(d, fmt, flags, stdout, &err) != LIAISON_OK) {
		fprintf(stderr, "run-diff: %s\n", liaison_error_string(err));
		goto out;
	}
	rc = check_words(liaison_diff_xml(d)) ? 3 :
	    liaison_diff_count(d) > 0 ? 1 : 0;
out:
	liaison_error_free(err);
	liaison_diff_free(d);
	liaison_doc_free(a);
	liaison_doc_free(b);
	return rc;
usage:
	fprintf(stderr, "usage: run-diff [-c] [-f text|markdown|json|xml|html] "
	    "OLD NEW\n       run-diff [-c] [-f FORMAT] FILE.docx\n"
	    "       run-diff -b RUNS OLD NEW\n");
	return 2;
}

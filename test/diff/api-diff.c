/* SPDX-License-Identifier: MIT */
/*
 * api-diff.c: the diff's public API on its edges (run by make check with
 * the two model files given as arguments):
 * - a missing document or an unknown format is a usage error, with a
 *   message, never a crash;
 * - the buffer and the FILE* outputs are the same bytes, for every
 *   format, with and without colour;
 * - liaison_diff_count() is the number of <change> elements of
 *   liaison_diff_xml(), and diff(A, A) has none;
 * - the diff's schemas are compiled in.
 * Prints one line per failed check; exit 0 when all pass.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "liaison.h"

static int failed;

#define CHECK(cond, what) do {						\
	if (!(cond)) {							\
		printf("FAIL: %s (line %d)\n", (what), __LINE__);	\
		failed = 1;						\
	}								\
} while (0)

static size_t
count_changes(struct _xmlDoc *x)
{
	size_t n = 0;

	for (xmlNodePtr c = xmlDocGetRootElement(x)->children; c != NULL;
	    c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, "change") == 0)
			n++;
	return n;
}

/* The FILE* output, read back through a temporary file. */
static char *
emit_to_file(const liaison_diff *d, liaison_diff_format fmt,
    unsigned int flags, size_t *len)
{
	FILE	*f = tmpfile();
	char	*buf;
	long	 n;

	if (f == NULL)
		return NULL;
	if (liaison_diff_emit_file(d, fmt, flags, f, NULL) != LIAISON_OK ||
	    (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
	    (buf = malloc((size_t)n + 1)) == NULL) {
		fclose(f);
		return NULL;
	}
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

int
main(int argc, char *argv[])
{
	liaison_error	*err = NULL;
	liaison_doc	*a, *b;
	liaison_diff	*d, *same;
	char		*out = NULL;
	size_t		 len;

	if (argc != 3) {
		fprintf(stderr, "usage: api-diff OLD.xml NEW.xml\n");
		return 2;
	}
	a = liaison_doc_open_model(argv[1], &err);
	b = a != NULL ? liaison_doc_open_model(argv[2], &err) : NULL;
	if (a == NULL || b == NULL) {
		printf("FAIL: cannot open the models: %s\n",
		    liaison_error_string(err));
		return 1;
	}

	/* Missing documents: a usage error with a message. */
	CHECK(liaison_diff_new(NULL, b, &err) == NULL, "diff_new(NULL, b)");
	CHECK(err != NULL && liaison_error_code(err) == LIAISON_ERR_USAGE &&
	    strlen(liaison_error_message(err)) > 0, "usage error set");
	liaison_error_free(err);
	err = NULL;
	CHECK(liaison_diff_new(a, NULL, NULL) == NULL, "diff_new(a, NULL)");

	d = liaison_diff_new(a, b, &err);
	CHECK(d != NULL && err == NULL, "diff_new(a, b)");
	if (d == NULL)
		return 1;
	CHECK(liaison_diff_count(d) > 0, "the pair differs");
	CHECK(liaison_diff_xml(d) != NULL &&
	    count_changes(liaison_diff_xml(d)) == liaison_diff_count(d),
	    "count is the number of <change> elements");

	/* Unknown format, missing output pointer: usage errors. */
	CHECK(liaison_diff_emit_buffer(d, (liaison_diff_format)99, 0, &out,
	    &len, &err) == LIAISON_ERR_USAGE && out == NULL,
	    "unknown format");
	liaison_error_free(err);
	err = NULL;
	CHECK(liaison_diff_emit_buffer(d, LIAISON_DIFF_JSON, 0, NULL, NULL,
	    NULL) == LIAISON_ERR_USAGE, "no output pointer");
	CHECK(liaison_diff_emit_buffer(d, (liaison_diff_format)99, 0, &out,
	    NULL, NULL) == LIAISON_ERR_USAGE, "unknown format, no err");
	CHECK(liaison_diff_emit_buffer(NULL, LIAISON_DIFF_TEXT, 0, &out,
	    NULL, NULL) == LIAISON_ERR_USAGE && out == NULL, "no diff");
	CHECK(liaison_diff_emit_buffer(d, (liaison_diff_format)99, 0, &out,
	    NULL, NULL) == LIAISON_ERR_USAGE, "unknown format, no err");
	CHECK(liaison_diff_emit_buffer(NULL, LIAISON_DIFF_TEXT, 0, &out,
	    NULL, NULL) == LIAISON_ERR_USAGE && out == NULL, "no diff");
	CHECK(liaison_diff_emit_file(d, LIAISON_DIFF_TEXT, 0, NULL, NULL) ==
	    LIAISON_ERR_USAGE, "no output stream");

	/* Buffer and FILE* give the same bytes. */
	for (int f = LIAISON_DIFF_TEXT; f <= LIAISON_DIFF_HTML; f++)
		for (unsigned int flags = 0; flags <= LIAISON_DIFF_COLOR;
		    flags += LIAISON_DIFF_COLOR) {
			size_t flen = 0;
			char *fbuf = emit_to_file(d, (liaison_diff_format)f,
			    flags, &flen);
			out = NULL;
			CHECK(liaison_diff_emit_buffer(d, (liaison_diff_format)f,
			    flags, &out, &len, NULL) == LIAISON_OK &&
			    out != NULL && len > 0 && strlen(out) == len,
			    "emit_buffer");
			CHECK(fbuf != NULL && out != NULL && flen == len &&
			    memcmp(fbuf, out, len) == 0,
			    "emit_file and emit_buffer agree");
			free(fbuf);
			free(out);
		}

	/* diff(A, A) is empty. */
	same = liaison_diff_new(a, a, NULL);
	CHECK(same != NULL && liaison_diff_count(same) == 0 &&
	    count_changes(liaison_diff_xml(same)) == 0, "diff(A, A)");
	liaison_diff_free(same);

	/* Schemas compiled in. */
	CHECK(liaison_schema_text("liaison-diff.rng", &len) != NULL &&
	    len > 0, "liaison-diff.rng embedded");
	CHECK(liaison_schema_text("liaison-diff.schema.json", &len) != NULL &&
	    len > 0, "liaison-diff.schema.json embedded");

	liaison_diff_free(d);
	liaison_diff_free(NULL);
	liaison_doc_free(a);
	liaison_doc_free(b);
	if (!failed)
		printf("PASS: diff API\n");
	return failed;
}

/* SPDX-License-Identifier: MIT */
/*
 * misuse.c: every public function of liaison.h called wrongly: NULL
 * objects, names, streams and output pointers, zero lengths, unknown
 * formats and limits, an error pointer reused without being reset.
 * Each must give the status and message liaison.h and liaison(3)
 * promise, never crash; the library must write nothing to stderr and
 * leave the caller's libxml2 error handlers as they were.
 *
 * Run by make check with top_srcdir in the environment (for a sample);
 * uses the public header only (and libxml2's, for its handlers).
 * Prints one line per failed check; exits 0 when all pass.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlerror.h>

#include "liaison.h"

static int failed, checks;

#define CHECK(cond, what) do {						\
	checks++;							\
	if (!(cond)) {							\
		printf("FAIL: %s (line %d)\n", (what), __LINE__);	\
		failed = 1;						\
	}								\
} while (0)

/* 1 when err is a usage error whose message contains `word`. */
static int
usage_error(const liaison_error *err, const char *word)
{
	return err != NULL && liaison_error_code(err) == LIAISON_ERR_USAGE &&
	    strstr(liaison_error_message(err), word) != NULL;
}

/* Frees *err and resets it, as liaison.h asks before reuse. */
static void
reset(liaison_error **err)
{
	liaison_error_free(*err);
	*err = NULL;
}

/* The caller's libxml2 handlers: each call counts, none may come. */
static int user_generic_calls, user_structured_calls;

static void
user_generic(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
	user_generic_calls++;
}

static void
user_structured(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
	user_structured_calls++;
}

static void
test_errors(void)
{
	CHECK(liaison_error_code(NULL) == LIAISON_OK, "code of NULL");
	CHECK(strcmp(liaison_error_message(NULL), "") == 0,
	    "message of NULL");
	CHECK(liaison_error_file(NULL) == NULL, "file of NULL");
	CHECK(liaison_error_part(NULL) == NULL, "part of NULL");
	CHECK(liaison_error_line(NULL) == 0, "line of NULL");
	CHECK(liaison_error_column(NULL) == 0, "column of NULL");
	CHECK(strcmp(liaison_error_string(NULL), "") == 0, "string of NULL");
	liaison_error_free(NULL);
	CHECK(liaison_version() != NULL, "liaison_version");
}

static void
test_options(void)
{
	liaison_options *opts = liaison_options_new();
	unsigned long long def;

	def = liaison_options_get_limit(NULL, LIAISON_LIMIT_INPUT_BYTES);
	CHECK(def > 0, "NULL options have the default limits");
	CHECK(liaison_options_get_limit(NULL, LIAISON_LIMIT__COUNT) == 0 &&
	    liaison_options_get_limit(NULL, (liaison_limit)-1) == 0,
	    "an unknown limit is 0");
	/* NULL options: ignored, no crash */
	liaison_options_set_format(NULL, LIAISON_FORMAT_TEXT);
	liaison_options_set_track_changes(NULL, LIAISON_TRACK_ALL);
	liaison_options_set_encoding(NULL, LIAISON_ENCODING_WINDOWS_1252);
	liaison_options_set_limit(NULL, LIAISON_LIMIT_INPUT_BYTES, 1);
	liaison_options_free(NULL);
	CHECK(opts != NULL, "liaison_options_new");
	if (opts == NULL)
		return;
	liaison_options_set_limit(opts, LIAISON_LIMIT__COUNT, 5);
	liaison_options_set_limit(opts, (liaison_limit)-1, 5);
	CHECK(liaison_options_get_limit(opts, LIAISON_LIMIT__COUNT) == 0,
	    "setting an unknown limit is ignored");
	/* unknown values are ignored: the options still read text */
	liaison_options_set_format(opts, (liaison_format)42);
	liaison_options_set_track_changes(opts, (liaison_track_changes)42);
	liaison_options_set_encoding(opts, (liaison_encoding)42);
	liaison_options_free(opts);
}

static void
test_schemas(void)
{
	size_t len = 99;

	CHECK(liaison_schema_text(NULL, &len) == NULL && len == 0,
	    "schema_text(NULL) is NULL, length 0");
	len = 99;
	CHECK(liaison_schema_text("no-such.rng", &len) == NULL && len == 0,
	    "unknown schema: NULL, length 0");
	CHECK(liaison_schema_text("liaison.rng", NULL) != NULL,
	    "schema_text with a NULL length");
	CHECK(liaison_schema_names() != NULL &&
	    liaison_schema_names()[0] != NULL, "schema names");
}

static void
test_open(const char *sample, const char *dir)
{
	liaison_options *small = liaison_options_new();
	liaison_error *err = NULL, *old;
	liaison_doc *doc;
	char *copy;

	CHECK(liaison_doc_open_file(NULL, NULL, &err) == NULL &&
	    usage_error(err, "liaison_doc_open_file"), "open_file(NULL)");
	reset(&err);
	CHECK(liaison_doc_open_file(NULL, NULL, NULL) == NULL,
	    "open_file(NULL) without err");
	CHECK(liaison_doc_open_model(NULL, &err) == NULL &&
	    usage_error(err, "liaison_doc_open_model"), "open_model(NULL)");
	reset(&err);
	CHECK(liaison_doc_open_model_opts(NULL, NULL, &err) == NULL &&
	    usage_error(err, "liaison_doc_open_model"),
	    "open_model_opts(NULL)");
	reset(&err);
	CHECK(liaison_doc_open_memory(NULL, 5, "x", NULL, &err) == NULL &&
	    usage_error(err, "no data"), "open_memory(NULL, 5)");
	reset(&err);

	/* no bytes, as NULL or as "": the same verdict either way */
	{
		liaison_doc *a, *b;
		liaison_error *ea = NULL, *eb = NULL;

		a = liaison_doc_open_memory(NULL, 0, NULL, NULL, &ea);
		b = liaison_doc_open_memory("", 0, NULL, NULL, &eb);
		CHECK((a == NULL) == (b == NULL) &&
		    liaison_error_code(ea) == liaison_error_code(eb) &&
		    liaison_error_code(ea) != LIAISON_ERR_USAGE &&
		    strcmp(liaison_error_string(ea),
		    liaison_error_string(eb)) == 0,
		    "open_memory(NULL, 0) is an empty input");
		liaison_doc_free(a);
		liaison_doc_free(b);
		liaison_error_free(ea);
		liaison_error_free(eb);
	}

	/* a directory: an I/O error naming it */
	CHECK(liaison_doc_open_file(dir, NULL, &err) == NULL &&
	    liaison_error_code(err) == LIAISON_ERR_IO &&
	    strstr(liaison_error_string(err), "directory") != NULL,
	    "open_file(directory)");
	reset(&err);
	CHECK(liaison_doc_open_model(dir, &err) == NULL &&
	    liaison_error_code(err) == LIAISON_ERR_IO &&
	    strstr(liaison_error_string(err), "directory") != NULL,
	    "open_model(directory)");
	reset(&err);

	/* the model functions are held to the input-bytes limit */
	if (small != NULL) {
		liaison_options_set_limit(small, LIAISON_LIMIT_INPUT_BYTES, 10);
		CHECK(liaison_doc_open_model_opts(sample, small, &err) ==
		    NULL && liaison_error_code(err) == LIAISON_ERR_LIMIT &&
		    strstr(liaison_error_message(err), "input-bytes") != NULL,
		    "open_model_opts over the input-bytes limit");
		reset(&err);
		CHECK(liaison_validate_file_opts(sample, small, NULL, NULL,
		    &err) == LIAISON_ERR_LIMIT && liaison_error_code(err) ==
		    LIAISON_ERR_LIMIT, "validate_file_opts over the limit");
		reset(&err);
		CHECK(liaison_validate_file_opts(sample, small, NULL, NULL,
		    NULL) == LIAISON_ERR_LIMIT,
		    "the same status without err");
	}

	/* a reused error: refused, and left as it was */
	CHECK(liaison_doc_open_file("/nonexistent/x.txt", NULL, &err) ==
	    NULL && liaison_error_code(err) == LIAISON_ERR_IO,
	    "an error to reuse");
	old = err;
	copy = strdup(liaison_error_string(err));
	CHECK(liaison_doc_open_model(sample, &err) == NULL && err == old,
	    "open_model with *err set does nothing");
	CHECK(liaison_doc_open_model_opts(sample, NULL, &err) == NULL &&
	    err == old, "open_model_opts with *err set does nothing");
	CHECK(liaison_doc_open_file(sample, NULL, &err) == NULL && err == old,
	    "open_file with *err set does nothing");
	CHECK(liaison_doc_open_memory("x", 1, NULL, NULL, &err) == NULL &&
	    err == old, "open_memory with *err set does nothing");
	CHECK(liaison_validate_file(sample, NULL, NULL, &err) ==
	    LIAISON_ERR_USAGE && err == old,
	    "validate_file with *err set: usage error");
	CHECK(liaison_validate_file_opts(sample, NULL, NULL, NULL, &err) ==
	    LIAISON_ERR_USAGE && err == old,
	    "validate_file_opts with *err set: usage error");
	CHECK(copy != NULL && strcmp(copy, liaison_error_string(err)) == 0 &&
	    liaison_error_code(err) == LIAISON_ERR_IO,
	    "the reused error keeps its code and message");
	free(copy);
	reset(&err);

	/* with err reset, the same calls work */
	doc = liaison_doc_open_model(sample, &err);
	CHECK(doc != NULL && err == NULL, "open_model after a reset");
	CHECK(liaison_validate_file(sample, NULL, NULL, &err) == LIAISON_OK &&
	    err == NULL, "validate_file after a reset");
	liaison_doc_free(doc);

	CHECK(liaison_validate_file(NULL, NULL, NULL, &err) ==
	    LIAISON_ERR_USAGE && usage_error(err, "liaison_validate_file"),
	    "validate_file(NULL)");
	reset(&err);
	CHECK(liaison_validate_file(NULL, NULL, NULL, NULL) ==
	    LIAISON_ERR_USAGE, "validate_file(NULL) without err");
	CHECK(liaison_validate_file(dir, NULL, NULL, &err) == LIAISON_ERR_IO,
	    "validate_file(directory)");
	reset(&err);

	liaison_doc_free(NULL);
	CHECK(liaison_doc_xml(NULL) == NULL, "doc_xml(NULL)");
	CHECK(liaison_doc_kind(NULL) == NULL, "doc_kind(NULL)");
	liaison_options_free(small);
}

static void
test_emit(const char *sample)
{
	liaison_error *err = NULL, *old;
	liaison_doc *doc = liaison_doc_open_model(sample, NULL);
	char *out = (char *)"untouched";
	size_t len = 7;
	FILE *full, *tmp;

	CHECK(doc != NULL, "open the sample model");
	CHECK(liaison_emit_file(NULL, LIAISON_EMIT_JSON, stdout, &err) ==
	    LIAISON_ERR_USAGE && usage_error(err, "no document"),
	    "emit_file(NULL doc)");
	reset(&err);
	CHECK(liaison_emit_file(doc, LIAISON_EMIT_JSON, NULL, &err) ==
	    LIAISON_ERR_USAGE && usage_error(err, "liaison_emit_file"),
	    "emit_file(NULL FILE)");
	reset(&err);
	CHECK(liaison_emit_file(doc, LIAISON_EMIT_JSON, NULL, NULL) ==
	    LIAISON_ERR_USAGE, "emit_file(NULL FILE) without err");
	if ((tmp = tmpfile()) != NULL) {
		CHECK(liaison_emit_file(doc, (liaison_emit_format)42, tmp,
		    &err) == LIAISON_ERR_USAGE &&
		    usage_error(err, "unknown output format"),
		    "emit_file with an unknown format");
		reset(&err);
		CHECK(liaison_emit_file(doc, (liaison_emit_format)42, tmp,
		    NULL) == LIAISON_ERR_USAGE,
		    "the same status without err");
		fclose(tmp);
	}
	/* a failed write: an I/O error, with err or without */
	if ((full = fopen("/dev/full", "w")) != NULL) {
		CHECK(liaison_emit_file(doc, LIAISON_EMIT_XML, full, &err) ==
		    LIAISON_ERR_IO && liaison_error_code(err) ==
		    LIAISON_ERR_IO, "emit_file to a full device");
		reset(&err);
		clearerr(full);
		CHECK(liaison_emit_file(doc, LIAISON_EMIT_JSON, full, NULL) ==
		    LIAISON_ERR_IO, "the same status without err");
		fclose(full);
	}

	CHECK(liaison_emit_buffer(doc, LIAISON_EMIT_JSON, NULL, &len, &err) ==
	    LIAISON_ERR_USAGE && usage_error(err, "liaison_emit_buffer"),
	    "emit_buffer(NULL out)");
	reset(&err);
	CHECK(liaison_emit_buffer(NULL, LIAISON_EMIT_JSON, &out, &len, &err) ==
	    LIAISON_ERR_USAGE && out == NULL && usage_error(err,
	    "no document"), "emit_buffer(NULL doc): *out is NULL");
	reset(&err);
	out = (char *)"untouched";
	CHECK(liaison_emit_buffer(doc, (liaison_emit_format)-1, &out, NULL,
	    NULL) == LIAISON_ERR_USAGE && out == NULL,
	    "emit_buffer with an unknown format, without err");
	CHECK(liaison_emit_buffer(doc, LIAISON_EMIT_MARKDOWN, &out, NULL,
	    NULL) == LIAISON_OK && out != NULL && strlen(out) > 0,
	    "emit_buffer with a NULL length");
	free(out);

	/* a reused error */
	liaison_emit_file(NULL, LIAISON_EMIT_JSON, stdout, &err);
	old = err;
	out = (char *)"untouched";
	CHECK(liaison_emit_buffer(doc, LIAISON_EMIT_JSON, &out, &len, &err) ==
	    LIAISON_ERR_USAGE && err == old && out == NULL,
	    "emit_buffer with *err set: usage error, *out NULL");
	CHECK(liaison_emit_file(doc, LIAISON_EMIT_JSON, stdout, &err) ==
	    LIAISON_ERR_USAGE && err == old,
	    "emit_file with *err set writes nothing");
	CHECK(usage_error(err, "no document"), "and keeps the error");
	reset(&err);
	liaison_doc_free(doc);
}

static void
test_diff(const char *sample)
{
	liaison_error *err = NULL, *old;
	liaison_doc *doc = liaison_doc_open_model(sample, NULL);
	liaison_diff *d;
	char *out = (char *)"untouched";
	FILE *tmp;

	CHECK(liaison_diff_new(NULL, doc, &err) == NULL &&
	    usage_error(err, "liaison_diff_new"), "diff_new(NULL, doc)");
	reset(&err);
	CHECK(liaison_diff_new(doc, NULL, &err) == NULL &&
	    usage_error(err, "liaison_diff_new"), "diff_new(doc, NULL)");
	reset(&err);
	CHECK(liaison_diff_new(NULL, NULL, NULL) == NULL,
	    "diff_new(NULL, NULL) without err");
	CHECK(liaison_diff_new_opts(NULL, doc, 0, &err) == NULL &&
	    usage_error(err, "liaison_diff_new"), "diff_new_opts(NULL, doc)");
	reset(&err);
	CHECK(liaison_diff_new_opts(doc, doc, 0x80, &err) == NULL &&
	    usage_error(err, "unknown flags 0x80"),
	    "diff_new_opts with an unknown flag");
	reset(&err);
	CHECK(liaison_diff_count(NULL) == 0, "diff_count(NULL)");
	CHECK(liaison_diff_xml(NULL) == NULL, "diff_xml(NULL)");
	liaison_diff_free(NULL);
	CHECK(liaison_diff_emit_file(NULL, LIAISON_DIFF_TEXT, 0, stdout,
	    &err) == LIAISON_ERR_USAGE && usage_error(err, "no diff"),
	    "diff_emit_file(NULL diff)");
	reset(&err);
	CHECK(liaison_diff_emit_buffer(NULL, LIAISON_DIFF_JSON, 0, &out, NULL,
	    &err) == LIAISON_ERR_USAGE && out == NULL,
	    "diff_emit_buffer(NULL diff)");
	reset(&err);

	d = liaison_diff_new(doc, doc, &err);
	CHECK(d != NULL && err == NULL && liaison_diff_count(d) == 0,
	    "a document against itself");
	CHECK(liaison_diff_emit_file(d, LIAISON_DIFF_TEXT, 0, NULL, &err) ==
	    LIAISON_ERR_USAGE && usage_error(err, "liaison_diff_emit_file"),
	    "diff_emit_file(NULL FILE)");
	reset(&err);
	CHECK(liaison_diff_emit_buffer(d, LIAISON_DIFF_TEXT, 0, NULL, NULL,
	    &err) == LIAISON_ERR_USAGE &&
	    usage_error(err, "liaison_diff_emit_buffer"),
	    "diff_emit_buffer(NULL out)");
	reset(&err);
	if ((tmp = tmpfile()) != NULL) {
		CHECK(liaison_diff_emit_file(d, (liaison_diff_format)42, 0,
		    tmp, NULL) == LIAISON_ERR_USAGE,
		    "diff_emit_file with an unknown format, without err");
		fclose(tmp);
	}

	/* a reused error */
	liaison_diff_new(NULL, NULL, &err);
	old = err;
	CHECK(liaison_diff_new(doc, doc, &err) == NULL && err == old,
	    "diff_new with *err set does nothing");
	CHECK(liaison_diff_emit_file(d, LIAISON_DIFF_TEXT, 0, stdout, &err) ==
	    LIAISON_ERR_USAGE && err == old,
	    "diff_emit_file with *err set writes nothing");
	out = (char *)"untouched";
	CHECK(liaison_diff_emit_buffer(d, LIAISON_DIFF_TEXT, 0, &out, NULL,
	    &err) == LIAISON_ERR_USAGE && err == old && out == NULL,
	    "diff_emit_buffer with *err set: usage error, *out NULL");
	reset(&err);
	liaison_diff_free(d);
	liaison_doc_free(doc);
}

int
main(void)
{
	const char *srcdir = getenv("top_srcdir");
	char sample[4096], errfile[] = "/tmp/liaison-misuse.XXXXXX";
	long errlen = -1;
	int saved, fd;

	if (srcdir == NULL) {
		fprintf(stderr, "misuse: top_srcdir is not set\n");
		return 99;
	}
	/* a model file: the golden XML of a sample */
	snprintf(sample, sizeof(sample), "%s/test/golden/ls-sg17-questions.txt.xml",
	    srcdir);
	if (access(sample, R_OK) != 0) {
		fprintf(stderr, "misuse: %s: not readable\n", sample);
		return 99;
	}
	/* stderr into a file, to show the library writes nothing there */
	fflush(stderr);
	if ((fd = mkstemp(errfile)) == -1 || (saved = dup(2)) == -1 ||
	    dup2(fd, 2) == -1) {
		perror("misuse: stderr");
		return 99;
	}
	xmlSetGenericErrorFunc(&user_generic_calls, user_generic);
	xmlSetStructuredErrorFunc(&user_structured_calls, user_structured);

	test_errors();
	test_options();
	test_schemas();
	test_open(sample, srcdir);
	test_emit(sample);
	test_diff(sample);

	CHECK(xmlGenericError == user_generic &&
	    xmlGenericErrorContext == &user_generic_calls,
	    "the caller's generic libxml2 handler is put back");
	CHECK(xmlStructuredError == user_structured &&
	    xmlStructuredErrorContext == &user_structured_calls,
	    "the caller's structured libxml2 handler is put back");
	CHECK(user_generic_calls == 0 && user_structured_calls == 0,
	    "the caller's libxml2 handlers hear nothing from the library");
	fflush(stderr);
	errlen = lseek(fd, 0, SEEK_END);
	dup2(saved, 2);
	close(saved);
	CHECK(errlen == 0, "nothing written to stderr");
	if (errlen > 0) {
		char buf[1024];
		ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);

		buf[n > 0 ? n : 0] = '\0';
		printf("  stderr had: %s\n", buf);
	}
	close(fd);
	unlink(errfile);
	printf("misuse: %d checks, %s\n", checks, failed ? "FAILED" : "all passed");
	return failed;
}

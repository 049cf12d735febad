/* SPDX-License-Identifier: MIT */
/*
 * api-test.c: the public API as an outside program sees it, built
 * against the installed header and library (test/api.sh).
 *
 * usage: api-test SAMPLE.txt SAMPLE.docx SCRATCHDIR
 *
 * Each check prints "ok N - what" or "not ok N - what"; the exit status
 * is the number of failed checks (capped at 100).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <liaison.h>

static int checks, failures;

static void
check(int ok, const char *what)
{
	checks++;
	if (!ok)
		failures++;
	printf("%sok %d - %s\n", ok ? "" : "not ", checks, what);
}

/* Reads a whole file into a new buffer (caller frees); NULL on error. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *data = NULL, *grown;
	size_t cap = 0, n = 0, got;

	if (fp == NULL)
		return NULL;
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((grown = realloc(data, cap)) == NULL) {
				free(data);
				fclose(fp);
				return NULL;
			}
			data = grown;
		}
		got = fread(data + n, 1, cap - n, fp);
		n += got;
	} while (got > 0);
	fclose(fp);
	*len = n;
	return data;
}

static int
writefile(const char *path, const char *data)
{
	FILE *fp = fopen(path, "wb");

	if (fp == NULL)
		return -1;
	fputs(data, fp);
	return fclose(fp) == 0 ? 0 : -1;
}

/* What liaison_validate_file reports. */
struct violations {
	int		count;
	unsigned long	first_line;
};

static void
on_violation(void *ctx, unsigned long line, const char *msg)
{
	struct violations *v = ctx;

	if (v->count++ == 0)
		v->first_line = line;
	(void)msg;
}

static void
test_version_and_schemas(void)
{
	const char *const *names;
	const char *text;
	size_t len = 0;
	int n = 0, have_rng = 0;

	check(liaison_version() != NULL &&
	    strchr(liaison_version(), '.') != NULL, "liaison_version");
	for (names = liaison_schema_names(); *names != NULL; names++, n++) {
		text = liaison_schema_text(*names, &len);
		if (text == NULL || len == 0 || strlen(text) < len)
			break;
		if (strcmp(*names, "liaison.rng") == 0)
			have_rng = strstr(text, "<grammar") != NULL;
	}
	check(*names == NULL && n >= 2 && have_rng,
	    "every schema name has a text; liaison.rng is RELAX NG");
	check(liaison_schema_text("no-such-schema", &len) == NULL,
	    "unknown schema name gives NULL");
}

static void
test_options(void)
{
	liaison_options *opts = liaison_options_new();
	unsigned long long def;

	check(opts != NULL, "liaison_options_new");
	if (opts == NULL)
		return;
	def = liaison_options_get_limit(opts, LIAISON_LIMIT_INPUT_BYTES);
	liaison_options_set_limit(opts, LIAISON_LIMIT_INPUT_BYTES, 10);
	check(def > 10 && liaison_options_get_limit(opts,
	    LIAISON_LIMIT_INPUT_BYTES) == 10, "a limit can be set");
	liaison_options_set_limit(opts, LIAISON_LIMIT_INPUT_BYTES, 0);
	check(liaison_options_get_limit(opts, LIAISON_LIMIT_INPUT_BYTES) ==
	    def, "0 restores the default limit");
	check(liaison_options_parse_limit(opts, "zip-entry-bytes=3k", NULL) ==
	    LIAISON_OK && liaison_options_get_limit(opts,
	    LIAISON_LIMIT_ZIP_ENTRY_BYTES) == 3072, "a limit parsed by name");
	{
		liaison_error *err = NULL;

		check(liaison_options_parse_limit(opts, "xml-depth=3k", &err) ==
		    LIAISON_ERR_USAGE && liaison_options_get_limit(opts,
		    LIAISON_LIMIT_XML_DEPTH) != 3072 && strcmp(
		    liaison_error_message(err), "the value must be a whole "
		    "number above 0") == 0, "a count takes no suffix");
		liaison_error_free(err);
		err = NULL;
		check(liaison_options_parse_limit(opts, "nope=1", &err) ==
		    LIAISON_ERR_USAGE && strstr(liaison_error_message(err),
		    "unknown limit (limits: input-bytes,") != NULL,
		    "an unknown limit names the limits");
		liaison_error_free(err);
	}
	check(strcmp(liaison_limit_name(LIAISON_LIMIT_PARAGRAPH_MARKS),
	    "paragraph-marks") == 0 &&
	    liaison_limit_name(LIAISON_LIMIT__COUNT) == NULL,
	    "limit names");
	liaison_options_free(opts);
	liaison_options_free(NULL);
}

static void
test_text(const char *sample, const char *scratch)
{
	liaison_options *opts;
	liaison_error *err = NULL;
	liaison_doc *doc, *mem, *model;
	liaison_diff *diff;
	char *json = NULL, *xml = NULL, *md = NULL, *data, path[4096];
	size_t len = 0, datalen = 0;
	FILE *fp;

	doc = liaison_doc_open_file(sample, NULL, &err);
	check(doc != NULL && err == NULL, "open a text sample");
	if (doc == NULL) {
		fprintf(stderr, "%s\n", liaison_error_string(err));
		liaison_error_free(err);
		return;
	}
	check(liaison_doc_xml(doc) != NULL, "liaison_doc_xml");
	check(liaison_doc_kind(doc) != NULL, "liaison_doc_kind");

	check(liaison_emit_buffer(doc, LIAISON_EMIT_JSON, &json, &len,
	    NULL) == LIAISON_OK && json != NULL && len == strlen(json) &&
	    strstr(json, "\"model\"") != NULL, "JSON into a buffer");
	check(liaison_emit_buffer(doc, LIAISON_EMIT_XML, &xml, NULL,
	    NULL) == LIAISON_OK && strstr(xml, "<document") != NULL,
	    "XML into a buffer (len may be NULL)");
	check(liaison_emit_buffer(doc, LIAISON_EMIT_MARKDOWN, &md, &len,
	    NULL) == LIAISON_OK && strncmp(md, "---\n", 4) != 0 &&
	    strstr(md, "* **Kind:** ") != NULL,
	    "Markdown into a buffer, metadata as a list");
	free(md);
	check(liaison_emit_buffer(doc, LIAISON_EMIT_MARKDOWN_FRONT_MATTER,
	    &md, &len, NULL) == LIAISON_OK && strncmp(md, "---\n", 4) == 0 &&
	    strstr(md, "* **Kind:** ") == NULL,
	    "Markdown into a buffer, with front matter");

	/* A FILE gets the same bytes as the buffer. */
	snprintf(path, sizeof(path), "%s/doc.json", scratch);
	if ((fp = fopen(path, "wb")) != NULL) {
		liaison_status rc = liaison_emit_file(doc, LIAISON_EMIT_JSON,
		    fp, NULL);

		fclose(fp);
		data = slurp(path, &datalen);
		check(rc == LIAISON_OK && data != NULL &&
		    datalen == strlen(json) && memcmp(data, json, datalen) == 0,
		    "liaison_emit_file writes what liaison_emit_buffer does");
		free(data);
	} else
		check(0, "scratch file");

	/* From memory, the model is the same but for the name. */
	data = slurp(sample, &datalen);
	mem = data != NULL ? liaison_doc_open_memory(data, datalen, NULL,
	    NULL, NULL) : NULL;
	free(data);
	check(mem != NULL && strcmp(liaison_doc_kind(mem),
	    liaison_doc_kind(doc)) == 0, "open from memory");

	/* The model read back, and compared with the document. */
	snprintf(path, sizeof(path), "%s/doc.xml", scratch);
	check(writefile(path, xml) == 0 && liaison_validate_file(path, NULL,
	    NULL, NULL) == LIAISON_OK, "the XML validates");
	model = liaison_doc_open_model(path, &err);
	check(model != NULL, "liaison_doc_open_model");
	diff = model != NULL ? liaison_diff_new(doc, model, &err) : NULL;
	check(diff != NULL && liaison_diff_count(diff) == 0 &&
	    liaison_diff_xml(diff) != NULL,
	    "a document and its model do not differ");
	liaison_diff_free(diff);
	if (mem != NULL) {
		char *out = NULL;

		diff = liaison_diff_new(doc, mem, NULL);
		check(diff != NULL && liaison_diff_emit_buffer(diff,
		    LIAISON_DIFF_JSON, 0, &out, NULL, NULL) == LIAISON_OK &&
		    strstr(out, "liaison-diff/1") != NULL,
		    "diff as JSON into a buffer");
		free(out);
		liaison_diff_free(diff);
	}

	/* The HTML page's whole-document view, and a diff made without it
	 * (two revisions of a small text). */
	{
		liaison_doc *a, *b;
		char *out = NULL, pa[4096], pb[4096];

		snprintf(pa, sizeof(pa), "%s/old.txt", scratch);
		snprintf(pb, sizeof(pb), "%s/new.txt", scratch);
		a = writefile(pa, "1 Scope\n\nThis text has one word.\n\n"
		    "2 Work\n\nNothing changes here.\n") == 0 ?
		    liaison_doc_open_file(pa, NULL, NULL) : NULL;
		b = writefile(pb, "1 Scope\n\nThis text has two words.\n\n"
		    "2 Work\n\nNothing changes here.\n") == 0 ?
		    liaison_doc_open_file(pb, NULL, NULL) : NULL;
		diff = a != NULL && b != NULL ? liaison_diff_new(a, b, NULL) :
		    NULL;
		check(diff != NULL && liaison_diff_count(diff) > 0 &&
		    liaison_diff_emit_buffer(diff, LIAISON_DIFF_HTML, 0, &out,
		    NULL, NULL) == LIAISON_OK && out != NULL &&
		    strstr(out, "id=\"document\"") != NULL &&
		    strstr(out, "href=\"#document\"") != NULL,
		    "the HTML diff has the whole-document view");
		free(out);
		out = NULL;
		liaison_diff_free(diff);
		diff = a != NULL && b != NULL ? liaison_diff_new_opts(a, b,
		    LIAISON_DIFF_NEW_NO_VIEW, NULL) : NULL;
		check(diff != NULL && liaison_diff_count(diff) > 0 &&
		    liaison_diff_emit_buffer(diff, LIAISON_DIFF_HTML, 0, &out,
		    NULL, NULL) == LIAISON_OK && out != NULL &&
		    strstr(out, "changes in place") == NULL &&
		    strstr(out, "#document") == NULL &&
		    strstr(out, "class=\"chg ") != NULL,
		    "LIAISON_DIFF_NEW_NO_VIEW: HTML lists the changes only");
		free(out);
		liaison_diff_free(diff);
		liaison_doc_free(a);
		liaison_doc_free(b);
	}

	/* A limit below the input's size fails with LIAISON_ERR_LIMIT. */
	opts = liaison_options_new();
	liaison_options_set_limit(opts, LIAISON_LIMIT_INPUT_BYTES, 10);
	liaison_error_free(err);
	err = NULL;
	check(liaison_doc_open_file(sample, opts, &err) == NULL && err != NULL &&
	    liaison_error_code(err) == LIAISON_ERR_LIMIT,
	    "the input-bytes limit is enforced");
	liaison_options_free(opts);

	liaison_error_free(err);
	liaison_doc_free(model);
	liaison_doc_free(mem);
	liaison_doc_free(doc);
	liaison_doc_free(NULL);
	free(json);
	free(xml);
	free(md);
}

static void
test_docx(const char *sample)
{
	liaison_options *opts = liaison_options_new();
	liaison_doc *doc;

	liaison_options_set_format(opts, LIAISON_FORMAT_DOCX);
	liaison_options_set_track_changes(opts, LIAISON_TRACK_ALL);
	doc = liaison_doc_open_file(sample, opts, NULL);
	check(doc != NULL, "open a DOCX sample");
	liaison_doc_free(doc);
	liaison_options_free(opts);
}

/* Word's "Plain Text" in Windows-1252: refused as UTF-8, read with the
 * encoding set; a byte Windows-1252 leaves undefined is refused. */
static void
test_encoding(void)
{
	static const char cp1252[] = "1 Scope\n\nCaf\xe9 \x93quoted\x94 "
	    "\x96 \x80" "10\n";
	static const char undefined[] = "x\x81y\n";
	liaison_options *opts = liaison_options_new();
	liaison_error *err = NULL;
	liaison_doc *doc;
	char *json = NULL;

	check(liaison_doc_open_memory(cp1252, sizeof(cp1252) - 1, "w.txt",
	    NULL, &err) == NULL && liaison_error_code(err) == LIAISON_ERR_UTF8,
	    "Windows-1252 text is no UTF-8");
	liaison_error_free(err);
	err = NULL;
	liaison_options_set_encoding(opts, LIAISON_ENCODING_WINDOWS_1252);
	doc = liaison_doc_open_memory(cp1252, sizeof(cp1252) - 1, "w.txt",
	    opts, &err);
	check(doc != NULL && liaison_emit_buffer(doc, LIAISON_EMIT_JSON,
	    &json, NULL, NULL) == LIAISON_OK && json != NULL &&
	    strstr(json, "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d "
	    "\xe2\x80\x93 \xe2\x82\xac" "10") != NULL,
	    "Windows-1252 text read with LIAISON_ENCODING_WINDOWS_1252");
	free(json);
	liaison_doc_free(doc);
	liaison_error_free(err);
	err = NULL;
	check(liaison_doc_open_memory(undefined, sizeof(undefined) - 1,
	    "u.txt", opts, &err) == NULL &&
	    liaison_error_code(err) == LIAISON_ERR_UTF8 &&
	    liaison_error_line(err) == 1,
	    "a byte Windows-1252 leaves undefined: LIAISON_ERR_UTF8");
	liaison_error_free(err);
	liaison_options_free(opts);
}

static void
test_errors(const char *scratch)
{
	liaison_error *err = NULL;
	struct violations v = { 0, 0 };
	char path[4096];
	static const char bad_utf8[] = "Abstract:\nbad \xff byte\n";
	static const char bad_model[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<document model=\"liaison/1\" kind=\"memo\">\n"
	    "</document>\n";

	snprintf(path, sizeof(path), "%s/no-such-file.txt", scratch);
	check(liaison_doc_open_file(path, NULL, &err) == NULL && err != NULL &&
	    liaison_error_code(err) == LIAISON_ERR_IO &&
	    liaison_error_file(err) != NULL &&
	    strstr(liaison_error_string(err), "no-such-file.txt") != NULL,
	    "a missing file: LIAISON_ERR_IO naming the file");
	liaison_error_free(err);
	err = NULL;

	check(liaison_doc_open_memory(bad_utf8, sizeof(bad_utf8) - 1,
	    "bad.txt", NULL, &err) == NULL && err != NULL &&
	    liaison_error_code(err) == LIAISON_ERR_UTF8 &&
	    liaison_error_line(err) == 2 && liaison_error_message(err) != NULL,
	    "bad UTF-8: LIAISON_ERR_UTF8 on line 2");
	liaison_error_free(err);
	err = NULL;

	/* Without err, failure is still reported by the return value. */
	check(liaison_doc_open_memory(bad_utf8, sizeof(bad_utf8) - 1, NULL,
	    NULL, NULL) == NULL, "err may be NULL");

	snprintf(path, sizeof(path), "%s/bad-model.xml", scratch);
	check(writefile(path, bad_model) == 0 &&
	    liaison_validate_file(path, on_violation, &v, &err) ==
	    LIAISON_ERR_SCHEMA && v.count >= 1 && v.first_line == 2,
	    "an invalid model: each violation reported with its line");
	liaison_error_free(err);
	err = NULL;
	check(liaison_doc_open_model(path, &err) == NULL && err != NULL &&
	    liaison_error_code(err) == LIAISON_ERR_SCHEMA,
	    "an invalid model is not opened");
	liaison_error_free(err);
	liaison_error_free(NULL);
}

int
main(int argc, char *argv[])
{
	if (argc != 4) {
		fprintf(stderr, "usage: api-test SAMPLE.txt SAMPLE.docx "
		    "SCRATCHDIR\n");
		return 100;
	}
	test_version_and_schemas();
	test_options();
	test_text(argv[1], argv[3]);
	test_docx(argv[2]);
	test_encoding();
	test_errors(argv[3]);
	printf("1..%d\n", checks);
	return failures > 100 ? 100 : failures;
}

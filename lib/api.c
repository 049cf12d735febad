/* SPDX-License-Identifier: MIT */
/*
 * api.c: the public entry points: opening documents, emitting, bundled
 * schemas and validation of model files (options: options.c).
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>


#include "liaison.h"
#include "options.h"
#include "doc.h"
#include "diff/diff.h"
#include "emit/emit.h"
#include "tree/tree.h"
#include "tree/validate.h"
#include "tree/xml.h"
#include "tree/schema-data.h"
#include "reader/readers.h"
#include "recognize/recognize.h"
#include "util/error.h"
#include "util/sha256.h"

/* ------------------------------------------------------------------ */
/* Documents                                                           */

/*
 * Opens a document from data. With `owned`, data is the caller's
 * malloc'd copy and is freed here (always) as soon as the reader is
 * done with it: the input is not held while the model is built. Only
 * the reader looks at data; its hash is taken first.
 */
static liaison_doc *
open_data(void *owned, const void *data, size_t len, const char *name,
    const liaison_options *opts, liaison_error **err)
{
	struct liaison_options	 defaults;
	struct lsn_stream	 stream;
	struct lsn_core		 core;
	struct lsn_source_info	 src;
	struct lsn_sha256	 sha;
	char			 hex[65];
	const struct lsn_reader	*reader;
	liaison_status		 rc;
	struct lsn_tree		 *model = NULL;
	liaison_doc		*doc;

	if (name == NULL)
		name = "-";
	if (data == NULL && len > 0) {
		lsn_error_set(err, LIAISON_ERR_USAGE, name, NULL, 0, 0,
		    "no data");
		free(owned);
		return NULL;
	}
	if (opts == NULL) {
		lsn_options_defaults(&defaults);
		opts = &defaults;
	}
	if (len > lsn_limit(opts, LIAISON_LIMIT_INPUT_BYTES)) {
		char t[LSN_LIMIT_TEXT];

		lsn_error_set(err, LIAISON_ERR_LIMIT, name, NULL, 0, 0,
		    "input is %zu bytes, more than the input-bytes limit of "
		    "%s " LSN_RAISE_BYTES("input-bytes"), len,
		    lsn_limit_text(LIAISON_LIMIT_INPUT_BYTES,
		    lsn_limit(opts, LIAISON_LIMIT_INPUT_BYTES), t));
		free(owned);
		return NULL;
	}
	if ((reader = lsn_reader_choose(data, len, name, opts->format,
	    err)) == NULL) {
		free(owned);
		return NULL;
	}

	lsn_sha256_init(&sha);
	lsn_sha256_update(&sha, data, len);
	lsn_sha256_hex(&sha, hex);

	memset(&stream, 0, sizeof(stream));
	memset(&core, 0, sizeof(core));
	stream.max_paras = (size_t)lsn_limit(opts, LIAISON_LIMIT_PARAGRAPHS);
	stream.max_marks = (size_t)lsn_limit(opts,
	    LIAISON_LIMIT_PARAGRAPH_MARKS);
	rc = reader->read(data, len, name, opts, &stream, &core, err);
	free(owned);
	data = owned = NULL;
	if (rc != LIAISON_OK) {
		if (err != NULL)
			lsn_error_set_file(*err, name);
		goto fail;
	}

	src.file = name;
	src.format = reader->name;
	src.sha256 = hex;
	src.core = &core;
	src.opts = opts;
	/* frees the stream once read, before the model grows */
	if ((rc = lsn_recognize(&stream, &src, &model, err)) != LIAISON_OK)
		goto fail;
	/* A model the schema rejects is our bug, never the input's (a
	 * validation that ran out of memory is neither). */
	if ((rc = lsn_tree_validate(model, "liaison.rng", err)) !=
	    LIAISON_OK) {
		if (err != NULL && rc == LIAISON_ERR_SCHEMA)
			lsn_error_recode(*err, LIAISON_ERR_INTERNAL);
		if (err != NULL)
			lsn_error_set_file(*err, name);
		goto fail;
	}
	if ((doc = lsn_doc_new(model)) == NULL) {
		lsn_error_set(err, LIAISON_ERR_NOMEM, name, NULL, 0, 0,
		    "out of memory");
		goto fail;
	}
	lsn_core_clear(&core);
	return doc;
fail:
	lsn_tree_free(model);
	lsn_stream_free(&stream);
	lsn_core_clear(&core);
	return NULL;
}

liaison_doc *
liaison_doc_open_memory(const void *data, size_t len, const char *name,
    const liaison_options *opts, liaison_error **err)
{
	struct lsn_xml_quiet	 q;
	liaison_doc		*doc;

	if (lsn_error_in_use(err))
		return NULL;
	/* no bytes may come as no pointer: never handed on (memcpy and
	 * the like want a pointer even for 0 bytes) */
	if (data == NULL && len == 0)
		data = "";
	lsn_xml_quiet_begin(&q);
	doc = open_data(NULL, data, len, name, opts, err);
	lsn_xml_quiet_end(&q);
	return doc;
}

/*
 * Reads a whole file, refusing more than `limit` bytes. The caller
 * frees the result.
 */
static char *
read_file(const char *path, unsigned long long limit, size_t *lenp,
    liaison_error **err)
{
	struct stat	 st;
	FILE		*f;
	char		*buf = NULL, *p;
	size_t		 len = 0, cap = 0, first = 65536, n;

	if (strcmp(path, "-") == 0)
		f = stdin;
	else if ((f = fopen(path, "rb")) == NULL) {
		/* fopen allocates its FILE: that failing is no I/O error */
		if (errno == ENOMEM)
			lsn_error_set(err, LIAISON_ERR_NOMEM, path, NULL, 0, 0,
			    "out of memory");
		else
			lsn_error_set(err, LIAISON_ERR_IO, path, NULL, 0, 0,
			    "cannot open: %s", strerror(errno));
		return NULL;
	}
	/* A regular file's size is known: one buffer of that size (and a
	 * byte to see the end), not a doubling one (up to twice the input,
	 * all of it touched). A file that grows meanwhile is still read to
	 * its end. */
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		lsn_error_set(err, LIAISON_ERR_IO, path, NULL, 0, 0,
		    "cannot read: %s", strerror(EISDIR));
		goto fail;
	}
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > limit) {
		char t[LSN_LIMIT_TEXT];

		/* refused before a byte is read */
		lsn_error_set(err, LIAISON_ERR_LIMIT, path, NULL, 0, 0,
		    "input is %llu bytes, more than the input-bytes limit of "
		    "%s " LSN_RAISE_BYTES("input-bytes"),
		    (unsigned long long)st.st_size,
		    lsn_limit_text(LIAISON_LIMIT_INPUT_BYTES, limit, t));
		goto fail;
	}
	if (S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (unsigned long long)st.st_size < SIZE_MAX - 65536)
		first = (size_t)st.st_size + 1;
	for (;;) {
		if (cap == len) {
			cap = cap == 0 ? first : cap * 2;
			if ((p = realloc(buf, cap + 1)) == NULL) {
				lsn_error_set(err, LIAISON_ERR_NOMEM, path,
				    NULL, 0, 0, "out of memory");
				goto fail;
			}
			buf = p;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (len > limit) {
			char t[LSN_LIMIT_TEXT];

			lsn_error_set(err, LIAISON_ERR_LIMIT, path, NULL, 0, 0,
			    "input is larger than the input-bytes limit of %s "
			    LSN_RAISE_BYTES("input-bytes"),
			    lsn_limit_text(LIAISON_LIMIT_INPUT_BYTES, limit,
			    t));
			goto fail;
		}
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		lsn_error_set(err, LIAISON_ERR_IO, path, NULL, 0, 0,
		    "read error: %s", strerror(errno));
		goto fail;
	}
	if (f != stdin)
		fclose(f);
	buf[len] = '\0';
	*lenp = len;
	return buf;
fail:
	if (f != stdin)
		fclose(f);
	free(buf);
	return NULL;
}

liaison_doc *
liaison_doc_open_file(const char *path, const liaison_options *opts,
    liaison_error **err)
{
	struct lsn_xml_quiet	 q;
	liaison_doc		*doc;
	char			*data;
	size_t			 len;

	if (lsn_error_in_use(err))
		return NULL;
	if (path == NULL) {
		lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "liaison_doc_open_file: no file name");
		return NULL;
	}
	data = read_file(path, lsn_limit(opts, LIAISON_LIMIT_INPUT_BYTES),
	    &len, err);
	if (data == NULL)
		return NULL;
	lsn_xml_quiet_begin(&q);
	doc = open_data(data, data, len, path, opts, err);
	lsn_xml_quiet_end(&q);
	return doc;
}

/* Parses and validates a model file; see liaison_doc_open_model_opts. */
static liaison_doc *
open_model(const char *path, const liaison_options *opts,
    liaison_error **err)
{
	struct lsn_tree	*tree;
	liaison_doc	*doc;

	if ((tree = lsn_tree_read_model(path,
	    lsn_limit(opts, LIAISON_LIMIT_INPUT_BYTES), err)) == NULL)
		return NULL;
	if ((doc = lsn_doc_new(tree)) == NULL) {
		lsn_tree_free(tree);
		lsn_error_set(err, LIAISON_ERR_NOMEM, path, NULL, 0, 0,
		    "out of memory");
		return NULL;
	}
	return doc;
}

liaison_doc *
liaison_doc_open_model_opts(const char *path, const liaison_options *opts,
    liaison_error **err)
{
	struct lsn_xml_quiet	 q;
	liaison_doc		*doc;

	if (lsn_error_in_use(err))
		return NULL;
	if (path == NULL) {
		lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "liaison_doc_open_model: no file name");
		return NULL;
	}
	lsn_xml_quiet_begin(&q);
	doc = open_model(path, opts, err);
	lsn_xml_quiet_end(&q);
	return doc;
}

liaison_doc *
liaison_doc_open_model(const char *path, liaison_error **err)
{
	return liaison_doc_open_model_opts(path, NULL, err);
}

liaison_doc *
lsn_doc_new(struct lsn_tree *tree)
{
	liaison_doc	*doc;

	if ((doc = calloc(1, sizeof(*doc))) == NULL)
		return NULL;
	if (pthread_mutex_init(&doc->xml_lock, NULL) != 0) {
		free(doc);
		return NULL;
	}
	doc->tree = tree;
	return doc;
}

void
liaison_doc_free(liaison_doc *doc)
{
	if (doc == NULL)
		return;
	lsn_tree_free(doc->tree);
	lsn_xml_doc_free(doc->xml);
	pthread_mutex_destroy(&doc->xml_lock);
	free(doc);
}

struct _xmlDoc *
liaison_doc_xml(const liaison_doc *doc)
{
	liaison_doc	*d = (liaison_doc *)doc;

	return d != NULL ? lsn_tree_to_xml_once(d->tree, &d->xml,
	    &d->xml_lock) : NULL;
}

const char *
liaison_doc_kind(const liaison_doc *doc)
{
	lsn_node	 *root;

	if (doc == NULL || (root = lsn_root(doc->tree)) == NULL)
		return NULL;
	return lsn_prop_n(root, LSN_N_KIND);
}

/* The diff's entry point that takes documents: the diff itself works on
 * their trees (diff/diff.c), below the document object. */
liaison_diff *
liaison_diff_new_opts(const liaison_doc *old_doc, const liaison_doc *new_doc,
    unsigned int flags, liaison_error **err)
{
	if (lsn_error_in_use(err))
		return NULL;
	if (old_doc == NULL || new_doc == NULL || old_doc->tree == NULL ||
	    new_doc->tree == NULL) {
		lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "liaison_diff_new: a document is missing");
		return NULL;
	}
	if ((flags & ~LIAISON_DIFF_NEW_NO_VIEW) != 0) {
		lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "liaison_diff_new_opts: unknown flags 0x%x", flags);
		return NULL;
	}
	return lsn_diff_new(old_doc->tree, new_doc->tree,
	    !(flags & LIAISON_DIFF_NEW_NO_VIEW), err);
}

liaison_diff *
liaison_diff_new(const liaison_doc *old_doc, const liaison_doc *new_doc,
    liaison_error **err)
{
	return liaison_diff_new_opts(old_doc, new_doc, 0, err);
}

/* ------------------------------------------------------------------ */
/* Emitting                                                            */

/* The document's emitters, as lsn_emit_to_file and _buffer run them. */
static int
emit(const void *what, int fmt, unsigned flags, struct lsn_out *o,
    liaison_error **err)
{
	const liaison_doc	*doc = what;

	(void)flags;
	if (doc == NULL)
		return lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "no document to write"), -1;
	switch ((liaison_emit_format)fmt) {
	case LIAISON_EMIT_JSON:
		return lsn_emit_json(doc->tree, o, err);
	case LIAISON_EMIT_JSON_LINE:
		return lsn_emit_json_line(doc->tree, o, err);
	case LIAISON_EMIT_XML:
		return lsn_emit_xml(doc->tree, o, err);
	case LIAISON_EMIT_MARKDOWN:
	case LIAISON_EMIT_MARKDOWN_FRONT_MATTER:
		return lsn_emit_markdown(doc->tree,
		    fmt == LIAISON_EMIT_MARKDOWN_FRONT_MATTER, o, err);
	}
	lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
	    "unknown output format %d", fmt);
	return -1;
}

liaison_status
liaison_emit_file(const liaison_doc *doc, liaison_emit_format fmt,
    FILE *out, liaison_error **err)
{
	return lsn_emit_to_file(emit, doc, (int)fmt, 0, out,
	    "liaison_emit_file", err);
}

liaison_status
liaison_emit_buffer(const liaison_doc *doc, liaison_emit_format fmt,
    char **out, size_t *len, liaison_error **err)
{
	return lsn_emit_to_buffer(emit, doc, (int)fmt, 0, out, len,
	    "liaison_emit_buffer", err);
}

/* ------------------------------------------------------------------ */
/* Schemas                                                             */

const char *
liaison_schema_text(const char *name, size_t *len)
{
	const char	*text = name != NULL ? lsn_embedded(name, len) : NULL;

	if (text == NULL && len != NULL)
		*len = 0;
	return text;
}

static const char	*schema_names[32];
static pthread_once_t	 schema_names_once = PTHREAD_ONCE_INIT;

static void
fill_schema_names(void)
{
	const struct lsn_embedded	*e;
	int				 i = 0;

	for (e = lsn_embedded_files; e->name != NULL && i < 31; e++)
		schema_names[i++] = e->name;
	schema_names[i] = NULL;
}

const char *const *
liaison_schema_names(void)
{
	pthread_once(&schema_names_once, fill_schema_names);
	return schema_names;
}

liaison_status
liaison_validate_file_opts(const char *path, const liaison_options *opts,
    void (*report)(void *ctx, unsigned long line, const char *msg),
    void *ctx, liaison_error **err)
{
	struct lsn_xml_quiet	 q;
	liaison_error		*e = NULL;

	if (lsn_error_in_use(err))
		return LIAISON_ERR_USAGE;
	if (path == NULL)
		return lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "liaison_validate_file: no file name");
	lsn_xml_quiet_begin(&q);
	(void)lsn_xml_validate_file(path,
	    lsn_limit(opts, LIAISON_LIMIT_INPUT_BYTES), "liaison.rng", report,
	    ctx, NULL, &e);
	lsn_xml_quiet_end(&q);
	return lsn_error_give(err, e);
}

liaison_status
liaison_validate_file(const char *path,
    void (*report)(void *ctx, unsigned long line, const char *msg),
    void *ctx, liaison_error **err)
{
	return liaison_validate_file_opts(path, NULL, report, ctx, err);
}

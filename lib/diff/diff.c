/* SPDX-License-Identifier: MIT */
/*
 * diff.c: the public diff API. liaison_diff_new() builds the diff
 * document (schema liaison-diff.rng) and validates it; the emitters
 * render only from that document.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "diff/diff.h"
#include "emit/emit.h"
#include "tree/tree.h"
#include "tree/validate.h"
#include "tree/xml.h"
#include "util/buf.h"
#include "util/error.h"

/* <old-input>/<new-input> from the model's <input>. */
static void
copy_input(struct lsn_builder *b, lsn_node *root, const char *name,
    const struct lsn_tree *model)
{
	static const char *const attrs[] = { "file", "format", "sha256" };
	lsn_node	 *in = lsn_child_n(lsn_root(model), LSN_N_INPUT);
	lsn_node	 *n;

	n = lsn_el(b, root, name);
	for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
		const char *v = in != NULL ? lsn_prop(in, attrs[i]) : NULL;
		if (v != NULL)
			lsn_attr(b, n, attrs[i], v);
	}
}

/* lsn_diff_new inside the caller's libxml2 error handlers. */
static liaison_diff *
diff_new(const struct lsn_tree *old_tree, const struct lsn_tree *new_tree,
    int with_view, liaison_error **err)
{
	liaison_diff		*d;
	liaison_error		*verr = NULL;
	lsn_node		*root, *or, *nr, *view;
	struct lsn_builder	 b;

	or = lsn_root(old_tree);
	nr = lsn_root(new_tree);
	if (!lsn_is_n(or, LSN_N_DOCUMENT) || !lsn_is_n(nr, LSN_N_DOCUMENT)) {
		lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "liaison_diff_new: not a liaison model");
		return NULL;
	}
	if ((d = calloc(1, sizeof(*d))) == NULL)
		goto oom;
	if (pthread_mutex_init(&d->xml_lock, NULL) != 0) {
		free(d);
		d = NULL;
		goto oom;
	}
	if (lsn_tree_new(&b) == -1)
		goto oom;
	d->tree = b.tree;
	root = lsn_root_el(&b, "diff");
	lsn_attr_n(&b, root, LSN_N_MODEL, "liaison-diff/1");
	copy_input(&b, root, "old-input", old_tree);
	copy_input(&b, root, "new-input", new_tree);
	/* the HTML page's view: in the diff's arena, outside its root */
	view = with_view ? lsn_el(&b, NULL, "view") : NULL;
	if (b.oom)
		goto oom;
	d->view = view;
	if (lsn_diff_align(old_tree, new_tree, &b, root, view,
	    err) == -1) {
		liaison_diff_free(d);
		return NULL;
	}
	for (lsn_node *c = lsn_child_n(root, LSN_N_CHANGE); c != NULL;
	    c = lsn_next_n(c, LSN_N_CHANGE))
		d->count++;
	/* Emitters trust the document: check it is what the schema says.
	 * A violation is a bug of the library, reported as such. */
	if (lsn_tree_validate(d->tree, "liaison-diff.rng", &verr) !=
	    LIAISON_OK) {
		if (liaison_error_code(verr) == LIAISON_ERR_NOMEM)
			lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
			    "out of memory");
		else
			lsn_error_set(err, LIAISON_ERR_INTERNAL, NULL, NULL, 0,
			    0, "internal error: the diff fails liaison-diff.rng: %s",
			    verr != NULL ? liaison_error_message(verr) : "?");
		liaison_error_free(verr);
		liaison_diff_free(d);
		return NULL;
	}
	return d;
oom:
	liaison_diff_free(d);
	lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
	    "out of memory");
	return NULL;
}

liaison_diff *
lsn_diff_new(const struct lsn_tree *old_tree, const struct lsn_tree *new_tree,
    int with_view, liaison_error **err)
{
	struct lsn_xml_quiet	 q;
	liaison_diff		*d;

	lsn_xml_quiet_begin(&q);
	d = diff_new(old_tree, new_tree, with_view, err);
	lsn_xml_quiet_end(&q);
	return d;
}

size_t
liaison_diff_count(const liaison_diff *diff)
{
	return diff != NULL ? diff->count : 0;
}

struct _xmlDoc *
liaison_diff_xml(const liaison_diff *diff)
{
	liaison_diff	*d = (liaison_diff *)diff;

	return d != NULL ? lsn_tree_to_xml_once(d->tree, &d->xml,
	    &d->xml_lock) : NULL;
}

void
liaison_diff_free(liaison_diff *diff)
{
	if (diff == NULL)
		return;
	lsn_tree_free(diff->tree);
	lsn_xml_doc_free(diff->xml);
	pthread_mutex_destroy(&diff->xml_lock);
	free(diff);
}

/* The diff's emitters, as lsn_emit_to_file and _buffer run them. */
static int
emit(const void *what, int fmt, unsigned flags, struct lsn_out *o,
    liaison_error **err)
{
	const liaison_diff	*diff = what;

	if (diff == NULL || diff->tree == NULL)
		return lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "no diff to write"), -1;
	switch ((liaison_diff_format)fmt) {
	case LIAISON_DIFF_TEXT:
		return lsn_diff_emit_text(diff->tree, flags, o, err);
	case LIAISON_DIFF_MARKDOWN:
		return lsn_diff_emit_markdown(diff->tree, flags, o, err);
	case LIAISON_DIFF_JSON:
		return lsn_diff_emit_json(diff->tree, flags, o, err);
	case LIAISON_DIFF_XML:
		return lsn_diff_emit_xml(diff->tree, flags, o, err);
	case LIAISON_DIFF_HTML:
		return lsn_diff_emit_html(diff->tree, diff->view, flags, o,
		    err);
	}
	lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
	    "unknown diff format %d", fmt);
	return -1;
}

liaison_status
liaison_diff_emit_file(const liaison_diff *diff, liaison_diff_format fmt,
    unsigned int flags, FILE *out, liaison_error **err)
{
	return lsn_emit_to_file(emit, diff, (int)fmt, flags, out,
	    "liaison_diff_emit_file", err);
}

liaison_status
liaison_diff_emit_buffer(const liaison_diff *diff, liaison_diff_format fmt,
    unsigned int flags, char **out, size_t *len, liaison_error **err)
{
	return lsn_emit_to_buffer(emit, diff, (int)fmt, flags, out, len,
	    "liaison_diff_emit_buffer", err);
}

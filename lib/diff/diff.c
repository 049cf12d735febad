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

#include <libxml/tree.h>

#include "diff/diff.h"
#include "emit/emit.h"
#include "model/model.h"
#include "util/buf.h"
#include "util/error.h"

const char *
lsn_diff_node_text(xmlNodePtr n)
{
	if (n == NULL)
		return "";
	for (xmlNodePtr c = n->children; c != NULL; c = c->next)
		if (c->type == XML_TEXT_NODE && c->content != NULL)
			return (const char *)c->content;
	return "";
}

const char *
lsn_diff_child_text(xmlNodePtr n, const char *name)
{
	xmlNodePtr c = lsn_child(n, name);

	return c != NULL ? lsn_diff_node_text(c) : NULL;
}

/* <old-input>/<new-input> from the model's <input>. */
static int
copy_input(xmlDocPtr out, xmlNodePtr root, const char *name, xmlDocPtr model)
{
	static const char *const attrs[] = { "file", "format", "sha256" };
	xmlNodePtr	 in = lsn_child(xmlDocGetRootElement(model), "input");
	xmlNodePtr	 n;

	if ((n = xmlNewDocNode(out, NULL, (const xmlChar *)name, NULL)) == NULL)
		return -1;
	xmlAddChild(root, n);
	for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
		const char *v = in != NULL ? lsn_prop(in, attrs[i]) : NULL;
		if (v != NULL && xmlSetProp(n, (const xmlChar *)attrs[i],
		    (const xmlChar *)v) == NULL)
			return -1;
	}
	return 0;
}

/* liaison_diff_new inside the caller's libxml2 error handlers. */
static liaison_diff *
diff_new(const liaison_doc *old_doc, const liaison_doc *new_doc,
    liaison_error **err)
{
	liaison_diff	*d;
	liaison_error	*verr = NULL;
	xmlNodePtr	 root, or, nr, view;

	if (old_doc == NULL || new_doc == NULL || old_doc->xml == NULL ||
	    new_doc->xml == NULL) {
		lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "liaison_diff_new: a document is missing");
		return NULL;
	}
	or = xmlDocGetRootElement(old_doc->xml);
	nr = xmlDocGetRootElement(new_doc->xml);
	if (!lsn_is(or, "document") || !lsn_is(nr, "document")) {
		lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "liaison_diff_new: not a liaison model");
		return NULL;
	}
	if ((d = calloc(1, sizeof(*d))) == NULL)
		goto oom;
	if ((d->xml = xmlNewDoc((const xmlChar *)"1.0")) == NULL ||
	    (root = xmlNewDocNode(d->xml, NULL, (const xmlChar *)"diff",
	    NULL)) == NULL)
		goto oom;
	xmlDocSetRootElement(d->xml, root);
	if (xmlSetProp(root, (const xmlChar *)"model",
	    (const xmlChar *)"liaison-diff/1") == NULL ||
	    copy_input(d->xml, root, "old-input", old_doc->xml) == -1 ||
	    copy_input(d->xml, root, "new-input", new_doc->xml) == -1)
		goto oom;
	if ((d->view = xmlNewDoc((const xmlChar *)"1.0")) == NULL ||
	    (view = xmlNewDocNode(d->view, NULL, (const xmlChar *)"view",
	    NULL)) == NULL)
		goto oom;
	xmlDocSetRootElement(d->view, view);
	if (lsn_diff_align(old_doc->xml, new_doc->xml, d->xml, root, view,
	    err) == -1) {
		liaison_diff_free(d);
		return NULL;
	}
	for (xmlNodePtr c = lsn_child(root, "change"); c != NULL;
	    c = lsn_next(c, "change"))
		d->count++;
	/* Emitters trust the document: check it is what the schema says.
	 * A violation is a bug of the library, reported as such. */
	if (lsn_validate(d->xml, "liaison-diff.rng", NULL, NULL, &verr) !=
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
liaison_diff_new(const liaison_doc *old_doc, const liaison_doc *new_doc,
    liaison_error **err)
{
	struct lsn_xml_quiet	 q;
	liaison_diff		*d;

	if (lsn_error_in_use(err))
		return NULL;
	lsn_xml_quiet_begin(&q);
	d = diff_new(old_doc, new_doc, err);
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
	return diff != NULL ? diff->xml : NULL;
}

void
liaison_diff_free(liaison_diff *diff)
{
	if (diff == NULL)
		return;
	if (diff->xml != NULL)
		xmlFreeDoc(diff->xml);
	if (diff->view != NULL)
		xmlFreeDoc(diff->view);
	free(diff);
}

/* Runs the emitter of fmt; returns LIAISON_OK or the error's code (also
 * when the caller passed no err). */
static liaison_status
emit(const liaison_diff *diff, liaison_diff_format fmt, unsigned int flags,
    struct lsn_out *o, liaison_error **err)
{
	liaison_error	*e = NULL;
	liaison_status	 st;
	int		 rc;

	if (diff == NULL || diff->xml == NULL)
		return lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "no diff to write");
	switch (fmt) {
	case LIAISON_DIFF_TEXT:
		rc = lsn_diff_emit_text(diff->xml, flags, o, &e);
		break;
	case LIAISON_DIFF_MARKDOWN:
		rc = lsn_diff_emit_markdown(diff->xml, flags, o, &e);
		break;
	case LIAISON_DIFF_JSON:
		rc = lsn_diff_emit_json(diff->xml, flags, o, &e);
		break;
	case LIAISON_DIFF_XML:
		rc = lsn_diff_emit_xml(diff->xml, flags, o, &e);
		break;
	case LIAISON_DIFF_HTML:
		rc = lsn_diff_emit_html(diff->xml, diff->view, flags, o, &e);
		break;
	default:
		return lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "unknown diff format %d", (int)fmt);
	}
	if (rc == 0)
		return LIAISON_OK;
	st = e != NULL ? liaison_error_code(e) : LIAISON_ERR_INTERNAL;
	if (err != NULL && *err == NULL)
		*err = e;
	else
		liaison_error_free(e);
	return st;
}

liaison_status
liaison_diff_emit_file(const liaison_diff *diff, liaison_diff_format fmt,
    unsigned int flags, FILE *out, liaison_error **err)
{
	struct lsn_xml_quiet	 q;
	struct lsn_out		 o;
	liaison_error		*e = NULL;

	if (lsn_error_in_use(err))
		return LIAISON_ERR_USAGE;
	if (out == NULL)
		return lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "liaison_diff_emit_file: no output stream");
	memset(&o, 0, sizeof(o));
	o.fp = out;
	lsn_xml_quiet_begin(&q);
	emit(diff, fmt, flags, &o, &e);
	lsn_out_close(&o, &e);
	lsn_xml_quiet_end(&q);
	return lsn_error_give(err, e);
}

liaison_status
liaison_diff_emit_buffer(const liaison_diff *diff, liaison_diff_format fmt,
    unsigned int flags, char **out, size_t *len, liaison_error **err)
{
	struct lsn_xml_quiet	 q;
	struct lsn_out		 o;
	liaison_status		 st;
	size_t			 n;

	if (out != NULL)
		*out = NULL;
	if (lsn_error_in_use(err))
		return LIAISON_ERR_USAGE;
	if (out == NULL)
		return lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "liaison_diff_emit_buffer: no output pointer");
	memset(&o, 0, sizeof(o));
	lsn_xml_quiet_begin(&q);
	st = emit(diff, fmt, flags, &o, err);
	lsn_xml_quiet_end(&q);
	if (st != LIAISON_OK) {
		lsn_buf_free(&o.buf);
		return st;
	}
	if (o.error || (*out = lsn_buf_detach(&o.buf, &n)) == NULL) {
		lsn_buf_free(&o.buf);
		return lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
		    "out of memory");
	}
	if (len != NULL)
		*len = n;
	return LIAISON_OK;
}

/*
 * model.c: helpers to build and read the XML model, safe parsing, and
 * RELAX NG validation against the schemas compiled into the library.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "model/model.h"
#include "model/schema-data.h"
#include "util/buf.h"
#include "util/error.h"

xmlNodePtr
lsn_el(struct lsn_builder *b, xmlNodePtr parent, const char *name)
{
	xmlNodePtr	 n;

	if (b->oom)
		return NULL;
	n = xmlNewDocNode(b->doc, NULL, (const xmlChar *)name, NULL);
	if (n == NULL) {
		b->oom = 1;
		return NULL;
	}
	if (parent != NULL && xmlAddChild(parent, n) == NULL) {
		xmlFreeNode(n);
		b->oom = 1;
		return NULL;
	}
	return n;
}

xmlNodePtr
lsn_el_text(struct lsn_builder *b, xmlNodePtr parent, const char *name,
    const char *text)
{
	xmlNodePtr	 n = lsn_el(b, parent, name);

	if (n != NULL && text != NULL)
		lsn_text(b, n, text, strlen(text));
	return n;
}

void
lsn_text(struct lsn_builder *b, xmlNodePtr parent, const char *text,
    size_t len)
{
	xmlNodePtr	 t;

	if (b->oom || parent == NULL || len == 0)
		return;
	if (parent->last != NULL && parent->last->type == XML_TEXT_NODE) {
		if (xmlTextConcat(parent->last, (const xmlChar *)text,
		    (int)len) != 0)
			b->oom = 1;
		return;
	}
	if ((t = xmlNewDocTextLen(b->doc, (const xmlChar *)text, (int)len)) == NULL) {
		b->oom = 1;
		return;
	}
	if (xmlAddChild(parent, t) == NULL) {
		xmlFreeNode(t);
		b->oom = 1;
	}
}

void
lsn_attr(struct lsn_builder *b, xmlNodePtr n, const char *name,
    const char *value)
{
	if (b->oom || n == NULL || value == NULL)
		return;
	if (xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)value) == NULL)
		b->oom = 1;
}

void
lsn_attr_int(struct lsn_builder *b, xmlNodePtr n, const char *name,
    long value)
{
	char	 num[32];

	snprintf(num, sizeof(num), "%ld", value);
	lsn_attr(b, n, name, num);
}

int
lsn_is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

xmlNodePtr
lsn_next(xmlNodePtr n, const char *name)
{
	for (n = n != NULL ? n->next : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    (name == NULL || strcmp((const char *)n->name, name) == 0))
			return n;
	return NULL;
}

xmlNodePtr
lsn_child(xmlNodePtr n, const char *name)
{
	if (n == NULL)
		return NULL;
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    (name == NULL || strcmp((const char *)n->name, name) == 0))
			return n;
	return NULL;
}

const char *
lsn_prop(xmlNodePtr n, const char *name)
{
	xmlAttrPtr	 a;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = n->properties; a != NULL; a = a->next)
		if (strcmp((const char *)a->name, name) == 0)
			return a->children != NULL && a->children->content != NULL ?
			    (const char *)a->children->content : "";
	return NULL;
}

const char *
lsn_embedded(const char *name, size_t *len)
{
	const struct lsn_embedded	*e;

	for (e = lsn_embedded_files; e->name != NULL; e++)
		if (strcmp(e->name, name) == 0) {
			if (len != NULL)
				*len = e->len;
			return e->data;
		}
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Safe parsing                                                        */

/*
 * No network, no DTD loading, no entity substitution; libxml2's own
 * amplification checks stay on (no XML_PARSE_HUGE).
 */
#define SAFE_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | \
	XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)

static xmlDocPtr
parse_checked(xmlParserCtxtPtr ctxt, xmlDocPtr doc, const char *name,
    liaison_error **err)
{
	const xmlError	*xe;

	if (doc != NULL && ctxt->wellFormed && doc->intSubset == NULL)
		return doc;
	if (doc != NULL && ctxt->wellFormed) {
		xmlFreeDoc(doc);
		lsn_error_set(err, LIAISON_ERR_XML, name, NULL, 0, 0,
		    "a document type declaration (DTD) is not allowed");
		return NULL;
	}
	xe = xmlCtxtGetLastError(ctxt);
	if (doc != NULL)
		xmlFreeDoc(doc);
	if (xe != NULL && xe->message != NULL) {
		char	*msg = strdup(xe->message);
		size_t	 n;

		if (msg != NULL && (n = strlen(msg)) > 0 && msg[n - 1] == '\n')
			msg[n - 1] = '\0';
		lsn_error_set(err, LIAISON_ERR_XML, name, NULL,
		    (unsigned long)(xe->line > 0 ? xe->line : 0),
		    (unsigned long)(xe->int2 > 0 ? xe->int2 : 0),
		    "malformed XML: %s", msg != NULL ? msg : "parse error");
		free(msg);
	} else
		lsn_error_set(err, LIAISON_ERR_XML, name, NULL, 0, 0,
		    "malformed XML");
	return NULL;
}

xmlDocPtr
lsn_xml_parse_memory(const char *data, size_t len, const char *name,
    liaison_error **err)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr	 doc;

	if (len > 0x7fffffff)
		return (void)lsn_error_set(err, LIAISON_ERR_LIMIT, name, NULL,
		    0, 0, "XML input larger than 2 GiB"), NULL;
	if ((ctxt = xmlNewParserCtxt()) == NULL)
		return (void)lsn_error_set(err, LIAISON_ERR_NOMEM, name, NULL,
		    0, 0, "out of memory"), NULL;
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL,
	    SAFE_PARSE_OPTIONS);
	doc = parse_checked(ctxt, doc, name, err);
	xmlFreeParserCtxt(ctxt);
	return doc;
}

xmlDocPtr
lsn_xml_parse_file(const char *path, liaison_error **err)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr	 doc;
	FILE		*f;

	if ((f = fopen(path, "rb")) == NULL)
		return (void)lsn_error_set(err, LIAISON_ERR_IO, path, NULL, 0,
		    0, "cannot open: %s", strerror(errno)), NULL;
	fclose(f);
	if ((ctxt = xmlNewParserCtxt()) == NULL)
		return (void)lsn_error_set(err, LIAISON_ERR_NOMEM, path, NULL,
		    0, 0, "out of memory"), NULL;
	doc = xmlCtxtReadFile(ctxt, path, NULL, SAFE_PARSE_OPTIONS);
	doc = parse_checked(ctxt, doc, path, err);
	xmlFreeParserCtxt(ctxt);
	return doc;
}

/* ------------------------------------------------------------------ */
/* Validation                                                          */

struct compiled_schema {
	const char		*name;
	pthread_once_t		 once;
	xmlRelaxNGPtr		 schema;
};

static struct compiled_schema schemas[] = {
	{ "liaison.rng", PTHREAD_ONCE_INIT, NULL },
	{ "liaison-diff.rng", PTHREAD_ONCE_INIT, NULL },
};

static void
compile_schema(struct compiled_schema *s)
{
	xmlRelaxNGParserCtxtPtr	 pctx;
	const char		*text;
	size_t			 len;

	if ((text = lsn_embedded(s->name, &len)) == NULL)
		return;
	if ((pctx = xmlRelaxNGNewMemParserCtxt(text, (int)len)) == NULL)
		return;
	s->schema = xmlRelaxNGParse(pctx);
	xmlRelaxNGFreeParserCtxt(pctx);
}

static void compile_model(void) { compile_schema(&schemas[0]); }
static void compile_diff(void) { compile_schema(&schemas[1]); }

struct validate_state {
	void		(*report)(void *, unsigned long, const char *);
	void		*ctx;
	struct lsn_buf	 first;
	unsigned long	 first_line;
	int		 count;
};

static void
structured_error(void *arg, const xmlError *e)
{
	struct validate_state	*st = arg;
	char			*msg;
	size_t			 n;

	if (e == NULL || e->message == NULL)
		return;
	if ((msg = strdup(e->message)) == NULL)
		return;
	if ((n = strlen(msg)) > 0 && msg[n - 1] == '\n')
		msg[n - 1] = '\0';
	if (st->count++ == 0) {
		lsn_buf_puts(&st->first, msg);
		st->first_line = e->line > 0 ? (unsigned long)e->line : 0;
	}
	if (st->report != NULL)
		st->report(st->ctx, e->line > 0 ? (unsigned long)e->line : 0, msg);
	free(msg);
}

/* libxml2 2.9 declares the handler with a non-const xmlError. */
static void
structured_error_compat(void *arg, xmlErrorPtr e)
{
	structured_error(arg, e);
}

liaison_status
lsn_validate(xmlDocPtr doc, const char *schema_name,
    void (*report)(void *, unsigned long, const char *), void *ctx,
    liaison_error **err)
{
	struct compiled_schema	*s = NULL;
	struct validate_state	 st;
	xmlRelaxNGValidCtxtPtr	 vctx;
	int			 rc;

	if (strcmp(schema_name, schemas[0].name) == 0) {
		s = &schemas[0];
		pthread_once(&s->once, compile_model);
	} else if (strcmp(schema_name, schemas[1].name) == 0) {
		s = &schemas[1];
		pthread_once(&s->once, compile_diff);
	}
	if (s == NULL || s->schema == NULL)
		return lsn_error_set(err, LIAISON_ERR_INTERNAL, NULL, NULL, 0,
		    0, "schema %s is not available", schema_name);
	if ((vctx = xmlRelaxNGNewValidCtxt(s->schema)) == NULL)
		return lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
		    "out of memory");
	memset(&st, 0, sizeof(st));
	st.report = report;
	st.ctx = ctx;
	xmlRelaxNGSetValidStructuredErrors(vctx, structured_error_compat, &st);
	rc = xmlRelaxNGValidateDoc(vctx, doc);
	xmlRelaxNGFreeValidCtxt(vctx);
	if (rc != 0) {
		lsn_error_set(err, LIAISON_ERR_SCHEMA, NULL, NULL,
		    st.first_line, 0, "%s violation: %s", schema_name,
		    st.count > 0 ? lsn_buf_str(&st.first) : "invalid document");
		lsn_buf_free(&st.first);
		return LIAISON_ERR_SCHEMA;
	}
	lsn_buf_free(&st.first);
	return LIAISON_OK;
}

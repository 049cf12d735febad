/* SPDX-License-Identifier: MIT */
/*
 * xml.c: libxml2 at the model's edge: copies between our trees and
 * libxml2's, safe parsing of model files, libxml2 kept off stderr, and
 * RELAX NG validation of parsed files against the built-in schemas.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>	/* xmlParserMaxDepth */
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "options.h"
#include "tree/tree.h"
#include "tree/xml.h"
#include "tree/schema-data.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/error.h"

/* ------------------------------------------------------------------ */
/* Copies between our trees and libxml2's                              */

/* A libxml2 element for n (its attributes, not its content) as the last
 * child of parent (NULL: the document's root), or NULL. */
static xmlNodePtr
xml_element(xmlDocPtr doc, xmlNodePtr parent, const lsn_node *n)
{
	const struct lsn_attr	*a;
	xmlNodePtr		 e;
	xmlAttrPtr		 x;

	/* libxml2 does not check every copy it makes: a name or a value
	 * that failed to copy is looked for here */
	if ((e = xmlNewDocNode(doc, NULL, (const xmlChar *)n->name,
	    NULL)) == NULL)
		return NULL;
	if (parent != NULL)
		xmlAddChild(parent, e);
	else
		xmlDocSetRootElement(doc, e);
	if (e->name == NULL)
		return NULL;
	for (a = n->attrs; a != NULL; a = a->next)
		if ((x = xmlNewProp(e, (const xmlChar *)a->name,
		    (const xmlChar *)a->value)) == NULL || x->name == NULL ||
		    (a->value[0] != '\0' && (x->children == NULL ||
		    x->children->content == NULL)))
			return NULL;
	return e;
}

xmlDocPtr
lsn_tree_to_xml(const struct lsn_tree *t)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 to, made, x;
	const lsn_node	*top, *c;

	if ((doc = xmlNewDoc((const xmlChar *)"1.0")) == NULL)
		return NULL;
	if ((top = lsn_root(t)) == NULL)
		return doc;
	if ((to = xml_element(doc, NULL, top)) == NULL)
		goto oom;
	/* without recursion: models nest as deep as their documents */
	for (c = top->children; c != NULL; ) {
		made = NULL;
		if (c->type == LSN_TEXT) {
			if ((x = xmlNewDocText(doc,
			    (const xmlChar *)c->content)) == NULL)
				goto oom;
			if (x->content == NULL) {
				/* not yet linked: the document would not
				 * free it */
				xmlFreeNode(x);
				goto oom;
			}
			xmlAddChild(to, x);
		} else if ((made = xml_element(doc, to, c)) == NULL)
			goto oom;
		if (made != NULL && c->children != NULL) {
			c = c->children;
			to = made;
			continue;
		}
		while (c != top && c->next == NULL) {
			c = c->parent;
			if (c != top)
				to = to->parent;
		}
		c = c != top ? c->next : NULL;
	}
	return doc;
oom:
	xmlFreeDoc(doc);
	return NULL;
}

xmlDocPtr
lsn_tree_to_xml_once(const struct lsn_tree *t, xmlDocPtr *cache,
    pthread_mutex_t *lock)
{
	struct lsn_xml_quiet	 q;
	xmlDocPtr		 doc;

	/* made on first use: most users never ask for it */
	pthread_mutex_lock(lock);
	if (*cache == NULL) {
		lsn_xml_quiet_begin(&q);
		*cache = lsn_tree_to_xml(t);
		lsn_xml_quiet_end(&q);
	}
	doc = *cache;
	pthread_mutex_unlock(lock);
	return doc;
}

/* The text of a libxml2 attribute, "" when it has none. */
static const char *
xml_attr_value(xmlAttrPtr a)
{
	return a->children != NULL && a->children->content != NULL ?
	    (const char *)a->children->content : "";
}

/* Our element for libxml2's e as the last child of parent (NULL: the
 * root), or NULL (and oom). */
static lsn_node *
tree_element(struct lsn_builder *b, lsn_node *parent, xmlNodePtr e)
{
	lsn_node	*n;
	xmlAttrPtr	 a;

	n = parent != NULL ? lsn_el(b, parent, (const char *)e->name) :
	    lsn_root_el(b, (const char *)e->name);
	for (a = e->properties; n != NULL && a != NULL; a = a->next)
		lsn_attr(b, n, (const char *)a->name, xml_attr_value(a));
	return b->oom ? NULL : n;
}

struct lsn_tree *
lsn_tree_from_xml(xmlDocPtr doc)
{
	struct lsn_builder	 b;
	xmlNodePtr		 top, c;
	lsn_node		*to, *made;

	if (lsn_tree_new(&b) == -1)
		return NULL;
	if ((top = xmlDocGetRootElement(doc)) == NULL)
		return b.tree;
	if ((to = tree_element(&b, NULL, top)) == NULL)
		goto oom;
	for (c = top->children; c != NULL; ) {
		made = NULL;
		if ((c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) && c->content != NULL)
			lsn_text(&b, to, (const char *)c->content,
			    strlen((const char *)c->content));
		else if (c->type == XML_ELEMENT_NODE &&
		    (made = tree_element(&b, to, c)) == NULL)
			goto oom;
		if (b.oom)
			goto oom;
		if (made != NULL && c->children != NULL) {
			c = c->children;
			to = made;
			continue;
		}
		while (c != top && c->next == NULL) {
			c = c->parent;
			if (c != top)
				to = to->parent;
		}
		c = c != top ? c->next : NULL;
	}
	return b.tree;
oom:
	lsn_tree_free(b.tree);
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
	if (xe != NULL && xe->code == XML_ERR_NO_MEMORY)
		lsn_error_set(err, LIAISON_ERR_NOMEM, name, NULL, 0, 0,
		    "out of memory");
	else if (xe != NULL && xe->message != NULL &&
	    strstr(xe->message, "Excessive depth") != NULL)
		/* libxml2's own wording names a parser flag. Its stop is
		 * fixed here: raising it needs that flag, which also drops
		 * libxml2's entity amplification checks, and a model file
		 * (its schema nests far less) is parsed whole before its DTD
		 * is refused. So no --limit can raise it, and none is
		 * offered. */
		lsn_error_set(err, LIAISON_ERR_LIMIT, name, NULL,
		    (unsigned long)(xe->line > 0 ? xe->line : 0),
		    (unsigned long)(xe->int2 > 0 ? xe->int2 : 0),
		    "elements nest deeper than %u levels, the most a "
		    "model file may have", xmlParserMaxDepth);
	else if (xe != NULL && xe->message != NULL) {
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

struct lsn_tree *
lsn_tree_read_model(const char *path, unsigned long long limit,
    liaison_error **err)
{
	xmlDocPtr	 xml;
	struct lsn_tree	*tree;

	if (lsn_xml_validate_file(path, limit, "liaison.rng", NULL, NULL,
	    &xml, err) != LIAISON_OK)
		return NULL;
	/* the file as parsed is no longer needed: our copy is the model */
	tree = lsn_tree_from_xml(xml);
	xmlFreeDoc(xml);
	if (tree == NULL)
		lsn_error_set(err, LIAISON_ERR_NOMEM, path, NULL, 0, 0,
		    "out of memory");
	return tree;
}

liaison_status
lsn_xml_validate_file(const char *path, unsigned long long limit,
    const char *schema_name,
    void (*report)(void *, unsigned long, const char *), void *ctx,
    xmlDocPtr *parsed, liaison_error **err)
{
	xmlDocPtr	 xml;
	liaison_status	 st;

	if (parsed != NULL)
		*parsed = NULL;
	if ((xml = lsn_xml_parse_file(path, limit, err)) == NULL)
		return err != NULL && *err != NULL ?
		    liaison_error_code(*err) : LIAISON_ERR_XML;
	if ((st = lsn_xml_validate(xml, schema_name, report, ctx, err)) !=
	    LIAISON_OK) {
		if (err != NULL)
			lsn_error_set_file(*err, path);
		xmlFreeDoc(xml);
		return st;
	}
	if (parsed != NULL)
		*parsed = xml;
	else
		xmlFreeDoc(xml);
	return LIAISON_OK;
}

void
lsn_xml_doc_free(xmlDocPtr doc)
{
	xmlFreeDoc(doc);
}

/* What the read callback of lsn_xml_parse_file counts and notes. */
struct limited_read {
	int			 fd;
	unsigned long long	 done;    /* bytes read so far */
	unsigned long long	 limit;
	int			 over;    /* more than limit bytes */
	int			 errnum;  /* a read(2) failed with this */
};

/* libxml2's read callback: read(2), counting against the limit. A -1
 * stops the parse; the flags say why. */
static int
limited_read_cb(void *arg, char *buf, int len)
{
	struct limited_read	*r = arg;
	ssize_t			 n;

	do
		n = read(r->fd, buf, (size_t)len);
	while (n == -1 && errno == EINTR);
	if (n == -1) {
		r->errnum = errno;
		return -1;
	}
	r->done += (unsigned long long)n;
	if (r->done > r->limit) {
		r->over = 1;
		return -1;
	}
	return (int)n;
}

xmlDocPtr
lsn_xml_parse_file(const char *path, unsigned long long limit,
    liaison_error **err)
{
	struct limited_read	 r;
	struct stat		 st;
	xmlParserCtxtPtr	 ctxt;
	xmlDocPtr		 doc;
	const char		*name = path;
	char			 t[LSN_LIMIT_TEXT];

	memset(&r, 0, sizeof(r));
	r.limit = limit;
	if (strcmp(path, "-") == 0)
		r.fd = STDIN_FILENO;
	else if ((r.fd = open(path, O_RDONLY)) == -1)
		return (void)lsn_error_set(err, errno == ENOMEM ?
		    LIAISON_ERR_NOMEM : LIAISON_ERR_IO, path, NULL, 0, 0,
		    "cannot open: %s", strerror(errno)), NULL;
	doc = NULL;
	if (fstat(r.fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		lsn_error_set(err, LIAISON_ERR_IO, name, NULL, 0, 0,
		    "cannot read: %s", strerror(EISDIR));
		goto done;
	}
	/* a regular file says its size: refused before a byte is read */
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > limit) {
		lsn_error_set(err, LIAISON_ERR_LIMIT, name, NULL, 0, 0,
		    "input is %llu bytes, more than the input-bytes limit of "
		    "%s " LSN_RAISE_BYTES("input-bytes"),
		    (unsigned long long)st.st_size, lsn_limit_text(
		    LIAISON_LIMIT_INPUT_BYTES, limit, t));
		goto done;
	}
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		lsn_error_set(err, LIAISON_ERR_NOMEM, name, NULL, 0, 0,
		    "out of memory");
		goto done;
	}
	/* read through our callback: a pipe, a FIFO or stdin is held to
	 * the limit as a file is */
	doc = xmlCtxtReadIO(ctxt, limited_read_cb, NULL, &r, path, NULL,
	    SAFE_PARSE_OPTIONS);
	if (r.over || r.errnum != 0) {
		if (doc != NULL)
			xmlFreeDoc(doc);
		doc = NULL;
		if (r.over)
			lsn_error_set(err, LIAISON_ERR_LIMIT, name, NULL, 0, 0,
			    "input is larger than the input-bytes limit of %s "
			    LSN_RAISE_BYTES("input-bytes"), lsn_limit_text(
			    LIAISON_LIMIT_INPUT_BYTES, limit, t));
		else
			lsn_error_set(err, LIAISON_ERR_IO, name, NULL, 0, 0,
			    "read error: %s", strerror(r.errnum));
	} else
		doc = parse_checked(ctxt, doc, name, err);
	xmlFreeParserCtxt(ctxt);
done:
	if (r.fd != STDIN_FILENO)
		close(r.fd);
	return doc;
}

/* ------------------------------------------------------------------ */
/* libxml2 kept off stderr                                             */

/* The generic channel while a public function runs: says nothing. */
static void
quiet_generic(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

/*
 * The structured channel while a public function runs. Without one,
 * libxml2 hands an error that no parser or validator context takes
 * (an encoding or I/O failure, a failed allocation) to the generic
 * channel as "%s", message: so does this, so that a handler set there
 * for a while (lsn_xr's, which notes failed allocations) still sees it.
 */
static void
quiet_structured(void *ctx, const xmlError *e)
{
	(void)ctx;
	if (e != NULL && e->message != NULL && xmlGenericError != NULL &&
	    xmlGenericError != quiet_generic)
		xmlGenericError(xmlGenericErrorContext, "%s", e->message);
}

static void
quiet_structured_compat(void *ctx, xmlErrorPtr e)
{
	quiet_structured(ctx, e);
}

static pthread_once_t	 xml_init_once = PTHREAD_ONCE_INIT;

static void
xml_init(void)
{
	xmlInitParser();
}

void
lsn_xml_quiet_begin(struct lsn_xml_quiet *q)
{
	/* libxml2 wants its globals set up once, before threads use it */
	pthread_once(&xml_init_once, xml_init);
	q->generic = xmlGenericError;
	q->generic_ctx = xmlGenericErrorContext;
	q->structured = xmlStructuredError;
	q->structured_ctx = xmlStructuredErrorContext;
	xmlSetGenericErrorFunc(NULL, quiet_generic);
	xmlSetStructuredErrorFunc(NULL, quiet_structured_compat);
}

void
lsn_xml_quiet_end(const struct lsn_xml_quiet *q)
{
	xmlSetGenericErrorFunc(q->generic_ctx, q->generic);
	xmlSetStructuredErrorFunc(q->structured_ctx, q->structured);
}

/* ------------------------------------------------------------------ */
/* Validation                                                          */

/*
 * A schema is compiled on first use and kept for the process. A lock
 * rather than pthread_once: a compile that ran out of memory is tried
 * again by the next call instead of failing every later one.
 */
struct compiled_schema {
	const char		*name;
	pthread_mutex_t		 lock;
	xmlRelaxNGPtr		 schema;
};

static struct compiled_schema schemas[] = {
	{ "liaison.rng", PTHREAD_MUTEX_INITIALIZER, NULL },
	{ "liaison-diff.rng", PTHREAD_MUTEX_INITIALIZER, NULL },
};

/* Counts libxml2's out-of-memory reports, which would otherwise go to
 * stderr (the regexp module reports through the global handler). */
static void
count_nomem(void *arg, const xmlError *e)
{
	if (e != NULL && e->code == XML_ERR_NO_MEMORY)
		(*(int *)arg)++;
}

static void
count_nomem_compat(void *arg, xmlErrorPtr e)
{
	count_nomem(arg, e);
}

/*
 * Compiles s->schema. Returns 1 when libxml2 said it ran out of memory,
 * -1 when the compile failed without saying why (some of its
 * allocation failures are silent), 0 otherwise.
 */
static int
compile_schema(struct compiled_schema *s)
{
	xmlRelaxNGParserCtxtPtr	 pctx;
	xmlStructuredErrorFunc	 saved = xmlStructuredError;
	void			*saved_ctx = xmlStructuredErrorContext;
	const char		*text;
	size_t			 len;
	int			 nomem = 0;

	if ((text = lsn_embedded(s->name, &len)) == NULL)
		return 0;
	if ((pctx = xmlRelaxNGNewMemParserCtxt(text, (int)len)) == NULL)
		return 1;
	xmlRelaxNGSetParserStructuredErrors(pctx, count_nomem_compat, &nomem);
	xmlSetStructuredErrorFunc(&nomem, count_nomem_compat);
	s->schema = xmlRelaxNGParse(pctx);
	xmlSetStructuredErrorFunc(saved_ctx, saved);
	xmlRelaxNGFreeParserCtxt(pctx);
	if (s->schema != NULL && nomem > 0) {
		/* libxml2 can return a schema whose content models lost a
		 * transition to a failed allocation: cached, it would reject
		 * every later document */
		xmlRelaxNGFree(s->schema);
		s->schema = NULL;
	}
	if (s->schema != NULL)
		return 0;
	return nomem > 0 ? 1 : -1;
}

struct validate_state {
	void		(*report)(void *, unsigned long, const char *);
	void		*ctx;
	struct lsn_buf	 first;
	unsigned long	 first_line;
	int		 count;
	int		 nomem;   /* libxml2 ran out of memory */
};

static void
structured_error(void *arg, const xmlError *e)
{
	struct validate_state	*st = arg;
	char			*msg;
	size_t			 n;

	if (e == NULL || e->message == NULL)
		return;
	if (e->code == XML_ERR_NO_MEMORY) {
		st->nomem = 1;
		return;
	}
	if ((msg = strdup(e->message)) == NULL) {
		st->nomem = 1;
		return;
	}
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

void
lsn_xml_ignore_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

/* 1 when doc validates against s when checked again, silently. */
static int
revalidate_passes(struct compiled_schema *s, xmlDocPtr doc)
{
	xmlRelaxNGValidCtxtPtr	 vctx;
	xmlStructuredErrorFunc	 saved = xmlStructuredError;
	void			*saved_ctx = xmlStructuredErrorContext;
	int			 rc;

	if ((vctx = xmlRelaxNGNewValidCtxt(s->schema)) == NULL)
		return 0;
	xmlRelaxNGSetValidStructuredErrors(vctx, lsn_xml_ignore_error, NULL);
	xmlSetStructuredErrorFunc(NULL, lsn_xml_ignore_error);
	rc = xmlRelaxNGValidateDoc(vctx, doc);
	xmlSetStructuredErrorFunc(saved_ctx, saved);
	xmlRelaxNGFreeValidCtxt(vctx);
	return rc == 0;
}

liaison_status
lsn_xml_validate(xmlDocPtr doc, const char *schema_name,
    void (*report)(void *, unsigned long, const char *), void *ctx,
    liaison_error **err)
{
	struct compiled_schema	*s = NULL;
	struct validate_state	 st;
	xmlRelaxNGValidCtxtPtr	 vctx;
	xmlStructuredErrorFunc	 saved = xmlStructuredError;
	void			*saved_ctx = xmlStructuredErrorContext;
	int			 rc, nomem = 0;

	if (strcmp(schema_name, schemas[0].name) == 0)
		s = &schemas[0];
	else if (strcmp(schema_name, schemas[1].name) == 0)
		s = &schemas[1];
	if (s != NULL) {
		pthread_mutex_lock(&s->lock);
		if (s->schema == NULL)
			nomem = compile_schema(s);
		pthread_mutex_unlock(&s->lock);
	}
	if (nomem > 0)
		return lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
		    "out of memory");
	if (nomem < 0)
		/* the built-in schema compiles in every test run */
		return lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
		    "out of memory (or a broken build): schema %s could not "
		    "be compiled", schema_name);
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
	/* the regexp module reports through the global handler */
	xmlSetStructuredErrorFunc(&st, structured_error_compat);
	rc = xmlRelaxNGValidateDoc(vctx, doc);
	xmlSetStructuredErrorFunc(saved_ctx, saved);
	xmlRelaxNGFreeValidCtxt(vctx);
	if (st.nomem) {
		lsn_buf_free(&st.first);
		return lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
		    "out of memory");
	}
	if (rc != 0 && revalidate_passes(s, doc)) {
		/* validation is deterministic: a second verdict that differs
		 * means an allocation failed silently inside libxml2 the
		 * first time (its regexp contexts fail without a report) */
		lsn_buf_free(&st.first);
		return lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
		    "out of memory");
	}
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

/* SPDX-License-Identifier: MIT */
/*
 * model.c: helpers to build and read the XML model, safe parsing, and
 * RELAX NG validation against the schemas compiled into the library.
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
#include "model/model.h"
#include "model/schema-data.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/error.h"

/* ------------------------------------------------------------------ */
/* Building                                                            */

/*
 * A built model's nodes, attributes and strings live in one arena that
 * hangs off the document (doc->_private, which libxml2 leaves to its
 * users); names are in the document's dictionary. A malloc per node, a
 * second per text and a third per attribute value, each with its
 * header and each freed alone, cost 6% of the CPU time of a 10 MB text
 * and 7% of its memory. libxml2 only reads these trees (validation,
 * saving): nothing may free or reallocate a node of theirs, so
 * lsn_model_free, not xmlFreeDoc, frees them.
 */
#define NODE_ALIGN	(sizeof(void *))

int
lsn_model_new(struct lsn_builder *b)
{
	memset(b, 0, sizeof(*b));
	if ((b->doc = xmlNewDoc((const xmlChar *)"1.0")) == NULL)
		return -1;
	if ((b->doc->dict = xmlDictCreate()) == NULL ||
	    (b->nodes = calloc(1, sizeof(*b->nodes))) == NULL) {
		xmlFreeDoc(b->doc);
		b->doc = NULL;
		return -1;
	}
	b->doc->_private = b->nodes;
	return 0;
}

void
lsn_model_free(xmlDocPtr doc)
{
	struct lsn_arena	*nodes;

	if (doc == NULL)
		return;
	if ((nodes = doc->_private) != NULL) {
		/* the document and its dictionary are libxml2's; the tree
		 * below it is the arena's */
		doc->children = doc->last = NULL;
		doc->_private = NULL;
		xmlFreeDoc(doc);
		lsn_arena_free(nodes);
		free(nodes);
		return;
	}
	xmlFreeDoc(doc);
}

/* A zeroed node of size bytes (xmlNode or xmlAttr), or NULL and oom. */
static void *
new_node(struct lsn_builder *b, size_t size)
{
	void	*n;

	if ((n = lsn_arena_take(b->nodes, size, NODE_ALIGN)) == NULL) {
		b->oom = 1;
		return NULL;
	}
	memset(n, 0, size);
	return n;
}

static void
append_child(xmlNodePtr parent, xmlNodePtr n)
{
	n->parent = parent;
	if (parent->last == NULL)
		parent->children = n;
	else {
		parent->last->next = n;
		n->prev = parent->last;
	}
	parent->last = n;
}

void
lsn_budget_hit(struct lsn_builder *b, int which)
{
	if (b->limit_hit == 0)
		b->limit_hit = which + 1;
	b->oom = 1;
}

/* Counts len more bytes of text against the model-bytes limit; 0, or
 * -1 when that goes over it. */
static int
spend(struct lsn_builder *b, size_t len)
{
	b->bytes += len;
	if (b->max_bytes > 0 && b->bytes > b->max_bytes) {
		lsn_budget_hit(b, LIAISON_LIMIT_MODEL_BYTES);
		return -1;
	}
	return 0;
}

xmlNodePtr
lsn_el(struct lsn_builder *b, xmlNodePtr parent, const char *name)
{
	xmlNodePtr	 n;

	if (b->oom || (n = new_node(b, sizeof(*n))) == NULL)
		return NULL;
	if ((n->name = xmlDictLookup(b->doc->dict, (const xmlChar *)name,
	    -1)) == NULL) {
		b->oom = 1;
		return NULL;
	}
	n->type = XML_ELEMENT_NODE;
	n->doc = b->doc;
	if (parent != NULL)
		append_child(parent, n);
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

/* A text node holding content (in the arena), not yet linked. */
static xmlNodePtr
new_text(struct lsn_builder *b, char *content)
{
	xmlNodePtr	 t;

	if ((t = new_node(b, sizeof(*t))) == NULL)
		return NULL;
	t->type = XML_TEXT_NODE;
	t->name = xmlStringText;
	t->content = (xmlChar *)content;
	t->doc = b->doc;
	return t;
}

void
lsn_text(struct lsn_builder *b, xmlNodePtr parent, const char *text,
    size_t len)
{
	xmlNodePtr	 t;
	char		*joined;
	size_t		 had;

	if (b->oom || parent == NULL || len == 0 || spend(b, len) == -1)
		return;
	if ((t = parent->last) != NULL && t->type == XML_TEXT_NODE) {
		/* Text after text: one node, as libxml2 keeps it. Grown in
		 * place while nothing was allocated since, else copied. */
		had = strlen((const char *)t->content);
		if ((joined = lsn_arena_extend(b->nodes, t->content, had + 1,
		    len)) == NULL) {
			if (len > SIZE_MAX - had - 1 ||
			    (joined = lsn_arena_take(b->nodes, had + len + 1,
			    1)) == NULL) {
				b->oom = 1;
				return;
			}
			memcpy(joined, t->content, had);
			t->content = (xmlChar *)joined;
		}
		memcpy(joined + had, text, len);
		joined[had + len] = '\0';
		return;
	}
	/* the node first: its text, taken last, can then grow in place */
	if ((t = new_text(b, NULL)) == NULL ||
	    (joined = lsn_arena_strndup(b->nodes, text, len)) == NULL) {
		b->oom = 1;
		return;
	}
	t->content = (xmlChar *)joined;
	append_child(parent, t);
}

void
lsn_attr(struct lsn_builder *b, xmlNodePtr n, const char *name,
    const char *value)
{
	xmlAttrPtr	 a, last = NULL;
	xmlNodePtr	 t;
	char		*v;

	if (b->oom || n == NULL || value == NULL ||
	    spend(b, strlen(value)) == -1)
		return;
	if ((v = lsn_arena_strdup(b->nodes, value)) == NULL) {
		b->oom = 1;
		return;
	}
	/* Set again (a document's kind, once known): the new value. */
	for (a = n->properties; a != NULL; last = a, a = a->next)
		if (strcmp((const char *)a->name, name) == 0) {
			a->children->content = (xmlChar *)v;
			return;
		}
	if ((a = new_node(b, sizeof(*a))) == NULL ||
	    (t = new_text(b, v)) == NULL)
		return;
	if ((a->name = xmlDictLookup(b->doc->dict, (const xmlChar *)name,
	    -1)) == NULL) {
		b->oom = 1;
		return;
	}
	a->type = XML_ATTRIBUTE_NODE;
	a->doc = b->doc;
	a->parent = n;
	a->children = a->last = t;
	t->parent = (xmlNodePtr)a;
	/* after the last one, found by the search above */
	a->prev = last;
	if (last != NULL)
		last->next = a;
	else
		n->properties = a;
}

void
lsn_attr_int(struct lsn_builder *b, xmlNodePtr n, const char *name,
    long value)
{
	char	 num[32];

	snprintf(num, sizeof(num), "%ld", value);
	lsn_attr(b, n, name, num);
}

void
lsn_move_children(xmlNodePtr from, xmlNodePtr to)
{
	xmlNodePtr	 c, next;

	for (c = from->children; c != NULL; c = next) {
		next = c->next;
		xmlUnlinkNode(c);
		xmlAddChild(to, c);
	}
}

/* An attribute's value: its text, "" when it has none. */
static const char *
attr_value(xmlAttrPtr a)
{
	return a->children != NULL && a->children->content != NULL ?
	    (const char *)a->children->content : "";
}

/* A copy of element `from` with its attributes, not its content, as
 * the last child of parent (NULL: unlinked); NULL and oom on failure. */
static xmlNodePtr
copy_element(struct lsn_builder *b, xmlNodePtr parent, xmlNodePtr from)
{
	xmlNodePtr	 n;
	xmlAttrPtr	 a;

	if ((n = lsn_el(b, parent, (const char *)from->name)) == NULL)
		return NULL;
	for (a = from->properties; a != NULL; a = a->next)
		lsn_attr(b, n, (const char *)a->name, attr_value(a));
	return n;
}

xmlNodePtr
lsn_copy(struct lsn_builder *b, xmlNodePtr parent, xmlNodePtr from)
{
	xmlNodePtr	 top, to, c, made;

	if ((top = copy_element(b, parent, from)) == NULL)
		return NULL;
	/* without recursion: models nest as deep as their documents */
	to = top;
	c = from->children;
	while (c != NULL && c != from && !b->oom) {
		made = NULL;
		if (c->type == XML_TEXT_NODE && c->content != NULL)
			lsn_text(b, to, (const char *)c->content,
			    strlen((const char *)c->content));
		else if (c->type == XML_ELEMENT_NODE)
			made = copy_element(b, to, c);
		if (made != NULL && c->children != NULL) {
			c = c->children;
			to = made;
			continue;
		}
		while (c != from && c->next == NULL) {
			c = c->parent;
			if (c != from)
				to = to->parent;
		}
		if (c != from)
			c = c->next;
	}
	return b->oom ? NULL : top;
}

/*
 * Element and attribute names are compared by the recognizer and the
 * emitters millions of times, mostly against names that differ in their
 * first byte: that byte is tested before strcmp is called.
 */
static inline int
same_name(const xmlChar *a, const char *b)
{
	return (char)a[0] == b[0] && strcmp((const char *)a, b) == 0;
}

int
lsn_is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    same_name(n->name, name);
}

xmlNodePtr
lsn_next(xmlNodePtr n, const char *name)
{
	for (n = n != NULL ? n->next : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    (name == NULL || same_name(n->name, name)))
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
		    (name == NULL || same_name(n->name, name)))
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
		if (same_name(a->name, name))
			return attr_value(a);
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
lsn_validate(xmlDocPtr doc, const char *schema_name,
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

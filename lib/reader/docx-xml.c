/* SPDX-License-Identifier: MIT */
/*
 * docx-xml.c: XML readers over the parts of a DOCX package. A part is
 * inflated on demand and fed to a libxml2 SAX2 push parser a buffer at
 * a time, so no part is ever held whole in memory and the inflated byte
 * counts are checked as they grow. The parser's callbacks hand each
 * node to the reader's user as they get it (lsn_xr_run): nothing is
 * queued, and an attribute value is copied only when asked for.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlversion.h>
#include <zip.h>

#include "options.h"
#include "reader/docx-int.h"
#include "util/buf.h"
#include "util/error.h"

/* libxml2 2.11 and later refuse to nest deeper than this even in their
 * HUGE mode (2.9 has no such stop). */
#define LSN_XML_MAX_DEPTH	2048

static const struct {
	const char	*uri;
	enum lsn_ns	 kind;
} known_ns[] = {
	{ "http://schemas.openxmlformats.org/wordprocessingml/2006/main", LSN_NS_W },
	{ "http://purl.oclc.org/ooxml/wordprocessingml/main", LSN_NS_W },
	{ "http://schemas.openxmlformats.org/officeDocument/2006/relationships", LSN_NS_R },
	{ "http://purl.oclc.org/ooxml/officeDocument/relationships", LSN_NS_R },
	{ "http://schemas.openxmlformats.org/markup-compatibility/2006", LSN_NS_MC },
	{ "http://schemas.openxmlformats.org/officeDocument/2006/math", LSN_NS_M },
	{ "http://purl.oclc.org/ooxml/officeDocument/math", LSN_NS_M },
	{ "http://schemas.openxmlformats.org/package/2006/relationships", LSN_NS_PKGREL },
	{ "http://purl.org/dc/elements/1.1/", LSN_NS_DC },
	{ "http://purl.org/dc/terms/", LSN_NS_DCTERMS },
};

/* The URIs of a kind, for attribute lookups (first is transitional). */
static const char *
ns_uri(enum lsn_ns kind, int which)
{
	size_t	 i;
	int	 seen = 0;

	for (i = 0; i < sizeof(known_ns) / sizeof(known_ns[0]); i++)
		if (known_ns[i].kind == kind && seen++ == which)
			return known_ns[i].uri;
	return NULL;
}

/*
 * The steps xmlTextReader fed its push parser in, kept so that malformed
 * XML and the limits are found where they were: the first 4 bytes, then
 * 512-byte chunks out of 4096-byte reads.
 */
#define LSN_XR_FIRST	4
#define LSN_XR_CHUNK	512
#define LSN_XR_READ	4096

/* Inflates up to len more bytes of the part into buf, counting them
 * against the limits. Returns the count, 0 at the end, -1 (noted). */
static zip_int64_t
xr_read(struct lsn_xr *xr, char *buf, size_t len)
{
	zip_int64_t	 n;

	if ((n = zip_fread(xr->zf, buf, (zip_uint64_t)len)) < 0) {
		xr->zip_failed = 1;
		return -1;
	}
	xr->part_read += (unsigned long long)n;
	xr->pkg->total_read += (unsigned long long)n;
	if (xr->part_read > xr->pkg->entry_limit) {
		xr->limit_hit = 1;
		return -1;
	}
	if (xr->pkg->total_read > xr->pkg->total_limit) {
		xr->limit_hit = 2;
		return -1;
	}
	return n;
}

/* The parser's context is the user data of every callback (as for
 * libxml2's own SAX2 handlers); ours hangs off it. */
static struct lsn_xr *
xr_of(void *ctx)
{
	return ctx != NULL ? ((xmlParserCtxtPtr)ctx)->_private : NULL;
}

/* Where the parser is now (what xmlTextReader's errors named); 0 for
 * what is not known. */
static void
xr_where(const struct lsn_xr *xr, unsigned long *line, unsigned long *col)
{
	const xmlParserInput	*in = xr->ctxt != NULL ? xr->ctxt->input : NULL;

	*line = in != NULL && in->line > 0 ? (unsigned long)in->line : 0;
	*col = in != NULL && in->col > 0 ? (unsigned long)in->col : 0;
}

#if LIBXML_VERSION >= 21200
static void
xr_error_cb(void *ctx, const xmlError *e)
#else
static void
xr_error_cb(void *ctx, xmlErrorPtr e)
#endif
{
	struct lsn_xr	*xr = xr_of(ctx);
	size_t		 n;

	if (xr == NULL)
		return;
	if (e != NULL && e->code == XML_ERR_NO_MEMORY)
		xr->xml_nomem = 1;
	if (e == NULL || e->level < XML_ERR_ERROR || xr->xml_msg != NULL)
		return;
	xr->xml_line = e->line > 0 ? (unsigned long)e->line : 0;
	xr->xml_col = e->int2 > 0 ? (unsigned long)e->int2 : 0;
	if ((xr->xml_msg = strdup(e->message != NULL ? e->message :
	    "malformed XML")) == NULL)
		return;
	n = strlen(xr->xml_msg);
	while (n > 0 && (xr->xml_msg[n - 1] == '\n' ||
	    xr->xml_msg[n - 1] == ' '))
		xr->xml_msg[--n] = '\0';
}

/*
 * libxml2's generic error channel, ours while a part is read: some of
 * its allocation failures (a namespace it could not build) go only
 * there, and a library should not print to stderr anyway.
 */
static void
xr_generic_cb(void *ctx, const char *fmt, ...)
{
	struct lsn_xr	*xr = ctx;
	const char	*s = fmt;
	va_list		 ap;

	if (xr == NULL || fmt == NULL)
		return;
	va_start(ap, fmt);
	if (strcmp(fmt, "%s") == 0)
		s = va_arg(ap, const char *);
	if (s != NULL && strstr(s, "Memory allocation failed") != NULL)
		xr->xml_nomem = 1;
	else if (s != NULL && s != fmt && xr->xml_msg == NULL &&
	    (xr->xml_msg = strdup(s)) != NULL) {
		/* the cause of the parse error that follows (text that is
		 * not in the part's encoding): the message to give */
		size_t n = strlen(xr->xml_msg);

		while (n > 0 && (xr->xml_msg[n - 1] == '\n' ||
		    xr->xml_msg[n - 1] == ' '))
			xr->xml_msg[--n] = '\0';
	}
	va_end(ap);
}

/* Memory ran out in a callback: stop the parser; lsn_xr_run says so. */
static void
xr_oom(struct lsn_xr *xr)
{
	xr->nomem = 1;
	xmlStopParser(xr->ctxt);
}

/* Room for n more bytes in xr->text. 0, or -1 (parser stopped). */
static int
xr_room(struct lsn_xr *xr, size_t n)
{
	char	*p;

	if (n > SIZE_MAX - xr->text_len || (p = lsn_array_grow(xr->text,
	    &xr->text_cap, xr->text_len + n, 1, 4096)) == NULL) {
		xr_oom(xr);
		return -1;
	}
	xr->text = p;
	return 0;
}

/* The element name the tree builder gave: prefix:local when the prefix
 * is bound to nothing (libxml2 reported that and went on). */
static const xmlChar *
xr_name(struct lsn_xr *xr, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri)
{
	const xmlChar	*q;

	if (prefix != NULL && uri == NULL &&
	    (q = xmlDictQLookup(xr->ctxt->dict, prefix, local)) != NULL)
		return q;
	return local;
}

/*
 * Writes a SAX2 attribute value v..end to d (room for end - v + 1
 * bytes), NUL-terminated; returns the end of what it wrote. A value the
 * parser had to rewrite ends in a NUL and keeps '&' as "&#38;" (the
 * tree builder turned that back into '&'); others end at their quote.
 */
static char *
att_decode(char *d, const xmlChar *v, const xmlChar *end)
{
	size_t	 n = (size_t)(end - v);

	if (*end != '\0' || memchr(v, '&', n) == NULL) {
		memcpy(d, v, n);
		d += n;
	} else {
		/* without a DTD (refused) "&#38;" is the only reference */
		while (v < end)
			if (end - v >= 5 && memcmp(v, "&#38;", 5) == 0) {
				*d++ = '&';
				v += 5;
			} else
				*d++ = (char)*v++;
	}
	*d = '\0';
	return d;
}

/* Copies an attribute value to the end of xr->text (see att_decode).
 * 0 or -1. */
static int
xr_value(struct lsn_xr *xr, const xmlChar *v, const xmlChar *end)
{
	char	*d;

	if (xr_room(xr, (size_t)(end - v) + 1) == -1)
		return -1;
	d = att_decode(xr->text + xr->text_len, v, end);
	xr->text_len = (size_t)(d - xr->text) + 1;
	return 0;
}

/* Notes an error of libxml2's tree builder, pre arg post (not fatal;
 * it names a failure to come), where the parser is. */
static void
xr_note(struct lsn_xr *xr, const char *pre, const char *arg,
    const char *post)
{
	size_t	 n;

	if (xr->xml_msg != NULL)
		return;
	n = strlen(pre) + strlen(arg) + strlen(post) + 1;
	if ((xr->xml_msg = malloc(n)) == NULL) {
		xr->nomem = 1;
		return;
	}
	snprintf(xr->xml_msg, n, "%s%s%s", pre, arg, post);
	xr_where(xr, &xr->xml_line, &xr->xml_col);
}

/* The tree builder's checks of an xml:id value: an NCName, not seen
 * before in the part. */
static void
xr_xml_id(struct lsn_xr *xr, const char *v)
{
	if (xmlValidateNCName((const xmlChar *)v, 1) != 0)
		xr_note(xr, "xml:id : attribute value ", v,
		    " is not an NCName");
	if (*v == '\0')
		return;
	if (xr->ids == NULL && (xr->ids = xmlHashCreate(16)) == NULL) {
		xr_oom(xr);
		return;
	}
	if (xmlHashLookup(xr->ids, (const xmlChar *)v) != NULL)
		xr_note(xr, "ID ", v, " already defined");
	else if (xmlHashAddEntry(xr->ids, (const xmlChar *)v, xr) != 0)
		xr_oom(xr);
}

static void	run_start(struct lsn_xr *, const xmlChar *, const xmlChar *,
		    const xmlChar *, int, const xmlChar **, int);
static void	run_end(struct lsn_xr *, const xmlChar *, const xmlChar *,
		    const xmlChar *);
static void	run_text(struct lsn_xr *, int, const xmlChar *, int);
static void	run_node(struct lsn_xr *, int);

static void
xr_start(void *ctx, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri, int nb_ns, const xmlChar **ns, int nb_att,
    int nb_def, const xmlChar **att)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct lsn_xr		*xr = xr_of(ctx);
	const xmlChar		*cur;

	if ((unsigned int)xr->pdepth > xmlParserMaxDepth &&
	    xr->pkg->depth_limit <= xmlParserMaxDepth) {
		/* where the tree builder stopped (nodePush), and how */
		char m[24];

		snprintf(m, sizeof(m), "%u", xmlParserMaxDepth);
		xr_note(xr, "Excessive depth in document: ", m,
		    " use XML_PARSE_HUGE option");
		xmlStopParser(ctxt);
		return;
	}
	cur = ctxt->input != NULL ? ctxt->input->cur : NULL;
	/* as xmlTextReader told <x/> (no END_ELEMENT) from <x></x> */
	run_start(xr, local, prefix, uri, nb_att, att,
	    cur != NULL && cur[0] == '/' && cur[1] == '>');
}

static void
xr_end(void *ctx, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri)
{
	struct lsn_xr		*xr = xr_of(ctx);

	if (xr->pdepth > 0)
		xr->pdepth--;
	if (xr->self_closed) {
		xr->self_closed = 0;
		return;
	}
	run_end(xr, local, prefix, uri);
}

static void
xr_chars(void *ctx, const xmlChar *s, int len)
{
	struct lsn_xr	*xr = xr_of(ctx);

	run_text(xr, XML_READER_TYPE_TEXT, s, len);
}

static void
xr_cdata(void *ctx, const xmlChar *s, int len)
{
	struct lsn_xr	*xr = xr_of(ctx);

	run_text(xr, XML_READER_TYPE_CDATA, s, len);
}

/* Comments and processing instructions are nodes of their own: they
 * end a text node. */
static void
xr_comment(void *ctx, const xmlChar *value)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct lsn_xr		*xr = xr_of(ctx);

	if (ctxt->inSubset == 0)
		run_node(xr, XML_READER_TYPE_COMMENT);
}

static void
xr_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct lsn_xr		*xr = xr_of(ctx);

	if (ctxt->inSubset == 0)
		run_node(xr, XML_READER_TYPE_PROCESSING_INSTRUCTION);
}

/*
 * A DTD is refused as soon as the parser meets it, before its
 * declarations are read: no entity is ever declared, so none can be
 * expanded (libxml2 2.9 does not bound entity expansion in the HUGE
 * mode that an xml-depth limit above 256 needs).
 */
static void
xr_dtd(void *ctx, const xmlChar *name, const xmlChar *ext_id,
    const xmlChar *sys_id)
{
	struct lsn_xr	*xr = xr_of(ctx);

	(void)name;
	(void)ext_id;
	(void)sys_id;
	xr->dtd = 1;
	xr_where(xr, &xr->dtd_line, &xr->dtd_col);
	xmlStopParser(ctx);
}

static void
xr_ref(void *ctx, const xmlChar *name)
{
	struct lsn_xr	*xr = xr_of(ctx);

	(void)name;
	run_node(xr, XML_READER_TYPE_ENTITY_REFERENCE);
}

/* Pushes n bytes to the parser. 0, or -1 when it failed or stopped. */
static int
xr_parse(struct lsn_xr *xr, const char *p, size_t n, int terminate)
{
	if (xmlParseChunk(xr->ctxt, p, (int)n, terminate) != 0 ||
	    xr->ctxt->wellFormed == 0 || xr->nomem) {
		xr->failed = 1;
		return -1;
	}
	return 0;
}

/*
 * Pushes the next chunk of the part to the parser (a read's 4 096
 * bytes go in 512-byte chunks), or at the end of the part the rest
 * with the final push. 0, or -1 with xr->failed set.
 */
static int
xr_push(struct lsn_xr *xr)
{
	zip_int64_t	 n;
	size_t		 avail, k;

	if (xr->failed)
		return -1;
	avail = xr->in_len - xr->in_cur;
	if (avail < LSN_XR_CHUNK && !xr->eof) {
		memmove(xr->in, xr->in + xr->in_cur, avail);
		xr->in_len = avail;
		xr->in_cur = 0;
		if ((n = xr_read(xr, xr->in + avail, LSN_XR_READ)) < 0) {
			xr->failed = 1;
			return -1;
		}
		if (n == 0)
			xr->eof = 1;
		xr->in_len += (size_t)n;
		avail += (size_t)n;
	}
	if (!xr->eof) {
		/* a chunk, or what a short read brought */
		k = avail < LSN_XR_CHUNK ? avail : LSN_XR_CHUNK;
		if (xr_parse(xr, xr->in + xr->in_cur, k, 0) == -1)
			return -1;
		xr->in_cur += k;
		return 0;
	}
	xr->done = 1;
	if (xr_parse(xr, xr->in + xr->in_cur, avail, 1) == -1)
		return -1;
	xr->in_cur = xr->in_len;
	return 0;
}

/* 1 when libxml2 ran out of memory since the part was opened. */
static int
xml_nomem_seen(const struct lsn_xr *xr)
{
	const xmlError	*e = xmlGetLastError();

	return xr->xml_nomem || xr->nomem ||
	    (e != NULL && e->code == XML_ERR_NO_MEMORY);
}

/* One push, then libxml2's memory checked: 0, or -1 (xr->failed). */
static int
xr_feed(struct lsn_xr *xr)
{
	if (xr_push(xr) == -1)
		return -1;
	if (xml_nomem_seen(xr)) {
		xr->failed = 1;
		return -1;
	}
	return 0;
}

/*
 * 1 when the first 4 bytes of a part are UTF-32: a byte order mark or
 * "<" in either byte order. OPC allows UTF-8 and UTF-16 only; libxml2
 * takes the little-endian mark for UTF-16's and then fails with
 * nothing better to say than "Document is empty".
 */
static int
is_utf32(const char *in)
{
	const unsigned char *p = (const unsigned char *)in;

	return (p[0] == 0 && p[1] == 0 && p[2] == 0xfe && p[3] == 0xff) ||
	    (p[0] == 0xff && p[1] == 0xfe && p[2] == 0 && p[3] == 0) ||
	    (p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == '<') ||
	    (p[0] == '<' && p[1] == 0 && p[2] == 0 && p[3] == 0);
}

int
lsn_xr_open(struct lsn_xr *xr, struct lsn_pkg *pkg, const char *part)
{
	zip_int64_t	 idx, n;
	zip_stat_t	 zs;
	xmlSAXHandler	 sax;
	char		 t[LSN_LIMIT_TEXT];

	memset(xr, 0, sizeof(*xr));
	xr->pkg = pkg;
	if (part == NULL || (idx = lsn_pkg_locate(pkg, part)) < 0)
		return 0;
	while (*part == '/')
		part++;
	if ((xr->part = strdup(part)) == NULL ||
	    (xr->in = malloc(LSN_XR_CHUNK + LSN_XR_READ)) == NULL) {
		lsn_error_set(pkg->err, LIAISON_ERR_NOMEM, pkg->name, part, 0, 0,
		    "out of memory");
		lsn_xr_close(xr);
		return -1;
	}
	zip_stat_init(&zs);
	if (zip_stat_index(pkg->zip, (zip_uint64_t)idx, 0, &zs) == 0 &&
	    (zs.valid & ZIP_STAT_SIZE) && zs.size > pkg->entry_limit) {
		lsn_error_set(pkg->err, LIAISON_ERR_LIMIT, pkg->name, xr->part,
		    0, 0, "part inflates to %llu bytes, more than the "
		    "zip-entry-bytes limit of %s "
		    LSN_RAISE_BYTES("zip-entry-bytes"),
		    (unsigned long long)zs.size, lsn_limit_text(
		    LIAISON_LIMIT_ZIP_ENTRY_BYTES, pkg->entry_limit, t));
		lsn_xr_close(xr);
		return -1;
	}
	if ((xr->zf = zip_fopen_index(pkg->zip, (zip_uint64_t)idx, 0)) == NULL) {
		if (lsn_zip_nomem(zip_get_error(pkg->zip)))
			lsn_error_set(pkg->err, LIAISON_ERR_NOMEM, pkg->name,
			    xr->part, 0, 0, "out of memory");
		else
			lsn_error_set(pkg->err, LIAISON_ERR_ZIP, pkg->name,
			    xr->part, 0, 0, "cannot open part: %s",
			    zip_strerror(pkg->zip));
		lsn_xr_close(xr);
		return -1;
	}
	/* the first bytes tell the parser the encoding; a failed read is
	 * reported by lsn_xr_run */
	if ((n = xr_read(xr, xr->in, LSN_XR_FIRST)) < 0) {
		xr->failed = 1;
		n = 0;
	}
	if (n == LSN_XR_FIRST && is_utf32(xr->in)) {
		lsn_error_set(pkg->err, LIAISON_ERR_XML, pkg->name, xr->part,
		    0, 0, "the part is encoded in UTF-32; a DOCX part must be "
		    "UTF-8 or UTF-16 (ECMA-376 Part 2)");
		lsn_xr_close(xr);
		return -1;
	}
	xr->in_len = (size_t)n;
	xr->in_cur = n == LSN_XR_FIRST ? LSN_XR_FIRST : 0;
	/* libxml2's SAX2 defaults (for what a document without a DTD
	 * never calls), with ours for what makes nodes */
	xmlSAXVersion(&sax, 2);
	sax.startElementNs = xr_start;
	sax.endElementNs = xr_end;
	sax.characters = xr_chars;
	sax.ignorableWhitespace = xr_chars;
	sax.cdataBlock = xr_cdata;
	sax.comment = xr_comment;
	sax.processingInstruction = xr_pi;
	sax.internalSubset = xr_dtd;
	sax.reference = xr_ref;
	sax.serror = xr_error_cb;
	xr->ctxt = xmlCreatePushParserCtxt(&sax, NULL,
	    n == LSN_XR_FIRST ? xr->in : NULL, n == LSN_XR_FIRST ? (int)n : 0,
	    xr->part);
	if (xr->ctxt == NULL) {
		lsn_error_set(pkg->err, LIAISON_ERR_NOMEM, pkg->name, xr->part,
		    0, 0, "out of memory");
		lsn_xr_close(xr);
		return -1;
	}
	xr->ctxt->_private = xr;
	xr->ctxt->linenumbers = 1;
	xr->ctxt->dictNames = 1;
	xr->ctxt->docdict = 1;
	xr->ctxt->parseMode = XML_PARSE_READER;
	/* No NOENT, no DTDLOAD, no network; DTDs are refused by xr_dtd,
	 * before any entity is declared. HUGE mode always: without it
	 * libxml2 refuses a text node, attribute or CDATA section over
	 * 10 MB ("Huge input lookup"), which valid documents hold; what
	 * bounds them is the zip-entry-bytes limit on the part, and the
	 * depth is ours (xml-depth; xr_start stops where libxml2 stopped
	 * when it is not raised). COMPACT is what the reader asked for. */
	xmlCtxtUseOptions(xr->ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_COMPACT | XML_PARSE_HUGE);
	xr->saved_generic = xmlGenericError;
	xr->saved_generic_ctx = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(xr, xr_generic_cb);
	xr->generic_set = 1;
	/* libxml2 notes an allocation failing inside it (an attribute
	 * copy, a namespace) in its thread's last error, also where its
	 * API then just returns NULL or ends the document: see next() */
	xmlResetLastError();
	return 1;
}

void
lsn_xr_close(struct lsn_xr *xr)
{
	if (xr->ctxt != NULL) {
		if (xr->ctxt->myDoc != NULL)
			xmlFreeDoc(xr->ctxt->myDoc);
		xr->ctxt->myDoc = NULL;
		xmlFreeParserCtxt(xr->ctxt);
	}
	if (xr->generic_set)
		xmlSetGenericErrorFunc(xr->saved_generic_ctx,
		    xr->saved_generic);
	if (xr->zf != NULL)
		zip_fclose(xr->zf);
	free(xr->part);
	free(xr->xml_msg);
	free(xr->in);
	free(xr->text);
	if (xr->ids != NULL)
		xmlHashFree(xr->ids, NULL);
	memset(xr, 0, sizeof(*xr));
}

liaison_status
lsn_xr_error(struct lsn_xr *xr, liaison_status code, const char *fmt, ...)
{
	struct lsn_buf	 b = LSN_BUF_INIT;
	va_list		 ap;
	int		 n;
	unsigned long	 line, col;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0 && lsn_buf_grow(&b, (size_t)n) == 0) {
		va_start(ap, fmt);
		vsnprintf(b.data, (size_t)n + 1, fmt, ap);
		va_end(ap);
		b.len = (size_t)n;
	}
	xr_where(xr, &line, &col);
	lsn_error_set(xr->pkg->err, code, xr->pkg->name, xr->part, line, col,
	    "%s", b.data != NULL ? b.data : "error");
	lsn_buf_free(&b);
	return code;
}

static int
xr_fail(struct lsn_xr *xr)
{
	struct lsn_pkg	*pkg = xr->pkg;
	char		 t[LSN_LIMIT_TEXT];

	xr->failed = 1;
	if (xr->limit_hit == 1)
		lsn_error_set(pkg->err, LIAISON_ERR_LIMIT, pkg->name, xr->part,
		    0, 0, "part inflates to more than the zip-entry-bytes "
		    "limit of %s " LSN_RAISE_BYTES("zip-entry-bytes"),
		    lsn_limit_text(LIAISON_LIMIT_ZIP_ENTRY_BYTES,
		    pkg->entry_limit, t));
	else if (xr->limit_hit == 2)
		lsn_error_set(pkg->err, LIAISON_ERR_LIMIT, pkg->name, xr->part,
		    0, 0, "the package inflates to more than the "
		    "zip-total-bytes limit of %s "
		    LSN_RAISE_BYTES("zip-total-bytes"),
		    lsn_limit_text(LIAISON_LIMIT_ZIP_TOTAL_BYTES,
		    pkg->total_limit, t));
	else if (xml_nomem_seen(xr) || (xr->zip_failed &&
	    lsn_zip_nomem(zip_file_get_error(xr->zf))))
		/* not "malformed XML" nor a broken zip: say what it is */
		lsn_error_set(pkg->err, LIAISON_ERR_NOMEM, pkg->name, xr->part,
		    0, 0, "out of memory");
	else if (xr->xml_msg != NULL &&
	    strstr(xr->xml_msg, "Excessive depth") != NULL &&
	    pkg->depth_limit <= LSN_XML_MAX_DEPTH)
		/* libxml2's own depth stop (256 unless HUGE): our limit */
		lsn_error_set(pkg->err, LIAISON_ERR_LIMIT, pkg->name, xr->part,
		    xr->xml_line, xr->xml_col, "elements nest deeper than the "
		    "xml-depth limit of %llu " LSN_RAISE_COUNT("xml-depth"),
		    pkg->depth_limit);
	else if (xr->xml_msg != NULL &&
	    strstr(xr->xml_msg, "Excessive depth") != NULL)
		/* a limit raised past what libxml2 can read: no use saying
		 * to raise it further */
		lsn_error_set(pkg->err, LIAISON_ERR_LIMIT, pkg->name, xr->part,
		    xr->xml_line, xr->xml_col, "elements nest deeper than %d, "
		    "the most libxml2 reads (an xml-depth limit above it "
		    "cannot help)", LSN_XML_MAX_DEPTH);
	else if (xr->dtd)
		lsn_error_set(pkg->err, LIAISON_ERR_XML, pkg->name, xr->part,
		    xr->dtd_line, xr->dtd_col, "DTDs and entity declarations "
		    "are not allowed in a DOCX part");
	else if (xr->zip_failed)
		lsn_error_set(pkg->err, LIAISON_ERR_ZIP, pkg->name, xr->part,
		    0, 0, "cannot inflate part: %s",
		    zip_error_strerror(zip_file_get_error(xr->zf)));
	else
		lsn_error_set(pkg->err, LIAISON_ERR_XML, pkg->name, xr->part,
		    xr->xml_line, xr->xml_col, "malformed XML: %s",
		    xr->xml_msg != NULL ? xr->xml_msg : "parse error");
	return -1;
}

static enum lsn_ns
ns_of(struct lsn_xr *xr, const xmlChar *uri)
{
	size_t		 i;
	int		 k;
	enum lsn_ns	 kind = LSN_NS_OTHER;

	if (uri == NULL)
		return LSN_NS_OTHER;
	/* URIs are interned in the parser's dictionary: compare pointers. */
	for (k = 0; k < xr->ns_used; k++)
		if (xr->ns_cache[k] == uri)
			return xr->ns_kind[k];
	for (i = 0; i < sizeof(known_ns) / sizeof(known_ns[0]); i++)
		if (strcmp((const char *)uri, known_ns[i].uri) == 0) {
			kind = known_ns[i].kind;
			break;
		}
	if (xr->ns_used < (int)(sizeof(xr->ns_cache) / sizeof(xr->ns_cache[0]))) {
		xr->ns_cache[xr->ns_used] = uri;
		xr->ns_kind[xr->ns_used++] = kind;
	}
	return kind;
}

/*
 * Describes a node in xr's fields, as the reader's user gets it, after
 * the checks every node passes. 1, or -1 with the error set.
 */
static int
xr_current(struct lsn_xr *xr, int type, int depth, int blank,
    const xmlChar *uri, const xmlChar *local, int empty)
{
	/* an allocation that failed inside libxml2, even in lsn_xr_attr */
	if (xml_nomem_seen(xr))
		return xr_fail(xr);
	xr->type = type;
	xr->depth = depth;
	/* xmlTextReader's white space nodes were all "significant": its
	 * xml:space lookup (xmlNodeGetSpacePreserve) starts at the text
	 * node, which is no element, and so finds none */
	if (type == XML_READER_TYPE_TEXT && blank)
		xr->type = XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
	/* (a DTD stops the parser where it starts: xr_dtd) */
	if (type == XML_READER_TYPE_ENTITY_REFERENCE) {
		lsn_xr_error(xr, LIAISON_ERR_XML, "DTDs and entity "
		    "declarations are not allowed in a DOCX part");
		xr->failed = 1;
		return -1;
	}
	if (type == XML_READER_TYPE_ELEMENT ||
	    type == XML_READER_TYPE_END_ELEMENT) {
		if (depth >= 0 &&
		    (unsigned long long)depth >= xr->pkg->depth_limit) {
			lsn_xr_error(xr, LIAISON_ERR_LIMIT, "elements nest "
			    "deeper than the xml-depth limit of %llu "
			    LSN_RAISE_COUNT("xml-depth"), xr->pkg->depth_limit);
			xr->failed = 1;
			return -1;
		}
		xr->ns = ns_of(xr, uri);
		xr->local = (const char *)local;
		xr->empty = type == XML_READER_TYPE_ELEMENT && empty;
	} else {
		xr->ns = LSN_NS_OTHER;
		xr->local = "";
		xr->empty = 0;
	}
	return 1;
}

/* ---- the nodes handed out from the callbacks --------------------------- */

/* The node failed (its error set): no more nodes, the parser stops. */
static void
run_stop(struct lsn_xr *xr)
{
	xr->run_stopped = 1;
	xmlStopParser(xr->ctxt);
}

/* 1 when nothing more is handed out: a node failed, or the parser met
 * an error (what came before it in the chunk was handed out). */
static int
run_over(const struct lsn_xr *xr)
{
	return xr->run_stopped || xr->ctxt->wellFormed == 0;
}

/* Hands out the node xr describes (-1 from xr_current: its error). */
static void
run_call(struct lsn_xr *xr, int ok)
{
	if (ok == -1 || xr->run(xr->run_arg, xr) == -1)
		run_stop(xr);
}

/* Hands out the text pending, now that what follows it is known. */
static void
run_flush(struct lsn_xr *xr)
{
	int	 type = xr->run_text;

	if (type == 0)
		return;
	xr->run_text = 0;
	xr->text[xr->text_len] = '\0';  /* room kept by run_text */
	run_call(xr, xr_current(xr, type, xr->pdepth, xr->run_blank, NULL,
	    (const xmlChar *)"", 0));
	xr->text_len = 0;
}

static void
run_text(struct lsn_xr *xr, int type, const xmlChar *s, int len)
{
	size_t	 k, l = len > 0 ? (size_t)len : 0;

	if (run_over(xr) || xr->run_skip >= 0)
		return;
	/* pieces of one type make one node, as in xr_text */
	if (xr->run_text != 0 && xr->run_text != type)
		run_flush(xr);
	if (xr->run_text == 0) {
		xr->run_text = type;
		xr->run_blank = 1;
		xr->text_len = 0;
	}
	if (xr_room(xr, l + 1) == -1)
		return;
	memcpy(xr->text + xr->text_len, s, l);
	for (k = 0; xr->run_blank && k < l; k++)
		xr->run_blank = s[k] == ' ' || s[k] == '\t' || s[k] == '\n' ||
		    s[k] == '\r';
	xr->text_len += l;
}

/* A comment, processing instruction or entity reference: it ends a
 * text, and is handed out (the reference as an error). */
static void
run_node(struct lsn_xr *xr, int type)
{
	if (run_over(xr))
		return;
	run_flush(xr);
	if (run_over(xr) || xr->run_skip >= 0)
		return;
	run_call(xr, xr_current(xr, type, xr->pdepth, 0, NULL,
	    (const xmlChar *)"", 0));
}

static void
run_start(struct lsn_xr *xr, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri, int nb_att, const xmlChar **att, int empty)
{
	int	 i, depth = xr->pdepth, r;

	if (!run_over(xr))
		run_flush(xr);
	/* the tree builder's checks of xml:id, skipped or not */
	for (i = 0; i < nb_att; i++)
		if (att[5 * i + 1] == xr->ctxt->str_xml &&
		    strcmp((const char *)att[5 * i], "id") == 0) {
			xr->text_len = 0;
			if (xr_value(xr, att[5 * i + 3], att[5 * i + 4]) == -1)
				return;
			xr_xml_id(xr, xr->text);
			xr->text_len = 0;
		}
	xr->pdepth++;
	xr->self_closed = empty;
	if (xr->run_skip >= 0 || run_over(xr))
		return;
	xr->uri = uri;
	xr->att = att;
	xr->natt = nb_att;
	if ((r = xr_current(xr, XML_READER_TYPE_ELEMENT, depth, 0, uri,
	    xr_name(xr, local, prefix, uri), empty)) != -1)
		r = xr->run(xr->run_arg, xr);
	xr->att = NULL;
	xr->natt = 0;
	if (r == -1)
		run_stop(xr);
	else if (r == 1 && !empty)
		xr->run_skip = depth;  /* up to its end, which is skipped too */
}

static void
run_end(struct lsn_xr *xr, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri)
{
	if (run_over(xr))
		return;
	run_flush(xr);
	if (run_over(xr))
		return;
	if (xr->run_skip >= 0) {
		if (xr->pdepth == xr->run_skip)
			xr->run_skip = -1;
		return;
	}
	xr->uri = uri;
	run_call(xr, xr_current(xr, XML_READER_TYPE_END_ELEMENT, xr->pdepth,
	    0, uri, xr_name(xr, local, prefix, uri), 0));
}

int
lsn_xr_run(struct lsn_xr *xr, lsn_xr_fn fn, void *arg)
{
	if (xr->ctxt == NULL)
		return 0;
	xr->run = fn;
	xr->run_arg = arg;
	xr->run_skip = -1;
	/* chunk after chunk, each node handed out from the callbacks */
	while (!xr->done && xr_feed(xr) == 0)
		;
	if (!xr->failed && !xr->run_stopped)
		run_flush(xr);
	if (xr->run_stopped)
		return -1;
	if (xr->failed || xml_nomem_seen(xr))
		return xr_fail(xr);
	return 0;
}

const char *
lsn_xr_value(const struct lsn_xr *xr, size_t *len)
{
	if (xr->type != XML_READER_TYPE_TEXT &&
	    xr->type != XML_READER_TYPE_SIGNIFICANT_WHITESPACE &&
	    xr->type != XML_READER_TYPE_CDATA)
		return NULL;
	if (len != NULL)
		*len = xr->text_len;
	return xr->text;
}

/* 1 when SAX2 attribute a is named local (as xr_name names it:
 * prefix:local when the prefix is bound to nothing) in namespace uri
 * (NULL: in none). */
static int
att_is(const xmlChar **a, const char *local, const char *uri)
{
	const char	*l = (const char *)a[0], *p = (const char *)a[1];
	size_t		 n;

	if (p != NULL && a[2] == NULL) {
		n = strlen(p);
		if (strncmp(local, p, n) != 0 || local[n] != ':' ||
		    strcmp(local + n + 1, l) != 0)
			return 0;
	} else if (strcmp(l, local) != 0)
		return 0;
	return uri == NULL ? a[2] == NULL : a[2] != NULL &&
	    strcmp((const char *)a[2], uri) == 0;
}

/* The first attribute of the current element named local in namespace
 * uri (NULL: in none), copied for xmlFree; NULL when absent. */
static char *
xr_attr(struct lsn_xr *xr, const char *local, const char *uri)
{
	const xmlChar	**a = xr->att;
	char		 *v;
	int		  i;

	for (i = 0; i < xr->natt; i++, a += 5) {
		if (!att_is(a, local, uri))
			continue;
		if ((v = xmlMalloc((size_t)(a[4] - a[3]) + 1)) == NULL) {
			xr->nomem = 1;  /* the next node says so */
			return NULL;
		}
		att_decode(v, a[3], a[4]);
		return v;
	}
	return NULL;
}

char *
lsn_xr_attr_ns(struct lsn_xr *xr, enum lsn_ns ns, const char *local)
{
	const char	*uri;
	char		*v;
	int		 i;

	for (i = 0; (uri = ns_uri(ns, i)) != NULL; i++)
		if ((v = xr_attr(xr, local, uri)) != NULL)
			return v;
	return NULL;
}

char *
lsn_xr_attr(struct lsn_xr *xr, const char *local)
{
	const xmlChar	*uri = NULL;
	char		*v;

	if (xr->type == XML_READER_TYPE_ELEMENT)
		uri = xr->uri;
	if (uri != NULL && (v = xr_attr(xr, local, (const char *)uri)) != NULL)
		return v;
	if (xr->ns == LSN_NS_W &&
	    (v = lsn_xr_attr_ns(xr, LSN_NS_W, local)) != NULL)
		return v;
	return xr_attr(xr, local, NULL);
}

int
lsn_xr_onoff(struct lsn_xr *xr, const char *local)
{
	char	*v;
	int	 on;

	if ((v = lsn_xr_attr(xr, local)) == NULL)
		return 1;
	on = !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 ||
	    strcmp(v, "off") == 0);
	xmlFree(v);
	return on;
}

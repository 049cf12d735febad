/*
 * docx-zip.c: the DOCX package. Parts are inflated on demand and fed
 * to libxml2's xmlTextReader a buffer at a time, so no part is ever held
 * whole in memory and the inflated byte counts are checked as they grow.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
 * 1 when data has a zip's end of central directory record signature
 * where one can be: in the last 22 bytes plus the longest comment.
 */
static int
has_end_record(const unsigned char *p, size_t len)
{
	size_t i, from;

	if (len < 22)
		return 0;
	from = len > 22 + 65535 ? len - 22 - 65535 : 0;
	for (i = len - 22 + 1; i-- > from;)
		if (p[i] == 'P' && p[i + 1] == 'K' && p[i + 2] == 5 &&
		    p[i + 3] == 6)
			return 1;
	return 0;
}

/*
 * Says why libzip refused the package, and returns the error's code.
 * libzip (1.7) calls any file without a readable central directory
 * "not a zip archive" (ZIP_ER_NOZIP); one that starts with a zip's local
 * header is a zip cut short (no end record) or damaged (an end record
 * libzip cannot use), which is what the user needs to hear.
 */
static liaison_status
open_error(liaison_error **err, const char *name, const unsigned char *p,
    size_t len, zip_error_t *zerr)
{
	int code = zip_error_code_zip(zerr);
	int local = len >= 4 && p[0] == 'P' && p[1] == 'K' && p[2] == 3 &&
	    p[3] == 4;

	if (code == ZIP_ER_NOZIP && len >= 8 &&
	    memcmp(p, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
		/* an OLE container: Word's encrypted DOCX or a .doc */
		return lsn_error_set(err, LIAISON_ERR_FORMAT, name, NULL, 0, 0,
		    "not a DOCX file: a password-protected document or a "
		    "legacy Word .doc (save it as DOCX without a password)");
	if (code == ZIP_ER_NOZIP && local && !has_end_record(p, len))
		return lsn_error_set(err, LIAISON_ERR_ZIP, name, NULL, 0, 0,
		    "truncated zip archive: its central directory is "
		    "missing (was the file cut short?)");
	if (code == ZIP_ER_NOZIP && local)
		/* (libzip 1.7 says the same when it runs out of memory
		 * there: see test/alloc.sh) */
		return lsn_error_set(err, LIAISON_ERR_ZIP, name, NULL, 0, 0,
		    "damaged zip archive: its central directory cannot be "
		    "read");
	if (code == ZIP_ER_NOZIP)
		return lsn_error_set(err, LIAISON_ERR_FORMAT, name, NULL, 0, 0,
		    "not a DOCX file: not a zip archive");
	if (code == ZIP_ER_MEMORY)
		return lsn_error_set(err, LIAISON_ERR_NOMEM, name, NULL, 0, 0,
		    "out of memory");
	if (code == ZIP_ER_INCONS || code == ZIP_ER_EOF || code == ZIP_ER_CRC)
		/* entries that point past the end or into each other */
		return lsn_error_set(err, LIAISON_ERR_ZIP, name, NULL, 0, 0,
		    "truncated or damaged zip archive: %s",
		    zip_error_strerror(zerr));
	return lsn_error_set(err, LIAISON_ERR_ZIP, name, NULL, 0, 0,
	    "broken zip package: %s", zip_error_strerror(zerr));
}

static int	zip_nomem(zip_error_t *);

/* Without case, then with it: equivalent names sort side by side, in
 * an order that does not depend on qsort. */
static int
name_cmp(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	int c = strcasecmp(x, y);

	return c != 0 ? c : strcmp(x, y);
}

/*
 * Refuses a package holding two entries of one name. OPC forbids it
 * (ECMA-376 Part 2, M1.12: no equivalent part names, compared without
 * case, and a consumer shall not accept such a package), and which one
 * counts would be the zip library's choice, not the author's: two
 * readers could see two documents. Returns LIAISON_OK or the error.
 */
static liaison_status
check_unique_names(struct lsn_pkg *pkg, zip_int64_t n)
{
	const char **names;
	zip_int64_t i, k = 0;
	liaison_status rc = LIAISON_OK;

	if (n < 2)
		return LIAISON_OK;
	if ((names = calloc((size_t)n, sizeof(*names))) == NULL)
		return lsn_error_set(pkg->err, LIAISON_ERR_NOMEM, pkg->name,
		    NULL, 0, 0, "out of memory");
	for (i = 0; i < n; i++) {
		const char *nm = zip_get_name(pkg->zip, (zip_uint64_t)i, 0);

		if (nm == NULL) {
			if (zip_nomem(zip_get_error(pkg->zip))) {
				free(names);
				return lsn_error_set(pkg->err,
				    LIAISON_ERR_NOMEM, pkg->name, NULL, 0, 0,
				    "out of memory");
			}
			continue;  /* a nameless entry is never looked up */
		}
		names[k++] = nm;
	}
	qsort(names, (size_t)k, sizeof(*names), name_cmp);
	for (i = 1; i < k; i++)
		if (strcasecmp(names[i - 1], names[i]) == 0) {
			if (strcmp(names[i - 1], names[i]) == 0)
				rc = lsn_error_set(pkg->err, LIAISON_ERR_ZIP,
				    pkg->name, NULL, 0, 0, "ambiguous package: "
				    "two entries are named %s (part names must "
				    "be unique)", names[i]);
			else
				rc = lsn_error_set(pkg->err, LIAISON_ERR_ZIP,
				    pkg->name, NULL, 0, 0, "ambiguous package: "
				    "entries %s and %s name one part (part "
				    "names ignore case)", names[i - 1],
				    names[i]);
			break;
		}
	free(names);
	return rc;
}

liaison_status
lsn_pkg_open(struct lsn_pkg *pkg, const void *data, size_t len,
    const char *name, const struct liaison_options *opts, liaison_error **err)
{
	zip_error_t		 zerr;
	zip_int64_t		 n;
	unsigned long long	 limit;
	liaison_status		 rc;
	char			 t[LSN_LIMIT_TEXT];

	memset(pkg, 0, sizeof(*pkg));
	pkg->name = name;
	pkg->err = err;
	pkg->entry_limit = lsn_limit(opts, LIAISON_LIMIT_ZIP_ENTRY_BYTES);
	pkg->total_limit = lsn_limit(opts, LIAISON_LIMIT_ZIP_TOTAL_BYTES);
	pkg->depth_limit = lsn_limit(opts, LIAISON_LIMIT_XML_DEPTH);

	limit = lsn_limit(opts, LIAISON_LIMIT_INPUT_BYTES);
	if ((unsigned long long)len > limit)
		return lsn_error_set(err, LIAISON_ERR_LIMIT, name, NULL, 0, 0,
		    "input is %zu bytes, more than the input-bytes limit of "
		    "%s " LSN_RAISE_BYTES("input-bytes"), len,
		    lsn_limit_text(LIAISON_LIMIT_INPUT_BYTES, limit, t));
	zip_error_init(&zerr);
	if ((pkg->src = zip_source_buffer_create(data, len, 0, &zerr)) == NULL) {
		zip_error_fini(&zerr);
		return lsn_error_set(err, LIAISON_ERR_NOMEM, name, NULL, 0, 0,
		    "out of memory");
	}
	if ((pkg->zip = zip_open_from_source(pkg->src, ZIP_RDONLY,
	    &zerr)) == NULL) {
		zip_source_free(pkg->src);
		pkg->src = NULL;
		rc = open_error(err, name, data, len, &zerr);
		zip_error_fini(&zerr);
		return rc;
	}
	zip_error_fini(&zerr);
	n = zip_get_num_entries(pkg->zip, 0);
	limit = lsn_limit(opts, LIAISON_LIMIT_ZIP_ENTRIES);
	if (n < 0 || (unsigned long long)n > limit) {
		lsn_pkg_close(pkg);
		return lsn_error_set(err, LIAISON_ERR_LIMIT, name, NULL, 0, 0,
		    "the package has %lld entries, more than the zip-entries "
		    "limit of %llu " LSN_RAISE_COUNT("zip-entries"),
		    (long long)n, limit);
	}
	if ((rc = check_unique_names(pkg, n)) != LIAISON_OK) {
		lsn_pkg_close(pkg);
		return rc;
	}
	return LIAISON_OK;
}

void
lsn_pkg_close(struct lsn_pkg *pkg)
{
	if (pkg->zip != NULL)
		zip_discard(pkg->zip); /* also frees the source */
	else if (pkg->src != NULL)
		zip_source_free(pkg->src);
	pkg->zip = NULL;
	pkg->src = NULL;
}

static zip_int64_t
locate(struct lsn_pkg *pkg, const char *part)
{
	while (*part == '/')
		part++;
	return zip_name_locate(pkg->zip, part, ZIP_FL_NOCASE);
}

int
lsn_pkg_has(struct lsn_pkg *pkg, const char *part)
{
	return part != NULL && locate(pkg, part) >= 0;
}

/* ---- XML readers over parts ----------------------------------------- */

/* 1 when a libzip error is a failed allocation, its own or zlib's
 * (Z_MEM_ERROR, -4, behind ZIP_ER_ZLIB). */
static int
zip_nomem(zip_error_t *ze)
{
	int	 code = ze != NULL ? zip_error_code_zip(ze) : ZIP_ER_OK;

	return code == ZIP_ER_MEMORY ||
	    (code == ZIP_ER_ZLIB && zip_error_code_system(ze) == -4);
}

/* libxml2's input callback: inflate the next buffer, counting bytes. */
static int
xr_read_cb(void *ctx, char *buf, int len)
{
	struct lsn_xr	*xr = ctx;
	zip_int64_t	 n;

	if (len <= 0)
		return 0;
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
	return (int)n;
}

static int
xr_close_cb(void *ctx)
{
	(void)ctx;
	return 0;
}

#if LIBXML_VERSION >= 21200
static void
xr_error_cb(void *ctx, const xmlError *e)
#else
static void
xr_error_cb(void *ctx, xmlErrorPtr e)
#endif
{
	struct lsn_xr	*xr = ctx;
	size_t		 n;

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
	va_end(ap);
}

int
lsn_xr_open(struct lsn_xr *xr, struct lsn_pkg *pkg, const char *part)
{
	zip_int64_t	 idx;
	zip_stat_t	 zs;
	char		 t[LSN_LIMIT_TEXT];

	memset(xr, 0, sizeof(*xr));
	xr->pkg = pkg;
	if (part == NULL || (idx = locate(pkg, part)) < 0)
		return 0;
	while (*part == '/')
		part++;
	if ((xr->part = strdup(part)) == NULL) {
		lsn_error_set(pkg->err, LIAISON_ERR_NOMEM, pkg->name, part, 0, 0,
		    "out of memory");
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
		if (zip_nomem(zip_get_error(pkg->zip)))
			lsn_error_set(pkg->err, LIAISON_ERR_NOMEM, pkg->name,
			    xr->part, 0, 0, "out of memory");
		else
			lsn_error_set(pkg->err, LIAISON_ERR_ZIP, pkg->name,
			    xr->part, 0, 0, "cannot open part: %s",
			    zip_strerror(pkg->zip));
		lsn_xr_close(xr);
		return -1;
	}
	/* No NOENT, no DTDLOAD, no network; DTDs are refused in next().
	 * libxml2 stops at depth 256 by itself: a raised depth limit needs
	 * its HUGE mode (our byte and depth limits still apply). */
	xr->r = xmlReaderForIO(xr_read_cb, xr_close_cb, xr, xr->part, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    (pkg->depth_limit > 256 ? XML_PARSE_HUGE : 0));
	if (xr->r == NULL) {
		lsn_error_set(pkg->err, LIAISON_ERR_NOMEM, pkg->name, xr->part,
		    0, 0, "out of memory");
		lsn_xr_close(xr);
		return -1;
	}
	xmlTextReaderSetStructuredErrorHandler(xr->r, xr_error_cb, xr);
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
	if (xr->r != NULL)
		xmlFreeTextReader(xr->r);
	if (xr->generic_set)
		xmlSetGenericErrorFunc(xr->saved_generic_ctx,
		    xr->saved_generic);
	if (xr->zf != NULL)
		zip_fclose(xr->zf);
	free(xr->part);
	free(xr->xml_msg);
	memset(xr, 0, sizeof(*xr));
}

liaison_status
lsn_xr_error(struct lsn_xr *xr, liaison_status code, const char *fmt, ...)
{
	struct lsn_buf	 b = LSN_BUF_INIT;
	va_list		 ap;
	int		 n;
	unsigned long	 line = 0, col = 0;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0 && lsn_buf_grow(&b, (size_t)n) == 0) {
		va_start(ap, fmt);
		vsnprintf(b.data, (size_t)n + 1, fmt, ap);
		va_end(ap);
		b.len = (size_t)n;
	}
	if (xr->r != NULL) {
		int l = xmlTextReaderGetParserLineNumber(xr->r);
		int c = xmlTextReaderGetParserColumnNumber(xr->r);
		line = l > 0 ? (unsigned long)l : 0;
		col = c > 0 ? (unsigned long)c : 0;
	}
	lsn_error_set(xr->pkg->err, code, xr->pkg->name, xr->part, line, col,
	    "%s", b.data != NULL ? b.data : "error");
	lsn_buf_free(&b);
	return code;
}

/* 1 when libxml2 ran out of memory since the part was opened. */
static int
xml_nomem_seen(const struct lsn_xr *xr)
{
	const xmlError	*e = xmlGetLastError();

	return xr->xml_nomem || (e != NULL && e->code == XML_ERR_NO_MEMORY);
}

static int
xr_fail(struct lsn_xr *xr)
{
	struct lsn_pkg	*pkg = xr->pkg;
	char		 t[LSN_LIMIT_TEXT];

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
	    zip_nomem(zip_file_get_error(xr->zf))))
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
	/* URIs are interned in the reader's dictionary: compare pointers. */
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

int
lsn_xr_next(struct lsn_xr *xr, int skip)
{
	int	 ret;

	ret = skip ? xmlTextReaderNext(xr->r) : xmlTextReaderRead(xr->r);
	/* an end that was a failure: libxml2 may stop quietly when an
	 * allocation fails. (Recoverable errors, such as an undefined
	 * namespace prefix, leave the text readable and are let pass.) */
	if (ret == 0 && (xml_nomem_seen(xr) ||
	    xmlTextReaderReadState(xr->r) == XML_TEXTREADER_MODE_ERROR))
		return xr_fail(xr);
	if (ret == 0)
		return 0;
	if (ret < 0 || xml_nomem_seen(xr))
		return xr_fail(xr);  /* e.g. a namespace that could not be kept */
	xr->type = xmlTextReaderNodeType(xr->r);
	xr->depth = xmlTextReaderDepth(xr->r);
	if (xr->type == XML_READER_TYPE_DOCUMENT_TYPE ||
	    xr->type == XML_READER_TYPE_ENTITY_REFERENCE) {
		lsn_xr_error(xr, LIAISON_ERR_XML, "DTDs and entity "
		    "declarations are not allowed in a DOCX part");
		return -1;
	}
	if (xr->type == XML_READER_TYPE_ELEMENT ||
	    xr->type == XML_READER_TYPE_END_ELEMENT) {
		if (xr->depth >= 0 &&
		    (unsigned long long)xr->depth >= xr->pkg->depth_limit) {
			lsn_xr_error(xr, LIAISON_ERR_LIMIT, "elements nest "
			    "deeper than the xml-depth limit of %llu "
			    LSN_RAISE_COUNT("xml-depth"), xr->pkg->depth_limit);
			return -1;
		}
		xr->ns = ns_of(xr, xmlTextReaderConstNamespaceUri(xr->r));
		xr->local = (const char *)xmlTextReaderConstLocalName(xr->r);
		if (xr->local == NULL)
			xr->local = "";
		xr->empty = xr->type == XML_READER_TYPE_ELEMENT &&
		    xmlTextReaderIsEmptyElement(xr->r) == 1;
	} else {
		xr->ns = LSN_NS_OTHER;
		xr->local = "";
		xr->empty = 0;
	}
	return 1;
}

char *
lsn_xr_attr_ns(struct lsn_xr *xr, enum lsn_ns ns, const char *local)
{
	const char	*uri;
	xmlChar		*v;
	int		 i;

	for (i = 0; (uri = ns_uri(ns, i)) != NULL; i++)
		if ((v = xmlTextReaderGetAttributeNs(xr->r,
		    (const xmlChar *)local, (const xmlChar *)uri)) != NULL)
			return (char *)v;
	return NULL;
}

char *
lsn_xr_attr(struct lsn_xr *xr, const char *local)
{
	const xmlChar	*uri;
	xmlChar		*v;

	uri = xmlTextReaderConstNamespaceUri(xr->r);
	if (uri != NULL && (v = xmlTextReaderGetAttributeNs(xr->r,
	    (const xmlChar *)local, uri)) != NULL)
		return (char *)v;
	if (xr->ns == LSN_NS_W &&
	    (v = (xmlChar *)lsn_xr_attr_ns(xr, LSN_NS_W, local)) != NULL)
		return (char *)v;
	return (char *)xmlTextReaderGetAttribute(xr->r, (const xmlChar *)local);
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

/* ---- relationships -------------------------------------------------- */

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Resolves a relative target against the folder of source into a part
 * name: "../media/x.png" from "word/document.xml" is "media/x.png".
 * Returns a new string (caller frees) or NULL when memory ran out.
 */
static char *
resolve_target(const char *source, const char *target)
{
	struct lsn_buf	 b = LSN_BUF_INIT;
	const char	*slash, *p, *seg;
	size_t		 n;

	if (target[0] == '/')
		target++;
	else if ((slash = strrchr(source, '/')) != NULL)
		lsn_buf_put(&b, source, (size_t)(slash - source) + 1);
	for (p = target; *p != '\0'; ) {
		seg = p;
		while (*p != '\0' && *p != '/')
			p++;
		n = (size_t)(p - seg);
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			/* drop the last folder of b ("a/b/" -> "a/") */
			if (b.len > 0)
				b.len--;
			while (b.len > 0 && b.data[b.len - 1] != '/')
				b.len--;
			if (b.data != NULL)
				b.data[b.len] = '\0';
		} else if (!(n == 1 && seg[0] == '.') && n > 0) {
			size_t i;

			/* part names in the zip are not percent-encoded */
			for (i = 0; i < n; i++) {
				int h, l;

				if (seg[i] == '%' && i + 2 < n &&
				    (h = hexval(seg[i + 1])) >= 0 &&
				    (l = hexval(seg[i + 2])) >= 0) {
					lsn_buf_putc(&b, (char)(h * 16 + l));
					i += 2;
				} else
					lsn_buf_putc(&b, seg[i]);
			}
			if (*p == '/')
				lsn_buf_putc(&b, '/');
		}
		if (*p == '/')
			p++;
	}
	return lsn_buf_detach(&b, NULL);
}

static char *
rels_part_name(const char *source)
{
	struct lsn_buf	 b = LSN_BUF_INIT;
	const char	*slash;

	if ((slash = strrchr(source, '/')) != NULL) {
		lsn_buf_put(&b, source, (size_t)(slash - source) + 1);
		source = slash + 1;
	}
	lsn_buf_printf(&b, "_rels/%s.rels", source);
	return lsn_buf_detach(&b, NULL);
}

void
lsn_rels_free(struct lsn_rels *rels)
{
	size_t	 i;

	for (i = 0; i < rels->count; i++) {
		xmlFree(rels->items[i].id);
		xmlFree(rels->items[i].type);
		free(rels->items[i].target);
	}
	free(rels->items);
	rels->items = NULL;
	rels->count = 0;
}

int
lsn_rels_read(struct lsn_pkg *pkg, const char *source, struct lsn_rels *rels)
{
	struct lsn_xr	 xr;
	struct lsn_rel	*n, *rel;
	size_t		 cap = 0;
	char		*name, *target, *mode;
	int		 ret;

	memset(rels, 0, sizeof(*rels));
	if ((name = rels_part_name(source)) == NULL)
		goto oom;
	ret = lsn_xr_open(&xr, pkg, name);
	free(name);
	if (ret <= 0)
		return ret;
	while ((ret = lsn_xr_next(&xr, 0)) == 1) {
		if (xr.type != XML_READER_TYPE_ELEMENT ||
		    strcmp(xr.local, "Relationship") != 0)
			continue;
		if (rels->count == cap) {
			cap = cap ? cap * 2 : 16;
			if ((n = realloc(rels->items, cap * sizeof(*n))) == NULL)
				goto oom_xr;
			rels->items = n;
		}
		rel = &rels->items[rels->count];
		memset(rel, 0, sizeof(*rel));
		rel->id = lsn_xr_attr(&xr, "Id");
		rel->type = lsn_xr_attr(&xr, "Type");
		target = lsn_xr_attr(&xr, "Target");
		mode = lsn_xr_attr(&xr, "TargetMode");
		rel->external = mode != NULL && strcmp(mode, "External") == 0;
		xmlFree(mode);
		if (rel->id == NULL || rel->type == NULL || target == NULL) {
			xmlFree(rel->id);
			xmlFree(rel->type);
			xmlFree(target);
			continue;  /* not usable; Word ignores it too */
		}
		rel->target = rel->external ? strdup(target) :
		    resolve_target(source, target);
		xmlFree(target);
		rels->count++;
		if (rel->target == NULL)
			goto oom_xr;
	}
	lsn_xr_close(&xr);
	return ret < 0 ? -1 : 0;
oom_xr:
	lsn_xr_close(&xr);
oom:
	lsn_rels_free(rels);
	lsn_error_set(pkg->err, LIAISON_ERR_NOMEM, pkg->name, NULL, 0, 0,
	    "out of memory");
	return -1;
}

const struct lsn_rel *
lsn_rels_by_type(const struct lsn_rels *rels, const char *suffix)
{
	size_t	 i, tl, sl = strlen(suffix);

	for (i = 0; i < rels->count; i++) {
		tl = strlen(rels->items[i].type);
		if (tl > sl && rels->items[i].type[tl - sl - 1] == '/' &&
		    strcmp(rels->items[i].type + tl - sl, suffix) == 0)
			return &rels->items[i];
	}
	return NULL;
}

const struct lsn_rel *
lsn_rels_by_id(const struct lsn_rels *rels, const char *id)
{
	size_t	 i;

	for (i = 0; i < rels->count; i++)
		if (strcmp(rels->items[i].id, id) == 0)
			return &rels->items[i];
	return NULL;
}

int
lsn_docx_int(const char *s, int dflt)
{
	char	*end;
	long	 v;

	if (s == NULL || *s == '\0')
		return dflt;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v < -1000000 || v > 1000000000)
		return dflt;
	return (int)v;
}

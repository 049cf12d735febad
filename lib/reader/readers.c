/* SPDX-License-Identifier: MIT */
/*
 * readers.c: which reader reads an input. A small table of the formats
 * we read or recognise by their first bytes; formats we recognise but do
 * not read are refused with one line naming them and what to do.
 */
#include <string.h>
#include <strings.h>

#include "reader/readers.h"
#include "util/error.h"

/* The advice every refused format shares. */
#define CONVERT	"convert it to .docx first (e.g. with LibreOffice)"

static const unsigned char ole2_magic[8] = {
	0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1
};

/* 1 when the ASCII name `s`, as UTF-16LE, is somewhere in p[0..len). */
static int
has_utf16(const unsigned char *p, size_t len, const char *s)
{
	size_t	 n = strlen(s), i, j;

	for (i = 0; len >= 2 * n && i <= len - 2 * n; i++) {
		for (j = 0; j < n; j++)
			if (p[i + 2 * j] != (unsigned char)s[j] ||
			    p[i + 2 * j + 1] != 0)
				break;
		if (j == n)
			return 1;
	}
	return 0;
}

static int
is_ole2(const unsigned char *p, size_t len)
{
	return len >= 8 && memcmp(p, ole2_magic, 8) == 0;
}

/* An OLE2 compound file names its streams in UTF-16LE directory
 * entries: Word's encrypted OOXML keeps the package in one called
 * "EncryptedPackage", a Word 97-2003 document its text in
 * "WordDocument". */
static int
sniff_encrypted(const unsigned char *p, size_t len)
{
	return is_ole2(p, len) && has_utf16(p, len, "EncryptedPackage");
}

static int
sniff_doc(const unsigned char *p, size_t len)
{
	return is_ole2(p, len) && has_utf16(p, len, "WordDocument");
}

static int
is_zip(const unsigned char *p, size_t len)
{
	return len >= 4 && p[0] == 'P' && p[1] == 'K' &&
	    (p[2] == 3 || p[2] == 5 || p[2] == 7) &&
	    (p[3] == 4 || p[3] == 6 || p[3] == 8);
}

/*
 * OpenDocument: the zip's first entry is "mimetype", stored, holding the
 * media type (ODF 1.2 part 3, 3.3). `prefix` is matched against it.
 */
static int
odf_mimetype(const unsigned char *p, size_t len, const char *prefix)
{
	size_t	 namelen, extra, at, n = strlen(prefix);

	if (len < 30 || memcmp(p, "PK\3\4", 4) != 0)
		return 0;
	namelen = p[26] | (size_t)p[27] << 8;
	extra = p[28] | (size_t)p[29] << 8;
	at = 30 + namelen + extra;
	return namelen == 8 && memcmp(p + 30, "mimetype", 8) == 0 &&
	    at <= len && len - at >= n && memcmp(p + at, prefix, n) == 0;
}

static int
sniff_odt(const unsigned char *p, size_t len)
{
	return odf_mimetype(p, len, "application/vnd.oasis.opendocument.text");
}

static int
sniff_odf(const unsigned char *p, size_t len)
{
	return odf_mimetype(p, len, "application/vnd.oasis.opendocument.");
}

static int
sniff_rtf(const unsigned char *p, size_t len)
{
	return len >= 5 && memcmp(p, "{\\rtf", 5) == 0;
}

static int
sniff_pdf(const unsigned char *p, size_t len)
{
	return len >= 5 && memcmp(p, "%PDF-", 5) == 0;
}

static int
sniff_empty(const unsigned char *p, size_t len)
{
	(void)p;
	return len == 0;
}

static int
sniff_any(const unsigned char *p, size_t len)
{
	(void)p;
	(void)len;
	return 1;
}

static liaison_status
read_docx(const void *data, size_t len, const char *name,
    const struct liaison_options *opts, struct lsn_stream *out,
    struct lsn_core *core, liaison_error **err)
{
	return lsn_read_docx(data, len, name, opts, out, core, err);
}

static liaison_status
read_text(const void *data, size_t len, const char *name,
    const struct liaison_options *opts, struct lsn_stream *out,
    struct lsn_core *core, liaison_error **err)
{
	(void)core;
	return lsn_read_text(data, len, name, opts, out, err);
}

/* First match wins; the last takes anything. */
static const struct lsn_reader readers[] = {
	{ "encrypted", sniff_encrypted, NULL, "password-protected (encrypted) "
	    "DOCX: save it without a password first" },
	{ "doc", sniff_doc, NULL, "Word 97-2003 .doc, not DOCX: " CONVERT },
	{ "ole2", is_ole2, NULL, "Office 97-2003 file (OLE2) that is no Word "
	    "document, not DOCX" },
	{ "odt", sniff_odt, NULL, "OpenDocument text .odt, not DOCX: "
	    CONVERT },
	{ "odf", sniff_odf, NULL, "OpenDocument file that is no text "
	    "document, not DOCX" },
	{ "docx", is_zip, read_docx, NULL },
	{ "rtf", sniff_rtf, NULL, "RTF, not DOCX: " CONVERT },
	{ "pdf", sniff_pdf, NULL, "PDF, not DOCX: convert it to .docx or "
	    "text first" },
	{ "empty", sniff_empty, NULL, "empty file, not DOCX" },
	{ "text", sniff_any, read_text, NULL },
};
#define NREADERS	(sizeof(readers) / sizeof(readers[0]))

static const struct lsn_reader *
reader_named(const char *name)
{
	size_t i;

	for (i = 0; i < NREADERS - 1; i++)
		if (strcmp(readers[i].name, name) == 0)
			break;
	return &readers[i];
}

/* 1 when `name` ends in ".docx" (any case). */
static int
named_docx(const char *name)
{
	size_t n = strlen(name);

	return n > 5 && strcasecmp(name + n - 5, ".docx") == 0;
}

const struct lsn_reader *
lsn_reader_choose(const void *data, size_t len, const char *name,
    liaison_format fmt, liaison_error **err)
{
	const struct lsn_reader	*r;
	int			 docx;
	size_t			 i;

	/* -i text reads anything as text: RTF is text, if the user says so */
	if (fmt == LIAISON_FORMAT_TEXT)
		return reader_named("text");
	docx = fmt == LIAISON_FORMAT_DOCX || named_docx(name);
	for (i = 0; i < NREADERS; i++)
		if (readers[i].sniff(data, len))
			break;
	r = &readers[i < NREADERS ? i : NREADERS - 1];
	/* An empty file is an empty text, unless it was to be a DOCX */
	if (r == reader_named("empty") && !docx)
		r = reader_named("text");
	/* ... and text that was to be a DOCX is for the DOCX reader to
	 * refuse, saying it is no zip archive. */
	if (r == reader_named("text") && docx)
		r = reader_named("docx");
	if (r->read == NULL) {
		lsn_error_set(err, LIAISON_ERR_FORMAT, name, NULL, 0, 0, "%s",
		    r->refusal);
		return NULL;
	}
	return r;
}

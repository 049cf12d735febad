/* SPDX-License-Identifier: MIT */
/*
 * docx-zip.c: the DOCX package: the zip opened in memory with its
 * limits, refused when it is no zip, a damaged one or an ambiguous one,
 * and parts looked up by name. Reading a part's XML is docx-xml.c's
 * job, its relationships docx-rels.c's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zip.h>

#include "options.h"
#include "reader/docx-int.h"
#include "util/error.h"

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
	if (code == ZIP_ER_NOENT)
		/* libzip's "No such file": a size, offset or disk number of
		 * all ones (0xFFFFFFFF, zip64's "see my extra field") in an
		 * entry that has no zip64 extra field to give the value */
		return lsn_error_set(err, LIAISON_ERR_ZIP, name, NULL, 0, 0,
		    "damaged zip archive: an entry claims a size or offset of "
		    "4 GiB (0xFFFFFFFF, the zip64 marker) but has no zip64 "
		    "field giving it");
	if (code == ZIP_ER_INCONS || code == ZIP_ER_EOF || code == ZIP_ER_CRC)
		/* entries that point past the end or into each other */
		return lsn_error_set(err, LIAISON_ERR_ZIP, name, NULL, 0, 0,
		    "truncated or damaged zip archive: %s",
		    zip_error_strerror(zerr));
	return lsn_error_set(err, LIAISON_ERR_ZIP, name, NULL, 0, 0,
	    "broken zip package: %s", zip_error_strerror(zerr));
}

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
			if (lsn_zip_nomem(zip_get_error(pkg->zip))) {
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

zip_int64_t
lsn_pkg_locate(struct lsn_pkg *pkg, const char *part)
{
	while (*part == '/')
		part++;
	return zip_name_locate(pkg->zip, part, ZIP_FL_NOCASE);
}

int
lsn_pkg_has(struct lsn_pkg *pkg, const char *part)
{
	return part != NULL && lsn_pkg_locate(pkg, part) >= 0;
}

int
lsn_zip_nomem(zip_error_t *ze)
{
	int	 code = ze != NULL ? zip_error_code_zip(ze) : ZIP_ER_OK;

	return code == ZIP_ER_MEMORY ||
	    (code == ZIP_ER_ZLIB && zip_error_code_system(ze) == -4);
}

/* SPDX-License-Identifier: MIT */
/*
 * options.c: options and limits: their defaults, values and the text
 * of a limit in messages. Below the readers, which read the limits, so
 * that no layer calls up into api.c for them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liaison.h"
#include "options.h"
#include "util/error.h"

static const unsigned long long default_limits[LIAISON_LIMIT__COUNT] = {
	LSN_DEFAULT_INPUT_BYTES,
	LSN_DEFAULT_ZIP_ENTRY_BYTES,
	LSN_DEFAULT_ZIP_TOTAL_BYTES,
	LSN_DEFAULT_ZIP_ENTRIES,
	LSN_DEFAULT_XML_DEPTH,
	LSN_DEFAULT_PARAGRAPHS,
	LSN_DEFAULT_MODEL_DEPTH,
	LSN_DEFAULT_MODEL_BYTES,
	LSN_DEFAULT_PARAGRAPH_MARKS,
};

void
lsn_options_defaults(struct liaison_options *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->format = LIAISON_FORMAT_AUTO;
	opts->track_changes = LIAISON_TRACK_ACCEPT;
	memcpy(opts->limits, default_limits, sizeof(default_limits));
}

unsigned long long
lsn_limit(const struct liaison_options *opts, liaison_limit which)
{
	if ((unsigned)which >= LIAISON_LIMIT__COUNT)
		return 0;
	return opts != NULL ? opts->limits[which] : default_limits[which];
}

const char *
lsn_limit_text(liaison_limit which, unsigned long long v, char *buf)
{
	static const char *const units[] = { "GiB", "MiB", "KiB" };
	int i;

	if (which == LIAISON_LIMIT_INPUT_BYTES ||
	    which == LIAISON_LIMIT_ZIP_ENTRY_BYTES ||
	    which == LIAISON_LIMIT_ZIP_TOTAL_BYTES ||
	    which == LIAISON_LIMIT_MODEL_BYTES) {
		for (i = 0; i < 3 && v != 0; i++) {
			unsigned long long unit = 1ULL << (10 * (3 - i));

			if (v % unit == 0) {
				snprintf(buf, LSN_LIMIT_TEXT, "%llu %s",
				    v / unit, units[i]);
				return buf;
			}
		}
		snprintf(buf, LSN_LIMIT_TEXT, "%llu bytes", v);
	} else
		snprintf(buf, LSN_LIMIT_TEXT, "%llu", v);
	return buf;
}

liaison_options *
liaison_options_new(void)
{
	liaison_options	*o;

	if ((o = malloc(sizeof(*o))) != NULL)
		lsn_options_defaults(o);
	return o;
}

void
liaison_options_free(liaison_options *opts)
{
	free(opts);
}

void
liaison_options_set_format(liaison_options *opts, liaison_format f)
{
	if (opts != NULL && f >= LIAISON_FORMAT_AUTO && f <= LIAISON_FORMAT_DOCX)
		opts->format = f;
}

void
liaison_options_set_track_changes(liaison_options *opts,
    liaison_track_changes mode)
{
	if (opts != NULL && mode >= LIAISON_TRACK_ACCEPT &&
	    mode <= LIAISON_TRACK_ALL)
		opts->track_changes = mode;
}

void
liaison_options_set_hidden_text(liaison_options *opts, int keep)
{
	if (opts != NULL)
		opts->keep_hidden = keep != 0;
}

void
liaison_options_set_encoding(liaison_options *opts, liaison_encoding encoding)
{
	if (opts != NULL && encoding >= LIAISON_ENCODING_UTF8 &&
	    encoding <= LIAISON_ENCODING_WINDOWS_1252)
		opts->encoding = encoding;
}

void
liaison_options_set_limit(liaison_options *opts, liaison_limit which,
    unsigned long long value)
{
	if (opts == NULL || (unsigned)which >= LIAISON_LIMIT__COUNT)
		return;
	opts->limits[which] = value != 0 ? value : default_limits[which];
}

unsigned long long
liaison_options_get_limit(const liaison_options *opts, liaison_limit which)
{
	return lsn_limit(opts, which);
}

/* The limits by the names liaison(1) and the limit messages give them,
 * in the order of liaison_limit; bytes: a size, taking k, M or G. */
static const struct {
	const char	*name;
	int		 bytes;
} limit_names[LIAISON_LIMIT__COUNT] = {
	{ "input-bytes", 1 },
	{ "zip-entry-bytes", 1 },
	{ "zip-total-bytes", 1 },
	{ "zip-entries", 0 },
	{ "xml-depth", 0 },
	{ "paragraphs", 0 },
	{ "model-depth", 0 },
	{ "model-bytes", 1 },
	{ "paragraph-marks", 0 },
};

const char *
liaison_limit_name(liaison_limit which)
{
	if ((unsigned)which >= LIAISON_LIMIT__COUNT)
		return NULL;
	return limit_names[which].name;
}

/* " (limits: a, b, ...)", what a usage error of the name appends, into
 * buf of size n (room for all names: their table is short). */
static const char *
names_list(char *buf, size_t n)
{
	size_t i, len = 0;

	len += (size_t)snprintf(buf, n, " (limits:");
	for (i = 0; i < LIAISON_LIMIT__COUNT && len < n; i++)
		len += (size_t)snprintf(buf + len, n - len, " %s%s",
		    limit_names[i].name, i + 1 < LIAISON_LIMIT__COUNT ?
		    "," : ")");
	return buf;
}

liaison_status
liaison_options_parse_limit(liaison_options *opts, const char *arg,
    liaison_error **err)
{
	const char *eq, *v, *end;
	unsigned long long value = 0, mult = 1;
	char list[256];
	size_t i, n;

	if (lsn_error_in_use(err))
		return LIAISON_ERR_USAGE;
	if (opts == NULL || arg == NULL)
		return lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "liaison_options_parse_limit: no %s",
		    opts == NULL ? "options" : "argument");
	eq = strchr(arg, '=');
	n = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
	for (i = 0; i < LIAISON_LIMIT__COUNT; i++)
		if (strlen(limit_names[i].name) == n &&
		    strncmp(arg, limit_names[i].name, n) == 0)
			break;
	if (eq == NULL || i == LIAISON_LIMIT__COUNT) {
		return lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "%s%s", eq == NULL ? "expected NAME=VALUE" :
		    "unknown limit", names_list(list, sizeof(list)));
	}
	v = eq + 1;
	/* digits only: strtoull would take blanks, a sign or hex */
	for (end = v; *end >= '0' && *end <= '9'; end++) {
		unsigned d = (unsigned)(*end - '0');

		if (value > (~0ULL - d) / 10)
			goto bad;
		value = value * 10 + d;
	}
	if (end == v)
		goto bad;
	if (limit_names[i].bytes && *end != '\0' && end[1] == '\0') {
		switch (*end) {
		case 'k': case 'K': mult = 1ULL << 10; end++; break;
		case 'M': mult = 1ULL << 20; end++; break;
		case 'G': mult = 1ULL << 30; end++; break;
		}
	}
	if (*end != '\0' || value == 0 || value > ~0ULL / mult)
		goto bad;
	opts->limits[i] = value * mult;
	return LIAISON_OK;
bad:
	return lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
	    "the value must be %s", limit_names[i].bytes ? "a size in bytes "
	    "above 0, with an optional suffix k, M or G (powers of 1024)" :
	    "a whole number above 0");
}

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

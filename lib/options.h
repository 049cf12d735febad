/*
 * options.h: the body of the public liaison_options type.
 */
#ifndef LSN_OPTIONS_H
#define LSN_OPTIONS_H

#include "liaison.h"

struct liaison_options {
	liaison_format		format;
	liaison_track_changes	track_changes;
	unsigned long long	limits[LIAISON_LIMIT__COUNT];
};

/* Default limits: generous for any real document, small enough to stop
 * a zip bomb or a runaway file before memory does. */
#define LSN_DEFAULT_INPUT_BYTES        (512ULL << 20)
#define LSN_DEFAULT_ZIP_ENTRY_BYTES    (256ULL << 20)
#define LSN_DEFAULT_ZIP_TOTAL_BYTES    (512ULL << 20)
#define LSN_DEFAULT_ZIP_ENTRIES        10000ULL
#define LSN_DEFAULT_XML_DEPTH          256ULL
#define LSN_DEFAULT_PARAGRAPHS         5000000ULL

/* Fills opts with the defaults. */
void	lsn_options_defaults(struct liaison_options *opts);
/* The value of a limit, or its default when opts is NULL. */
unsigned long long lsn_limit(const struct liaison_options *opts,
	    liaison_limit which);

#endif

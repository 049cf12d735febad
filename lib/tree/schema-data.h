/* SPDX-License-Identifier: MIT */
/*
 * schema-data.h: files compiled into the library (see tools/embed.c).
 */
#ifndef LSN_SCHEMA_DATA_H
#define LSN_SCHEMA_DATA_H

#include <stddef.h>

struct lsn_embedded {
	const char	*name;
	const char	*data;
	size_t		 len;
};

/* Terminated by an entry whose name is NULL. */
extern const struct lsn_embedded lsn_embedded_files[];

#endif

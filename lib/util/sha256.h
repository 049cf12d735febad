/* SPDX-License-Identifier: MIT */
/*
 * sha256.h: SHA-256 for the "source.sha256" of a model, from nettle
 * (which picks the processor's SHA instructions where it has them).
 */
#ifndef LSN_SHA256_H
#define LSN_SHA256_H

#include <stddef.h>

#include <nettle/sha2.h>

/* On the caller's stack or in its struct; holds no allocation. */
struct lsn_sha256 {
	struct sha256_ctx	 ctx;
};

void	lsn_sha256_init(struct lsn_sha256 *c);
void	lsn_sha256_update(struct lsn_sha256 *c, const void *data, size_t len);
/* Writes 64 lower-case hex digits and a NUL into hex[65]; c is then
 * ready for a new hash, as after lsn_sha256_init. */
void	lsn_sha256_hex(struct lsn_sha256 *c, char hex[65]);

#endif

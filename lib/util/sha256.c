/* SPDX-License-Identifier: MIT */
/*
 * sha256.c: the model's SHA-256 through nettle. A library rather than
 * code of our own: nettle is reviewed crypto and dispatches to the SHA
 * instructions itself (BENCHMARKS.md: as fast as the hand-written code
 * it replaced).
 */
#include "config.h"

#include <stdint.h>

#include "util/sha256.h"

void
lsn_sha256_init(struct lsn_sha256 *c)
{
	sha256_init(&c->ctx);
}

void
lsn_sha256_update(struct lsn_sha256 *c, const void *data, size_t len)
{
	sha256_update(&c->ctx, len, data);
}

void
lsn_sha256_hex(struct lsn_sha256 *c, char hex[65])
{
	static const char	 digits[] = "0123456789abcdef";
	uint8_t			 d[SHA256_DIGEST_SIZE];
	int			 i;

	sha256_digest(&c->ctx, sizeof(d), d);
	for (i = 0; i < SHA256_DIGEST_SIZE; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[64] = '\0';
}

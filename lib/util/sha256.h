/*
 * sha256.h: SHA-256 (FIPS 180-4), for the "source.sha256" of a model.
 */
#ifndef LSN_SHA256_H
#define LSN_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct lsn_sha256 {
	uint32_t	 h[8];
	uint64_t	 total;
	unsigned char	 block[64];
	size_t		 used;
};

void	lsn_sha256_init(struct lsn_sha256 *c);
void	lsn_sha256_update(struct lsn_sha256 *c, const void *data, size_t len);
/* Writes 64 lower-case hex digits and a NUL into hex[65]. */
void	lsn_sha256_hex(struct lsn_sha256 *c, char hex[65]);

#endif

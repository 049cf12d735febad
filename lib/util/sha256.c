/*
 * sha256.c: SHA-256 as specified in FIPS 180-4, section 6.2.
 */
#include "config.h"

#include <string.h>

#include "util/sha256.h"

/*
 * x86-64 processors with the SHA extensions (AMD since Zen, Intel since
 * Ice Lake) do a block in about a tenth of the time of the portable
 * code: the hash of the input was 12% of a text conversion. Chosen at
 * run time; the portable code stays for every other processor.
 */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define LSN_SHA_NI 1
#include <cpuid.h>
#include <pthread.h>
#include <immintrin.h>
#endif

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

#define ROTR(x, n)	(((x) >> (n)) | ((x) << (32 - (n))))

static void
compress(struct lsn_sha256 *c, const unsigned char *p)
{
	uint32_t	 w[64], a, b, cc, d, e, f, g, h, t1, t2;
	int		 i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
	for (i = 16; i < 64; i++) {
		uint32_t s0 = ROTR(w[i - 15], 7) ^ ROTR(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ROTR(w[i - 2], 17) ^ ROTR(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = c->h[0]; b = c->h[1]; cc = c->h[2]; d = c->h[3];
	e = c->h[4]; f = c->h[5]; g = c->h[6]; h = c->h[7];
	for (i = 0; i < 64; i++) {
		t1 = h + (ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25)) +
		    ((e & f) ^ (~e & g)) + K[i] + w[i];
		t2 = (ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22)) +
		    ((a & b) ^ (a & cc) ^ (b & cc));
		h = g; g = f; f = e; e = d + t1;
		d = cc; cc = b; b = a; a = t1 + t2;
	}
	c->h[0] += a; c->h[1] += b; c->h[2] += cc; c->h[3] += d;
	c->h[4] += e; c->h[5] += f; c->h[6] += g; c->h[7] += h;
}

#ifdef LSN_SHA_NI
/*
 * The same compression, nblocks blocks at p, with the SHA instructions.
 * They keep the state as two vectors, (a, b, e, f) and (c, d, g, h),
 * and take the message schedule four words at a time.
 */
__attribute__((target("sha,sse4.1,ssse3")))
static void
compress_ni(struct lsn_sha256 *c, const unsigned char *p, size_t nblocks)
{
	const __m128i	 bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL,
			    0x0405060700010203LL);
	__m128i		 abef, cdgh, t, save0, save1, wk, m[4];
	int		 g;

	t = _mm_loadu_si128((const __m128i *)(const void *)&c->h[0]);
	cdgh = _mm_loadu_si128((const __m128i *)(const void *)&c->h[4]);
	t = _mm_shuffle_epi32(t, 0xB1);			/* b a d c */
	cdgh = _mm_shuffle_epi32(cdgh, 0x1B);		/* h g f e */
	abef = _mm_alignr_epi8(t, cdgh, 8);		/* f e b a */
	cdgh = _mm_blend_epi16(cdgh, t, 0xF0);		/* h g d c */
	for (; nblocks > 0; nblocks--, p += 64) {
		save0 = abef;
		save1 = cdgh;
		for (g = 0; g < 16; g++) {
			__m128i *w = &m[g & 3];

			if (g < 4)
				*w = _mm_shuffle_epi8(_mm_loadu_si128(
				    (const __m128i *)(const void *)(p + 16 * g)),
				    bswap);
			else
				*w = _mm_sha256msg2_epu32(_mm_add_epi32(
				    _mm_sha256msg1_epu32(*w, m[(g + 1) & 3]),
				    _mm_alignr_epi8(m[(g + 3) & 3],
				    m[(g + 2) & 3], 4)), m[(g + 3) & 3]);
			wk = _mm_add_epi32(*w, _mm_loadu_si128(
			    (const __m128i *)(const void *)&K[4 * g]));
			cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
			abef = _mm_sha256rnds2_epu32(abef, cdgh,
			    _mm_shuffle_epi32(wk, 0x0E));
		}
		abef = _mm_add_epi32(abef, save0);
		cdgh = _mm_add_epi32(cdgh, save1);
	}
	t = _mm_shuffle_epi32(abef, 0x1B);		/* a b e f */
	cdgh = _mm_shuffle_epi32(cdgh, 0xB1);		/* g h c d */
	abef = _mm_blend_epi16(t, cdgh, 0xF0);		/* a b c d */
	cdgh = _mm_alignr_epi8(cdgh, t, 8);		/* e f g h */
	_mm_storeu_si128((__m128i *)(void *)&c->h[0], abef);
	_mm_storeu_si128((__m128i *)(void *)&c->h[4], cdgh);
}

static pthread_once_t	 sha_ni_once = PTHREAD_ONCE_INIT;
static int		 sha_ni;

/* Sets sha_ni when the processor has the SHA extensions and the SSSE3
 * and SSE4.1 shuffles they need. CPUID is slow in a virtual machine:
 * asked once per process. */
static void
probe_sha_ni(void)
{
	unsigned int	 a, b, cx, d;

	sha_ni = __get_cpuid(1, &a, &b, &cx, &d) &&
	    (cx & (1u << 9)) != 0 && (cx & (1u << 19)) != 0 &&
	    __get_cpuid_count(7, 0, &a, &b, &cx, &d) &&
	    (b & (1u << 29)) != 0;
}
#endif

/* Compresses nblocks whole blocks at p into the state. */
static void
compress_blocks(struct lsn_sha256 *c, const unsigned char *p, size_t nblocks)
{
#ifdef LSN_SHA_NI
	if (nblocks > 0 && pthread_once(&sha_ni_once, probe_sha_ni) == 0 &&
	    sha_ni) {
		compress_ni(c, p, nblocks);
		return;
	}
#endif
	for (; nblocks > 0; nblocks--, p += 64)
		compress(c, p);
}

void
lsn_sha256_init(struct lsn_sha256 *c)
{
	static const uint32_t h0[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	};

	memcpy(c->h, h0, sizeof(h0));
	c->total = 0;
	c->used = 0;
}

void
lsn_sha256_update(struct lsn_sha256 *c, const void *data, size_t len)
{
	const unsigned char	*p = data;

	c->total += len;
	if (c->used > 0) {
		size_t take = 64 - c->used < len ? 64 - c->used : len;
		memcpy(c->block + c->used, p, take);
		c->used += take;
		p += take;
		len -= take;
		if (c->used < 64)
			return;
		compress_blocks(c, c->block, 1);
		c->used = 0;
	}
	compress_blocks(c, p, len / 64);
	p += len / 64 * 64;
	len %= 64;
	memcpy(c->block, p, len);
	c->used = len;
}

void
lsn_sha256_hex(struct lsn_sha256 *c, char hex[65])
{
	static const char	 digits[] = "0123456789abcdef";
	uint64_t		 bits = c->total * 8;
	unsigned char		 pad = 0x80, zero = 0, len[8];
	int			 i;

	lsn_sha256_update(c, &pad, 1);
	while (c->used != 56)
		lsn_sha256_update(c, &zero, 1);
	for (i = 0; i < 8; i++)
		len[i] = (unsigned char)(bits >> (56 - 8 * i));
	lsn_sha256_update(c, len, 8);
	for (i = 0; i < 32; i++) {
		unsigned char byte = (unsigned char)(c->h[i / 4] >> (24 - 8 * (i % 4)));
		hex[2 * i] = digits[byte >> 4];
		hex[2 * i + 1] = digits[byte & 15];
	}
	hex[64] = '\0';
}

/* SPDX-License-Identifier: MIT */
/*
 * driver.c: runs a fuzz target on files named on the command line, for
 * make check (fuzz/regress.sh) and builds without libFuzzer. The target
 * traps on a finding; sanitizers report the rest.
 *
 * usage: regress-TARGET FILE...
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

int
main(int argc, char *argv[])
{
	FILE	*f;
	uint8_t	*data, *grown;
	size_t	 len, cap, n;
	int	 i;

	for (i = 1; i < argc; i++) {
		if ((f = fopen(argv[i], "rb")) == NULL) {
			perror(argv[i]);
			return 2;
		}
		data = NULL;
		len = cap = 0;
		do {
			if (len == cap) {
				cap = cap != 0 ? cap * 2 : 65536;
				if ((grown = realloc(data, cap)) == NULL) {
					fprintf(stderr, "%s: out of memory\n",
					    argv[i]);
					return 2;
				}
				data = grown;
			}
			n = fread(data + len, 1, cap - len, f);
			len += n;
		} while (n > 0);
		if (ferror(f)) {
			perror(argv[i]);
			return 2;
		}
		fclose(f);
		LLVMFuzzerTestOneInput(data, len);
		free(data);
	}
	return 0;
}

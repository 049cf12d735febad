/* SPDX-License-Identifier: MIT */
/*
 * names.c: lib/tree/names.h against the schemas it was generated from.
 * The schemas are read here by a scanner of its own (not tools/rnc.awk,
 * which made the header): every word after "element" or "attribute" is
 * a name, every string literal but URIs and patterns a value. Checks
 * that the header's names are exactly the schemas', that lsn_name_find
 * finds each and refuses near misses, and that the values of every
 * array are the schemas' strings and back. Reads
 * $top_srcdir/schemas/liaison.rnc and liaison-diff.rnc.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tree/names.h"

#define MAXWORDS 1024
#define MAXLEN 64

/* What the schemas hold: names and values, each once. */
struct set {
	char	 s[MAXWORDS][MAXLEN];
	int	 n;
};

static int	failures, checks;

static void
check(int ok, const char *what, const char *s)
{
	checks++;
	if (!ok) {
		failures++;
		printf("FAIL: %s: \"%s\"\n", what, s);
	}
}

static int
has(const struct set *set, const char *s)
{
	int	i;

	for (i = 0; i < set->n; i++)
		if (strcmp(set->s[i], s) == 0)
			return 1;
	return 0;
}

static void
put(struct set *set, const char *s, size_t len, const char *file)
{
	if (len >= MAXLEN || set->n == MAXWORDS) {
		fprintf(stderr, "names: %s: a word too long, or too many\n",
		    file);
		exit(99);
	}
	memcpy(set->s[set->n], s, len);
	set->s[set->n][len] = '\0';
	if (!has(set, set->s[set->n]))
		set->n++;
}

/* The last three tokens: p1 the latest. */
#define SHIFT(p1, p2, p3, w) do {					\
	memcpy((p3), (p2), MAXLEN);					\
	memcpy((p2), (p1), MAXLEN);					\
	snprintf((p1), MAXLEN, "%s", (w));				\
} while (0)

/* Scans one .rnc: names after element/attribute, values in quotes. */
static void
scan(const char *path, struct set *names, struct set *values)
{
	char		 buf[65536], prev[MAXLEN] = "", prev2[MAXLEN] = "";
	char		 prev3[MAXLEN] = "";
	char		 word[MAXLEN];
	size_t		 len, i, j;
	FILE		*f;

	if ((f = fopen(path, "r")) == NULL) {
		perror(path);
		exit(99);
	}
	len = fread(buf, 1, sizeof(buf) - 1, f);
	if (ferror(f) || len == sizeof(buf) - 1) {
		fprintf(stderr, "names: %s: cannot read it whole\n", path);
		exit(99);
	}
	fclose(f);
	buf[len] = '\0';
	for (i = 0; i < len; ) {
		if (buf[i] == '#') {
			while (i < len && buf[i] != '\n')
				i++;
		} else if (buf[i] == '"') {
			for (j = i + 1; j < len && buf[j] != '"'; j++)
				;
			/* URIs of declarations and pattern parameters are no
			 * values: `default namespace = "..."`, `datatypes xsd
			 * = "..."`, `pattern = "..."`. */
			if (strcmp(prev, "=") != 0 ||
			    (strcmp(prev2, "namespace") != 0 &&
			    strcmp(prev2, "pattern") != 0 &&
			    strcmp(prev3, "datatypes") != 0))
				put(values, buf + i + 1, j - i - 1, path);
			SHIFT(prev, prev2, prev3, "\"");
			i = j + 1;
		} else if (isalpha((unsigned char)buf[i]) || buf[i] == '\\') {
			if (buf[i] == '\\')
				i++;
			for (j = i; j < len && (isalnum((unsigned char)buf[j]) ||
			    strchr("-_.:", buf[j]) != NULL); j++)
				;
			if (strcmp(prev, "element") == 0 ||
			    strcmp(prev, "attribute") == 0)
				put(names, buf + i, j - i, path);
			snprintf(word, sizeof(word), "%.*s", (int)(j - i < 60 ?
			    j - i : 60), buf + i);
			SHIFT(prev, prev2, prev3, word);
			i = j;
		} else if (isspace((unsigned char)buf[i])) {
			i++;
		} else {
			snprintf(word, sizeof(word), "%c", buf[i]);
			SHIFT(prev, prev2, prev3, word);
			i++;
		}
	}
}

/* A near miss of a name must find nothing, unless it is a name. */
static void
miss(const struct set *names, const char *s, size_t len)
{
	char	 copy[MAXLEN];
	int	 want;

	memcpy(copy, s, len);
	copy[len] = '\0';
	want = has(names, copy);
	if (want)
		check(lsn_name_find(s, len) != LSN_N_UNKNOWN &&
		    strcmp(lsn_name_str[lsn_name_find(s, len)], copy) == 0,
		    "near miss that is a name not found", copy);
	else
		check(lsn_name_find(s, len) == LSN_N_UNKNOWN,
		    "near miss found", copy);
}

int
main(void)
{
	static struct set	 names, values, inhdr;
	const char		*top = getenv("top_srcdir");
	char			 path[4096], s[MAXLEN + 2];
	size_t			 len, k;
	int			 i, j;

	if (top == NULL)
		top = ".";
	snprintf(path, sizeof(path), "%s/schemas/liaison.rnc", top);
	scan(path, &names, &values);
	snprintf(path, sizeof(path), "%s/schemas/liaison-diff.rnc", top);
	scan(path, &names, &values);
	if (names.n < 50) {
		fprintf(stderr, "names: only %d names in the schemas\n",
		    names.n);
		return 99;
	}

	/* The header's names: sorted, each once, each in the schemas. */
	check(strcmp(lsn_name_str[LSN_N_UNKNOWN], "") == 0,
	    "LSN_N_UNKNOWN's string", lsn_name_str[0]);
	for (i = 1; i < LSN_NAME_COUNT; i++) {
		check(has(&names, lsn_name_str[i]),
		    "in the header, not in the schemas", lsn_name_str[i]);
		if (i > 1)
			check(strcmp(lsn_name_str[i - 1], lsn_name_str[i]) < 0,
			    "not after the name before it", lsn_name_str[i]);
		put(&inhdr, lsn_name_str[i], strlen(lsn_name_str[i]), "header");
	}
	for (i = 0; i < names.n; i++)
		check(has(&inhdr, names.s[i]), "in the schemas, not in the header",
		    names.s[i]);

	/* Round trips, and near misses. */
	check(lsn_name_find(NULL, 0) == LSN_N_UNKNOWN, "empty name found", "");
	for (i = 1; i < LSN_NAME_COUNT; i++) {
		const char	*n = lsn_name_str[i];

		len = strlen(n);
		check(lsn_name_find(n, len) == (enum lsn_name)i,
		    "no round trip", n);
		/* Not NUL-terminated: found by its length. */
		snprintf(s, sizeof(s), "%sx", n);
		check(lsn_name_find(s, len) == (enum lsn_name)i,
		    "not found without its NUL", n);
		miss(&names, s, len + 1);
		miss(&names, n, len - 1);
		miss(&names, n + 1, len - 1);
		for (k = 0; k < len; k++) {
			memcpy(s, n, len);
			s[k] = (char)(n[k] + 1);
			miss(&names, s, len);
			s[k] = (char)(n[k] - 1);
			miss(&names, s, len);
			s[k] = n[k] == '-' ? '_' : (char)toupper((unsigned char)n[k]);
			miss(&names, s, len);
		}
	}

	/* Values: every array's in the schemas, every schema string in an
	 * array, and the arrays as long as they say. */
	for (i = 0; lsn_enums[i].what != NULL; i++) {
		for (j = 0; lsn_enums[i].values[j] != NULL; j++) {
			check(has(&values, lsn_enums[i].values[j]),
			    "value not in the schemas", lsn_enums[i].values[j]);
			check(lsn_value_find(lsn_enums[i].values,
			    lsn_enums[i].values[j],
			    strlen(lsn_enums[i].values[j])) == j,
			    "value not found at its index",
			    lsn_enums[i].values[j]);
		}
		check((size_t)j == lsn_enums[i].count, "count", lsn_enums[i].what);
		check(j > 0, "no values", lsn_enums[i].what);
		check(lsn_value_find(lsn_enums[i].values, "x", 1) == -1,
		    "\"x\" found among", lsn_enums[i].what);
	}
	for (i = 0; i < values.n; i++) {
		int	found = 0;

		for (j = 0; lsn_enums[j].what != NULL && !found; j++)
			found = lsn_value_find(lsn_enums[j].values, values.s[i],
			    strlen(values.s[i])) >= 0;
		check(found, "schema value in no array", values.s[i]);
	}
	/* The arrays the code is told to use exist and hold what the
	 * schema says. */
	check(strcmp(lsn_values_doc_kind[LSN_DOC_KIND_QUESTION], "question")
	    == 0, "doc-kind", lsn_values_doc_kind[LSN_DOC_KIND_QUESTION]);
	check(LSN_SECTION_ROLE_COUNT == LSN_TOR_ROLE_COUNT +
	    LSN_QUESTION_ROLE_COUNT + LSN_RESOLUTION_ROLE_COUNT, "section roles",
	    "tor + question + resolution");

	printf("%d names, %d values, %d checks, %d failed\n", names.n,
	    values.n, checks, failures);
	return failures > 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * dump-stream.c: prints the paragraph stream a reader makes of a file,
 * one event per line, for the reader tests (test/stream/).
 *
 * usage: dump-stream [-t accept|reject|all] FILE
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "liaison.h"
#include "options.h"
#include "reader/readers.h"

static void
quoted(const char *s, size_t n)
{
	size_t	 i;

	putchar('"');
	for (i = 0; i < n; i++) {
		if (s[i] == '"' || s[i] == '\\')
			printf("\\%c", s[i]);
		else if (s[i] == '\t')
			fputs("\\t", stdout);
		else if (s[i] == '\n')
			fputs("\\n", stdout);
		else
			putchar(s[i]);
	}
	putchar('"');
}

static const char *const event_names[] = {
	"P", "TABLE", "ROW", "CELL", "/CELL", "/ROW", "/TABLE", "NOTE", "/NOTE",
	"FIGURE", "EQUATION"
};

static const char *const mark_names[] = {
	"anchor", "noteref", "link", "ins", "del", "move-from", "move-to",
	"sup", "sub"
};

int
main(int argc, char *argv[])
{
	struct liaison_options	 opts;
	struct lsn_stream	 s;
	struct lsn_core		 core;
	liaison_error		*err = NULL;
	liaison_status		 rc;
	FILE			*f;
	char			*data = NULL;
	size_t			 len = 0, cap = 0, n, i, k;
	int			 c;

	lsn_options_defaults(&opts);
	while ((c = getopt(argc, argv, "t:")) != -1) {
		if (c == 't' && strcmp(optarg, "reject") == 0)
			opts.track_changes = LIAISON_TRACK_REJECT;
		else if (c == 't' && strcmp(optarg, "all") == 0)
			opts.track_changes = LIAISON_TRACK_ALL;
		else if (c != 't' || strcmp(optarg, "accept") != 0) {
			fprintf(stderr, "usage: dump-stream [-t mode] FILE\n");
			return 2;
		}
	}
	if (optind + 1 != argc || (f = fopen(argv[optind], "rb")) == NULL) {
		fprintf(stderr, "usage: dump-stream [-t mode] FILE\n");
		return 2;
	}
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((data = realloc(data, cap)) == NULL)
				return 2;
		}
		n = fread(data + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	fclose(f);
	memset(&s, 0, sizeof(s));
	memset(&core, 0, sizeof(core));
	if (len >= 2 && data[0] == 'P' && data[1] == 'K')
		rc = lsn_read_docx(data, len, argv[optind], &opts, &s, &core, &err);
	else
		rc = lsn_read_text(data, len, argv[optind], &opts, &s, &err);
	free(data);
	if (rc != LIAISON_OK) {
		printf("error %d: %s\n", (int)rc, liaison_error_string(err));
		liaison_error_free(err);
		lsn_stream_free(&s);
		lsn_core_clear(&core);
		return 1;
	}
	for (i = 0; i < s.count; i++) {
		struct lsn_para para, *p = &para;

		lsn_stream_get(&s, i, p);

		fputs(event_names[p->event], stdout);
		if (p->event == LSN_EV_PARA) {
			if (p->label != NULL) {
				printf(" label=");
				quoted(p->label, strlen(p->label));
				if (p->label_auto)
					printf(" auto");
			}
			if (p->style != NULL) {
				printf(" style=");
				quoted(p->style, strlen(p->style));
			}
			if (p->outline > 0)
				printf(" outline=%d", p->outline);
			if (p->ilvl >= 0)
				printf(" ilvl=%d", p->ilvl);
			if (p->num_id > 0)
				printf(" num=%d", p->num_id);
			putchar(' ');
			quoted(p->text, p->len);
			for (k = 0; k < p->nmarks; k++) {
				const struct lsn_mark *m = &p->marks[k];
				printf(" [%s %zu", mark_names[m->type], m->start);
				if (m->end != m->start)
					printf("-%zu", m->end);
				if (m->value != NULL)
					printf(" %s", m->value);
				if (m->date != NULL)
					printf(" %s", m->date);
				putchar(']');
			}
		} else if (p->event == LSN_EV_CELL_START) {
			if (p->colspan > 1)
				printf(" colspan=%d", p->colspan);
			if (p->vmerge_continue)
				printf(" vmerge");
		} else if (p->event == LSN_EV_NOTE_START)
			printf(" %s", p->note_id != NULL ? p->note_id : "");
		putchar('\n');
	}
	if (core.title != NULL)
		printf("core title=%s\n", core.title);
	lsn_stream_free(&s);
	lsn_core_clear(&core);
	return 0;
}

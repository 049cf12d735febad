/* SPDX-License-Identifier: MIT */
/*
 * dump.c: prints the paragraph stream the DOCX reader makes of a file,
 * one event per line, for the golden tests in test/docx/ and for the
 * corpus check. Usage:
 *
 *	dump [-cxH] [-t accept|reject|all] [-L limit=value ...] file.docx
 *
 * -c also prints the core properties; -x prints only the text a reader
 * sees (label, tab, text; one line per paragraph, figure alt text or
 * equation); -H keeps hidden text; -L sets a limit by name
 * (input, entry, total, entries, depth, paragraphs).
 * Exit status: 0, or 1 with the reader's one-line error on stderr.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "liaison.h"
#include "options.h"
#include "reader/readers.h"
#include "reader/stream.h"

static const char *const events[] = {
	"PARA", "TABLE_START", "ROW_START", "CELL_START", "CELL_END",
	"ROW_END", "TABLE_END", "NOTE_START", "NOTE_END", "FIGURE", "EQUATION"
};
static const char *const marks[] = {
	"anchor", "noteref", "link", "ins", "del", "move-from", "move-to",
	"sup", "sub"
};

static void
quoted(const char *s, size_t n)
{
	size_t	 i;

	putchar('"');
	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '\t': fputs("\\t", stdout); break;
		case '\n': fputs("\\n", stdout); break;
		case '"':  fputs("\\\"", stdout); break;
		case '\\': fputs("\\\\", stdout); break;
		default:   putchar(s[i]); break;
		}
	}
	putchar('"');
}

static void
dump(const struct lsn_para *p)
{
	size_t	 i;

	fputs(events[p->event], stdout);
	if (p->event == LSN_EV_CELL_START) {
		if (p->colspan != 1)
			printf(" colspan=%d", p->colspan);
		if (p->rowspan != 1)
			printf(" rowspan=%d", p->rowspan);
		if (p->vmerge_continue)
			fputs(" vmerge", stdout);
	}
	if (p->note_id != NULL)
		printf(" id=%s", p->note_id);
	if (p->event == LSN_EV_TABLE_START && p->len > 0) {
		fputs(" alt=", stdout);
		quoted(p->text, p->len);
	}
	if (p->event != LSN_EV_PARA && p->event != LSN_EV_FIGURE &&
	    p->event != LSN_EV_EQUATION) {
		putchar('\n');
		return;
	}
	if (p->style != NULL) {
		fputs(" style=", stdout);
		quoted(p->style, strlen(p->style));
	}
	if (p->outline > 0)
		printf(" outline=%d", p->outline);
	if (p->label != NULL) {
		fputs(p->label_auto ? " label=" : " typed=", stdout);
		quoted(p->label, strlen(p->label));
	}
	if (p->ilvl >= 0)
		printf(" ilvl=%d", p->ilvl);
	if (p->num_id > 0)
		printf(" num=%d", p->num_id);
	putchar(' ');
	quoted(p->text, p->len);
	putchar('\n');
	for (i = 0; i < p->nmarks; i++) {
		const struct lsn_mark *m = &p->marks[i];

		printf("  %s %zu", marks[m->type], m->start);
		if (m->end != m->start || m->type >= LSN_MARK_LINK)
			printf("-%zu ", m->end);
		else
			putchar(' ');
		quoted(p->text + m->start, m->end >= m->start &&
		    m->end <= p->len ? m->end - m->start : 0);
		if (m->value != NULL) {
			fputs(" value=", stdout);
			quoted(m->value, strlen(m->value));
		}
		if (m->date != NULL)
			printf(" date=%s", m->date);
		if (m->para_mark)
			fputs(" paragraph-mark", stdout);
		putchar('\n');
	}
}

static const struct {
	const char	*name;
	liaison_limit	 which;
} limit_names[] = {
	{ "input", LIAISON_LIMIT_INPUT_BYTES },
	{ "entry", LIAISON_LIMIT_ZIP_ENTRY_BYTES },
	{ "total", LIAISON_LIMIT_ZIP_TOTAL_BYTES },
	{ "entries", LIAISON_LIMIT_ZIP_ENTRIES },
	{ "depth", LIAISON_LIMIT_XML_DEPTH },
	{ "paragraphs", LIAISON_LIMIT_PARAGRAPHS },
	{ "marks", LIAISON_LIMIT_PARAGRAPH_MARKS },
};

int
main(int argc, char *argv[])
{
	struct liaison_options	 opts;
	struct lsn_stream	 s;
	struct lsn_core		 core;
	liaison_error		*err = NULL;
	FILE			*f;
	char			*data = NULL;
	size_t			 len = 0, cap = 0, n, i;
	int			 c, want_core = 0, text_only = 0;

	lsn_options_defaults(&opts);
	while ((c = getopt(argc, argv, "cxHt:L:")) != -1) {
		switch (c) {
		case 'x':
			text_only = 1;
			break;
		case 'c':
			want_core = 1;
			break;
		case 'H':
			opts.keep_hidden = 1;
			break;
		case 't':
			opts.track_changes = strcmp(optarg, "reject") == 0 ?
			    LIAISON_TRACK_REJECT : strcmp(optarg, "all") == 0 ?
			    LIAISON_TRACK_ALL : LIAISON_TRACK_ACCEPT;
			break;
		case 'L':
			for (i = 0; i < sizeof(limit_names) /
			    sizeof(limit_names[0]); i++) {
				n = strlen(limit_names[i].name);
				if (strncmp(optarg, limit_names[i].name, n) == 0 &&
				    optarg[n] == '=')
					opts.limits[limit_names[i].which] =
					    strtoull(optarg + n + 1, NULL, 10);
			}
			break;
		default:
			goto usage;
		}
	}
	if (optind + 1 != argc)
		goto usage;
	if ((f = fopen(argv[optind], "rb")) == NULL) {
		perror(argv[optind]);
		return 1;
	}
	for (;;) {
		if (len == cap) {
			char *p;

			cap = cap ? cap * 2 : 65536;
			if ((p = realloc(data, cap)) == NULL) {
				perror(NULL);
				return 1;
			}
			data = p;
		}
		if ((n = fread(data + len, 1, cap - len, f)) == 0)
			break;
		len += n;
	}
	fclose(f);
	memset(&s, 0, sizeof(s));
	memset(&core, 0, sizeof(core));
	if (lsn_read_docx(data, len, argv[optind], &opts, &s,
	    want_core ? &core : NULL, &err) != LIAISON_OK) {
		fprintf(stderr, "%s\n", liaison_error_string(err));
		liaison_error_free(err);
		lsn_stream_free(&s);
		free(data);
		return 1;
	}
	if (want_core) {
		printf("CORE title=%s creator=%s created=%s modified=%s\n",
		    core.title ? core.title : "-",
		    core.creator ? core.creator : "-",
		    core.created ? core.created : "-",
		    core.modified ? core.modified : "-");
		lsn_core_clear(&core);
	}
	for (i = 0; i < s.count; i++) {
		struct lsn_para para, *p = &para;

		lsn_stream_get(&s, i, p);

		if (!text_only)
			dump(p);
		else if (p->event == LSN_EV_PARA ||
		    p->event == LSN_EV_FIGURE || p->event == LSN_EV_EQUATION)
			printf("%s%s%s\n", p->label ? p->label : "",
			    p->label ? "\t" : "", p->text);
	}
	lsn_stream_free(&s);
	free(data);
	return 0;
usage:
	fprintf(stderr, "usage: dump [-cxH] [-t accept|reject|all] "
	    "[-L limit=value] file.docx\n");
	return 2;
}

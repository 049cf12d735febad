/* SPDX-License-Identifier: MIT */
/*
 * model-floor.c: what building and validating the XML model costs on
 * its own, for `make bench`.
 *
 * Every conversion builds its model as a tree of ours and validates it
 * against liaison.rng before an emitter runs. This program reads a
 * model (`liaison convert -f xml` output), then times, in CPU seconds
 * of this process, building the same tree again through the builder
 * (lsn_tree_from_xml: lsn_el, lsn_text, lsn_attr) and validating it as
 * a conversion does. Reading the input, recognizing and emitting are
 * left out, so the sum is a floor no conversion of that input can go
 * under while the model is such a tree.
 *
 * With a DOCX as well, it first times what any reader of it must do:
 * inflate word/document.xml with libzip and parse it with a libxml2
 * SAX2 push parser that does nothing with what it finds.
 *
 * Usage: model-floor MODEL.xml [DOCX]
 * Prints one line: "tree_s=T validate_s=V" and, with a DOCX, " read_s=R".
 * The heap is prepared as the command prepares it (cli/heap.c).
 *
 * Usage: model-floor -r JOBS DOCX...
 * The floor of a batch (`liaison convert --jobs`): every DOCX inflated
 * and parsed as above, by JOBS processes taking the next file as they
 * are free, as the command's workers do. Prints "files=N read_s=R",
 * R the CPU seconds of all of them; time the whole run from outside
 * for its wall time.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "tree/tree.h"
#include "tree/validate.h"
#include "tree/xml.h"
#include "../cli/heap.h"

static double
cpu_seconds(void)
{
	struct rusage	 ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* Inflates and parses word/document.xml of path; CPU seconds, or -1. */
static double
read_floor(const char *path)
{
	xmlSAXHandler		 sax;
	xmlParserCtxtPtr	 ctxt;
	zip_t			*z;
	zip_file_t		*f;
	char			 chunk[65536];
	zip_int64_t		 got;
	double			 t0, t1;
	int			 bad = 0;

	t0 = cpu_seconds();
	if ((z = zip_open(path, ZIP_RDONLY, NULL)) == NULL)
		return -1;
	if ((f = zip_fopen(z, "word/document.xml", 0)) == NULL) {
		zip_close(z);
		return -1;
	}
	/* SAX2, every callback off: the parser builds nothing */
	memset(&sax, 0, sizeof(sax));
	sax.initialized = XML_SAX2_MAGIC;
	if ((ctxt = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, path)) ==
	    NULL)
		bad = 1;
	else
		xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR |
		    XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
	while (!bad && (got = zip_fread(f, chunk, sizeof(chunk))) > 0)
		bad = xmlParseChunk(ctxt, chunk, (int)got, 0) != 0;
	if (!bad)
		bad = xmlParseChunk(ctxt, NULL, 0, 1) != 0 ||
		    !ctxt->wellFormed;
	t1 = cpu_seconds();
	if (ctxt != NULL)
		xmlFreeParserCtxt(ctxt);
	zip_fclose(f);
	zip_close(z);
	return bad ? -1 : t1 - t0;
}

static int
blank(const xmlChar *s)
{
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	return *s == '\0';
}

/*
 * Takes out the indentation `liaison convert -f xml` added (libxml2
 * indents elements that hold elements and no text): the built model
 * has none. Recursive: parsing stopped at libxml2's depth limit.
 */
static void
strip_indentation(xmlNodePtr n)
{
	xmlNodePtr	 c, next;
	int		 elements = 0, text = 0;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE)
			elements = 1;
		else if (c->type == XML_TEXT_NODE && !blank(c->content))
			text = 1;
	}
	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_ELEMENT_NODE)
			strip_indentation(c);
		else if (elements && !text && c->type == XML_TEXT_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
}

/*
 * model-floor -r JOBS DOCX...: read_floor over every DOCX in JOBS
 * processes sharing a counter of the next file. Returns the exit status.
 */
static int
batch_floor(int jobs, int n, char **docx)
{
	struct rusage	 ru;
	double		 total = 0, t;
	int		*next, j, st, bad = 0;
	pid_t		 pid;

	next = mmap(NULL, sizeof(*next) * 2, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (jobs < 1 || next == MAP_FAILED) {
		fprintf(stderr, "model-floor: -r: bad job count or no memory\n");
		return 2;
	}
	next[0] = next[1] = 0;
	for (j = 0; j < jobs; j++) {
		if ((pid = fork()) == -1) {
			perror("model-floor: fork");
			return 1;
		}
		if (pid == 0) {
			int i;

			while ((i = __atomic_fetch_add(&next[0], 1,
			    __ATOMIC_RELAXED)) < n)
				if (read_floor(docx[i]) < 0) {
					fprintf(stderr, "model-floor: %s: cannot "
					    "read word/document.xml\n", docx[i]);
					__atomic_store_n(&next[1], 1,
					    __ATOMIC_RELAXED);
				}
			_exit(0);
		}
	}
	while (wait(&st) > 0)
		;
	getrusage(RUSAGE_CHILDREN, &ru);
	t = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
	total = t + cpu_seconds();
	bad = next[1];
	printf("files=%d read_s=%.4f\n", n, total);
	return bad ? 1 : 0;
}

int
main(int argc, char **argv)
{
	struct stat		 st;
	liaison_error		*err = NULL;
	xmlDocPtr		 model;
	xmlNodePtr		 from;
	struct lsn_tree		*tree;
	double			 t0, t1, t2, read_s = 0;

	if (argc >= 4 && strcmp(argv[1], "-r") == 0)
		return batch_floor(atoi(argv[2]), argc - 3, argv + 3);
	if (argc != 2 && argc != 3) {
		fprintf(stderr, "usage: model-floor MODEL.xml [DOCX]\n"
		    "       model-floor -r JOBS DOCX...\n");
		return 2;
	}
	if (stat(argv[1], &st) == -1) {
		perror(argv[1]);
		return 1;
	}
	/* The command sizes its heap by its input, some 2.5 times smaller
	 * than the model's XML. */
	heap_prepare((unsigned long long)st.st_size / 2);
	if (argc == 3 && (read_s = read_floor(argv[2])) < 0) {
		fprintf(stderr, "model-floor: %s: cannot read "
		    "word/document.xml\n", argv[2]);
		return 1;
	}
	if ((model = lsn_xml_parse_file(argv[1], ~0ULL, &err)) == NULL) {
		fprintf(stderr, "model-floor: %s\n", liaison_error_string(err));
		return 1;
	}
	from = xmlDocGetRootElement(model);
	strip_indentation(from);
	/* the schema compiled before the clock starts, as in a run over
	 * several inputs */
	if (lsn_xml_validate(model, "liaison.rng", NULL, NULL, &err) !=
	    LIAISON_OK) {
		fprintf(stderr, "model-floor: %s: %s\n", argv[1],
		    liaison_error_string(err));
		return 1;
	}

	t0 = cpu_seconds();
	if ((tree = lsn_tree_from_xml(model)) == NULL) {
		fprintf(stderr, "model-floor: out of memory\n");
		return 1;
	}
	t1 = cpu_seconds();
	if (lsn_tree_validate(tree, "liaison.rng", &err) !=
	    LIAISON_OK) {
		fprintf(stderr, "model-floor: the copy of %s: %s\n", argv[1],
		    liaison_error_string(err));
		return 1;
	}
	t2 = cpu_seconds();
	printf("tree_s=%.4f validate_s=%.4f", t1 - t0, t2 - t1);
	if (argc == 3)
		printf(" read_s=%.4f", read_s);
	printf("\n");
	/* both trees are left to the exit: the clock has stopped */
	return 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * error.c: error objects with a code, a message and a location.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/error.h"

/* Handed out when even the error could not be allocated; never freed. */
static struct liaison_error oom_error = {
	LIAISON_ERR_NOMEM, NULL, NULL, 0, 0, (char *)"out of memory",
	(char *)"out of memory"
};

static char *
dup_or_null(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

/*
 * Makes a message one line: libxml2's messages can hold "\n" (e.g.
 * "Input is not proper UTF-8 ...\nBytes: 0xFF ..."), and an error must
 * stay one line in logs and batch output. Runs of control characters
 * become one space; trailing ones go.
 */
static void
one_line(char *s)
{
	char	*start = s, *out = s;
	int	 space = 0;

	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f) {
			space = 1;
			continue;
		}
		if (space && out != start)
			*out++ = ' ';
		space = 0;
		*out++ = *s;
	}
	*out = '\0';
}

liaison_status
lsn_error_set(liaison_error **err, liaison_status code, const char *file,
    const char *part, unsigned long line, unsigned long column,
    const char *fmt, ...)
{
	struct liaison_error	*e;
	va_list			 ap;
	int			 n;

	if (err == NULL || *err != NULL)
		return code;
	if ((e = calloc(1, sizeof(*e))) == NULL) {
		*err = &oom_error;
		return code;
	}
	e->code = code;
	e->line = line;
	e->column = column;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0 && (e->message = malloc((size_t)n + 1)) != NULL) {
		va_start(ap, fmt);
		vsnprintf(e->message, (size_t)n + 1, fmt, ap);
		va_end(ap);
		one_line(e->message);
	}
	e->file = dup_or_null(file);
	e->part = dup_or_null(part);
	if (e->message == NULL || (file != NULL && e->file == NULL) ||
	    (part != NULL && e->part == NULL)) {
		liaison_error_free(e);
		*err = &oom_error;
		return code;
	}
	*err = e;
	return code;
}

void
lsn_error_set_file(liaison_error *e, const char *file)
{
	if (e == NULL || e == &oom_error || e->file != NULL || file == NULL)
		return;
	e->file = strdup(file);
	free(e->string);
	e->string = NULL;
}

void
lsn_error_recode(liaison_error *e, liaison_status code)
{
	if (e != NULL && e != &oom_error)
		e->code = code;
}

int
lsn_error_in_use(liaison_error **err)
{
	return err != NULL && *err != NULL;
}

liaison_status
lsn_error_give(liaison_error **err, liaison_error *e)
{
	liaison_status	 code = e != NULL ? e->code : LIAISON_OK;

	if (err != NULL && *err == NULL)
		*err = e;
	else
		liaison_error_free(e);
	return code;
}

liaison_status
liaison_error_code(const liaison_error *e)
{
	return e != NULL ? e->code : LIAISON_OK;
}

const char *
liaison_error_message(const liaison_error *e)
{
	return e != NULL && e->message != NULL ? e->message : "";
}

const char *
liaison_error_file(const liaison_error *e)
{
	return e != NULL ? e->file : NULL;
}

const char *
liaison_error_part(const liaison_error *e)
{
	return e != NULL ? e->part : NULL;
}

unsigned long
liaison_error_line(const liaison_error *e)
{
	return e != NULL ? e->line : 0;
}

unsigned long
liaison_error_column(const liaison_error *e)
{
	return e != NULL ? e->column : 0;
}

const char *
liaison_error_string(const liaison_error *ce)
{
	struct liaison_error	*e = (struct liaison_error *)ce;
	struct lsn_buf		 b = LSN_BUF_INIT;
	char			*p;

	if (e == NULL)
		return "";
	if (e->string != NULL)
		return e->string;
	if (e->file != NULL)
		lsn_buf_printf(&b, "%s:", e->file);
	if (e->part != NULL)
		lsn_buf_printf(&b, "%s:", e->part);
	if (e->line > 0)
		lsn_buf_printf(&b, "%lu:", e->line);
	if (e->line > 0 && e->column > 0)
		lsn_buf_printf(&b, "%lu:", e->column);
	if (b.len > 0)
		lsn_buf_putc(&b, ' ');
	lsn_buf_puts(&b, e->message != NULL ? e->message : "error");
	e->string = lsn_buf_detach(&b, NULL);
	/* File and part names come from the input too (zip entry names,
	 * relationship targets): no control character reaches a terminal
	 * or splits the line. */
	for (p = e->string; p != NULL && *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return e->string != NULL ? e->string : liaison_error_message(e);
}

void
liaison_error_free(liaison_error *e)
{
	if (e == NULL || e == &oom_error)
		return;
	free(e->file);
	free(e->part);
	free(e->message);
	free(e->string);
	free(e);
}

/* SPDX-License-Identifier: MIT */
/*
 * error.h: the library's error object (public type liaison_error).
 */
#ifndef LSN_ERROR_H
#define LSN_ERROR_H

#include "liaison.h"

struct liaison_error {
	liaison_status	 code;
	char		*file;     /* input file name, or NULL */
	char		*part;     /* package part, e.g. "word/document.xml" */
	unsigned long	 line;     /* 1-based, 0 unknown */
	unsigned long	 column;   /* 1-based, 0 unknown */
	char		*message;
	char		*string;   /* cached one-line form */
};

/*
 * Stores a new error in *err when err is non-NULL and *err is NULL (the
 * first error wins). file/part may be NULL. Returns code, so callers can
 * write `return lsn_error_set(err, ...)`.
 * When memory runs out, a static out-of-memory error is stored instead.
 */
liaison_status lsn_error_set(liaison_error **err, liaison_status code,
    const char *file, const char *part, unsigned long line,
    unsigned long column, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Sets the file name of an error that has none yet (readers often do
 * not know the name the caller gave). */
void lsn_error_set_file(liaison_error *e, const char *file);

/* Changes the code of error e (NULL, or the static out-of-memory error,
 * are left alone: that one is shared by every failure to allocate). */
void lsn_error_recode(liaison_error *e, liaison_status code);

/*
 * For the public functions: 1 when err is non-NULL and *err is not NULL
 * on entry, which liaison.h forbids (the function then does nothing:
 * that error may be the caller's, or uninitialized memory, so it is
 * neither freed nor overwritten); 0 otherwise.
 */
int lsn_error_in_use(liaison_error **err);

/*
 * Hands error e (NULL: none) to a public function's caller: stored in
 * *err when err is non-NULL, freed otherwise. Returns e's code,
 * LIAISON_OK for NULL: the status is right even when the caller wants
 * no error object.
 */
liaison_status lsn_error_give(liaison_error **err, liaison_error *e);

#endif

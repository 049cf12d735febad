/* SPDX-License-Identifier: MIT */
/*
 * liaison.h: the one public header of libliaison.
 *
 * libliaison reads ITU-T documents (liaison statements, Terms of
 * Reference, Question texts, progress reports) from DOCX or exported
 * plain text, recognizes their structure into an XML model validated
 * against the bundled RELAX NG schema, and writes that model as JSON,
 * XML or Markdown, or compares two models.
 *
 * Conventions:
 * - Every type is opaque and every name starts with liaison_ / LIAISON_.
 * - Functions that can fail return NULL or a non-zero liaison_status and,
 *   when the caller passes a non-NULL `liaison_error **err`, store an
 *   error there that the caller frees with liaison_error_free(). The
 *   status is the same whether err is NULL or not.
 * - `*err` must be NULL on entry (err itself may be NULL). A function
 *   given a non-NULL *err does nothing and returns NULL or
 *   LIAISON_ERR_USAGE, leaving *err as it was: it cannot tell an earlier
 *   error from an uninitialized pointer, so it neither frees nor
 *   overwrites it. Free an error and set the pointer to NULL before
 *   reusing it. On success *err stays NULL.
 * - A NULL where a document, diff, file name, stream or output pointer
 *   is needed, and an unknown format or mode, are refused with
 *   LIAISON_ERR_USAGE (or NULL), never undefined behaviour. Getters and
 *   *_free() functions accept NULL. Setters ignore a NULL object and an
 *   unknown value.
 * - The library never writes to stdout or stderr: libxml2's messages
 *   are caught (with the calling thread's libxml2 error handlers, put
 *   back on return) and become the error's message. Calls in different
 *   threads on different objects are safe.
 * - Who frees what is stated above each function.
 */
#ifndef LIAISON_H
#define LIAISON_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Version of the library as "MAJOR.MINOR.PATCH"; static storage. */
const char *liaison_version(void);

/** Status codes; 0 is success. */
typedef enum liaison_status {
	LIAISON_OK = 0,
	LIAISON_ERR_IO,       /* file could not be read or written */
	LIAISON_ERR_NOMEM,    /* an allocation failed */
	LIAISON_ERR_FORMAT,   /* input is not a document we can read */
	LIAISON_ERR_UTF8,     /* plain-text input is not valid UTF-8 */
	LIAISON_ERR_ZIP,      /* DOCX package is broken */
	LIAISON_ERR_XML,      /* an XML part (or model file) is malformed */
	LIAISON_ERR_LIMIT,    /* a configured size or count limit was hit */
	LIAISON_ERR_SCHEMA,   /* a model failed schema validation */
	LIAISON_ERR_USAGE,    /* invalid argument from the caller */
	LIAISON_ERR_INTERNAL  /* a bug: the library built an invalid model */
} liaison_status;

/* ------------------------------------------------------------------ */
/* Errors                                                              */

typedef struct liaison_error liaison_error;

/** The status code of an error (LIAISON_OK for NULL). */
liaison_status liaison_error_code(const liaison_error *err);
/** The message, without location; owned by err ("" for NULL). */
const char *liaison_error_message(const liaison_error *err);
/** The input file the error is about, or NULL; owned by err. */
const char *liaison_error_file(const liaison_error *err);
/** The part inside a package (e.g. "word/numbering.xml"), or NULL. */
const char *liaison_error_part(const liaison_error *err);
/** 1-based line of the error, or 0 when not known. */
unsigned long liaison_error_line(const liaison_error *err);
/** 1-based column (byte offset in line for text), or 0 when not known. */
unsigned long liaison_error_column(const liaison_error *err);
/**
 * The error as one line, "file:part:line:column: message" with the
 * unknown parts left out. Owned by err; valid until liaison_error_free.
 */
const char *liaison_error_string(const liaison_error *err);
/** Frees an error; NULL is allowed. */
void liaison_error_free(liaison_error *err);

/* ------------------------------------------------------------------ */
/* Options                                                             */

typedef struct liaison_options liaison_options;

/** Input formats. AUTO picks DOCX for a zip signature, else text. */
typedef enum liaison_format {
	LIAISON_FORMAT_AUTO = 0,
	LIAISON_FORMAT_TEXT,
	LIAISON_FORMAT_DOCX
} liaison_format;

/** How tracked changes (w:ins, w:del) in DOCX are read. */
typedef enum liaison_track_changes {
	LIAISON_TRACK_ACCEPT = 0, /* the document as if all were accepted */
	LIAISON_TRACK_REJECT,     /* the document as if all were rejected */
	LIAISON_TRACK_ALL         /* accepted text, with changes recorded */
} liaison_track_changes;

/** The encoding of plain text without a byte order mark (text with one,
 * UTF-8 or UTF-16, is read by it whatever this says). */
typedef enum liaison_encoding {
	LIAISON_ENCODING_UTF8 = 0,     /* the default */
	LIAISON_ENCODING_WINDOWS_1252  /* Word's "Plain Text" default on
	                                  Western Windows */
} liaison_encoding;

/** Limits; each has a default that fits any real document. */
typedef enum liaison_limit {
	LIAISON_LIMIT_INPUT_BYTES = 0,   /* size of the input file */
	LIAISON_LIMIT_ZIP_ENTRY_BYTES,   /* inflated size of one DOCX part */
	LIAISON_LIMIT_ZIP_TOTAL_BYTES,   /* inflated size of all parts read */
	LIAISON_LIMIT_ZIP_ENTRIES,       /* entries in the DOCX package */
	LIAISON_LIMIT_XML_DEPTH,         /* element nesting in any XML part */
	LIAISON_LIMIT_PARAGRAPHS,        /* paragraphs in one document */
	LIAISON_LIMIT_MODEL_DEPTH,       /* element nesting in the model */
	LIAISON_LIMIT_MODEL_BYTES,       /* text and attribute bytes of the
	                                    model, each copy counted */
	LIAISON_LIMIT_PARAGRAPH_MARKS,   /* links, bookmarks, note references
	                                    and changes in one paragraph */
	LIAISON_LIMIT__COUNT
} liaison_limit;

/** New options with the defaults; free with liaison_options_free. */
liaison_options *liaison_options_new(void);
void liaison_options_free(liaison_options *opts);
void liaison_options_set_format(liaison_options *opts, liaison_format f);
void liaison_options_set_track_changes(liaison_options *opts,
    liaison_track_changes mode);
/** Non-zero keep: DOCX text Word hides (w:vanish) is read too. */
void liaison_options_set_hidden_text(liaison_options *opts, int keep);
/** How plain text without a byte order mark is decoded; an unknown
 * value leaves opts as it is. */
void liaison_options_set_encoding(liaison_options *opts,
    liaison_encoding encoding);
/** Sets a limit; 0 restores the default. */
void liaison_options_set_limit(liaison_options *opts, liaison_limit which,
    unsigned long long value);
/** A limit's value: the default for NULL opts, 0 for an unknown limit. */
unsigned long long liaison_options_get_limit(const liaison_options *opts,
    liaison_limit which);
/** A limit's name, as liaison(1)'s --limit and the limit messages give
 * it ("input-bytes"), or NULL for an unknown limit; static storage. */
const char *liaison_limit_name(liaison_limit which);
/**
 * Sets a limit from "NAME=VALUE", as liaison(1)'s --limit takes it: NAME
 * a liaison_limit_name, VALUE a whole number above 0, which for a size
 * (the *-bytes limits) may end in k, M or G (KiB, MiB, GiB). Returns
 * LIAISON_OK, or LIAISON_ERR_USAGE with *err saying what is wrong (with
 * the limits' names when NAME is none of them); opts is unchanged then.
 */
liaison_status liaison_options_parse_limit(liaison_options *opts,
    const char *arg, liaison_error **err);

/* ------------------------------------------------------------------ */
/* Documents                                                           */

typedef struct liaison_doc liaison_doc;

/**
 * Reads, recognizes and validates the document at `path` ("-" is
 * stdin; a pipe or FIFO is read as a file is, held to the same
 * input-bytes limit). opts may be NULL for the defaults. Returns a
 * document the caller frees with liaison_doc_free(), or NULL with *err
 * set (when err is non-NULL).
 */
liaison_doc *liaison_doc_open_file(const char *path,
    const liaison_options *opts, liaison_error **err);

/**
 * The same from memory. `name` is what errors and "source.file" call
 * the input (may be NULL: "-"). The bytes are not kept after return.
 * data may be NULL when len is 0 (an empty input).
 */
liaison_doc *liaison_doc_open_memory(const void *data, size_t len,
    const char *name, const liaison_options *opts, liaison_error **err);

/**
 * Reads an XML model file (as written by LIAISON_EMIT_XML; "-" is
 * stdin), checks it against the schema and returns it as a document;
 * used by diff and validate. Of opts only the input-bytes limit applies
 * (NULL: the default). Caller frees with liaison_doc_free().
 */
liaison_doc *liaison_doc_open_model_opts(const char *path,
    const liaison_options *opts, liaison_error **err);
/** The same with the default options. */
liaison_doc *liaison_doc_open_model(const char *path, liaison_error **err);

/** Frees a document; NULL is allowed. */
void liaison_doc_free(liaison_doc *doc);

/**
 * The model as a libxml2 document (xmlDocPtr), for XPath and the like.
 * Owned by doc: do not free it, and do not modify it.
 */
struct _xmlDoc *liaison_doc_xml(const liaison_doc *doc);

/** "liaison-statement", "terms-of-reference", "question", "report" or "document"; owned by doc. */
const char *liaison_doc_kind(const liaison_doc *doc);

/* ------------------------------------------------------------------ */
/* Emitting                                                            */

typedef enum liaison_emit_format {
	LIAISON_EMIT_JSON = 0,
	LIAISON_EMIT_XML,
	LIAISON_EMIT_MARKDOWN,              /* metadata as a list under the title */
	LIAISON_EMIT_MARKDOWN_FRONT_MATTER, /* metadata as YAML front matter */
	LIAISON_EMIT_JSON_LINE              /* JSON on one line ending in a
	                                       newline (JSON Lines) */
} liaison_emit_format;

/** Writes doc to `out` (not NULL). Returns LIAISON_OK or an error code. */
liaison_status liaison_emit_file(const liaison_doc *doc,
    liaison_emit_format fmt, FILE *out, liaison_error **err);

/**
 * Writes doc to a new NUL-terminated buffer stored in *out (length in
 * *len when len is non-NULL). The caller frees *out with free(). On
 * failure *out is NULL (out itself must not be).
 */
liaison_status liaison_emit_buffer(const liaison_doc *doc,
    liaison_emit_format fmt, char **out, size_t *len, liaison_error **err);

/* ------------------------------------------------------------------ */
/* Diff                                                                */

typedef struct liaison_diff liaison_diff;

/**
 * Compares two documents by content (sections, annexes, ToR, Questions,
 * items) and words. Neither document is kept after return. Returns a
 * diff the caller frees with liaison_diff_free(), or NULL with *err set.
 */
liaison_diff *liaison_diff_new(const liaison_doc *old_doc,
    const liaison_doc *new_doc, liaison_error **err);

/* Flags for liaison_diff_new_opts. */
#define LIAISON_DIFF_NEW_NO_VIEW  (1u << 0)  /* no whole-document view: HTML
                                                lists the changes only */

/**
 * liaison_diff_new with flags (0: the same as liaison_diff_new). The
 * whole new document with its changes in place, which only the HTML
 * output shows, costs a tenth of a diff's memory: a caller that writes
 * no HTML, or HTML without that view, passes LIAISON_DIFF_NEW_NO_VIEW.
 */
liaison_diff *liaison_diff_new_opts(const liaison_doc *old_doc,
    const liaison_doc *new_doc, unsigned int flags, liaison_error **err);

/** Number of changes (0: the documents say the same). */
size_t liaison_diff_count(const liaison_diff *diff);

/** The diff as a libxml2 document (schema liaison-diff.rng); owned by diff. */
struct _xmlDoc *liaison_diff_xml(const liaison_diff *diff);

typedef enum liaison_diff_format {
	LIAISON_DIFF_TEXT = 0,
	LIAISON_DIFF_MARKDOWN,
	LIAISON_DIFF_JSON,
	LIAISON_DIFF_XML,
	LIAISON_DIFF_HTML
} liaison_diff_format;

/* Flags for the diff emitters. */
#define LIAISON_DIFF_COLOR  (1u << 0)  /* text: ANSI colours */

/** Writes the diff to `out`; returns LIAISON_OK or an error code. */
liaison_status liaison_diff_emit_file(const liaison_diff *diff,
    liaison_diff_format fmt, unsigned int flags, FILE *out,
    liaison_error **err);

/** The same into a new buffer the caller frees with free(). */
liaison_status liaison_diff_emit_buffer(const liaison_diff *diff,
    liaison_diff_format fmt, unsigned int flags, char **out, size_t *len,
    liaison_error **err);

/** Frees a diff; NULL is allowed. */
void liaison_diff_free(liaison_diff *diff);

/* ------------------------------------------------------------------ */
/* Schemas                                                             */

/** Bundled schemas, by name: "liaison.rng", "liaison.schema.json",
 * "liaison-diff.rng", "liaison-diff.schema.json". Returns the text
 * (static storage) or NULL for an unknown or NULL name; *len (len may
 * be NULL) gets its length, 0 for NULL. */
const char *liaison_schema_text(const char *name, size_t *len);

/** NULL-terminated list of the names liaison_schema_text knows. */
const char *const *liaison_schema_names(void);

/**
 * Checks the XML model file at `path` ("-" is stdin) against the model
 * schema. Returns LIAISON_OK when valid. On a violation returns
 * LIAISON_ERR_SCHEMA and, when report is non-NULL, calls it once per
 * violation with its line and message. Of opts only the input-bytes
 * limit applies (NULL: the default).
 */
liaison_status liaison_validate_file_opts(const char *path,
    const liaison_options *opts,
    void (*report)(void *ctx, unsigned long line, const char *msg),
    void *ctx, liaison_error **err);
/** The same with the default options. */
liaison_status liaison_validate_file(const char *path,
    void (*report)(void *ctx, unsigned long line, const char *msg),
    void *ctx, liaison_error **err);

#ifdef __cplusplus
}
#endif

#endif /* LIAISON_H */

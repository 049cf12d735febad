/* SPDX-License-Identifier: MIT */
/*
 * docx-int.h: internals shared by the DOCX reader's files.
 *
 * docx-zip.c      the package: zip access with limits, part names
 * docx-xml.c      streaming XML readers over parts, node by node
 * docx-rels.c     relationships, look-ups by id
 * docx-styles.c   styles.xml: names, outline levels, style numbering
 * docx-numbering.c numbering.xml and the list counters Word keeps
 * docx.c          document.xml, footnotes, endnotes, core properties
 */
#ifndef LSN_DOCX_INT_H
#define LSN_DOCX_INT_H

#include <stddef.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>   /* XML_READER_TYPE_* */
#include <zip.h>

#include "liaison.h"
#include "util/buf.h"

struct liaison_options;

/* Namespaces we tell apart (transitional and strict URIs map to one). */
enum lsn_ns {
	LSN_NS_OTHER = 0,
	LSN_NS_W,       /* wordprocessingml main */
	LSN_NS_R,       /* officeDocument relationships (r:id) */
	LSN_NS_MC,      /* markup compatibility */
	LSN_NS_M,       /* office math */
	LSN_NS_PKGREL,  /* package relationships (.rels files) */
	LSN_NS_DC,      /* Dublin Core elements */
	LSN_NS_DCTERMS
};

/* ---- the package ---------------------------------------------------- */

struct lsn_pkg {
	zip_t			*zip;
	zip_source_t		*src;
	const char		*name;    /* input name for errors; not owned */
	liaison_error		**err;
	unsigned long long	 entry_limit;   /* inflated bytes per part */
	unsigned long long	 total_limit;   /* inflated bytes, all parts */
	unsigned long long	 depth_limit;   /* XML element depth */
	unsigned long long	 total_read;    /* inflated bytes so far */
};

/*
 * Opens the zip in memory (the bytes are not copied: data must outlive
 * the package). Checks the input size and entry count limits.
 * Returns LIAISON_OK or an error code with *pkg->err set.
 * Release with lsn_pkg_close.
 */
liaison_status	lsn_pkg_open(struct lsn_pkg *pkg, const void *data,
		    size_t len, const char *name,
		    const struct liaison_options *opts, liaison_error **err);
void		lsn_pkg_close(struct lsn_pkg *pkg);
/* 1 when the package holds the part (names compare without case). */
int		lsn_pkg_has(struct lsn_pkg *pkg, const char *part);
/* The zip index of the part (a leading '/' ignored, names compared
 * without case), or -1 when it is absent. */
zip_int64_t	lsn_pkg_locate(struct lsn_pkg *pkg, const char *part);
/* 1 when a libzip error is a failed allocation, its own or zlib's
 * (Z_MEM_ERROR, -4, behind ZIP_ER_ZLIB). */
int		lsn_zip_nomem(zip_error_t *ze);

/*
 * A streaming XML reader over one part: a SAX2 push parser fed from
 * zip_fread, whose callbacks hand each node to the reader's user as
 * they get it (lsn_xr_run), described as xmlTextReader described it:
 * the nodes, their depths, <x/> with no END_ELEMENT, the pieces of a
 * text joined, white space "significant". Nothing is queued; an
 * attribute value is copied only when asked for. Inflated bytes are
 * counted against the limits while reading, so a zip bomb stops early.
 *
 * The input is pushed the way xmlTextReader pushed it (4 bytes, then
 * 512-byte chunks from 4096-byte reads), so that malformed XML, its
 * line:column and the limits are found at the same places as before.
 *
 * Memory: the reader owns everything it points to; names are interned
 * in the parser's dictionary, a text lives in xr->text while it is
 * handed out, attributes in the parser's input. lsn_xr_close frees it
 * all.
 */
struct lsn_xr;

/*
 * lsn_xr_run's callback, called for each node with xr describing it.
 * Returns 1 to skip an element's subtree (its end included), 0 to go
 * on, -1 to stop (its error set).
 */
typedef int	(*lsn_xr_fn)(void *arg, struct lsn_xr *xr);

struct lsn_xr {
	xmlParserCtxtPtr	 ctxt;
	struct lsn_pkg		*pkg;
	zip_file_t		*zf;
	char			*part;       /* owned */
	unsigned long long	 part_read;
	int			 limit_hit;  /* 0, or which limit stopped us */
	int			 zip_failed;
	char			*xml_msg;    /* first libxml2 error; owned */
	int			 xml_nomem;  /* libxml2 ran out of memory */
	int			 nomem;      /* so did we, in a callback */
	xmlGenericErrorFunc	 saved_generic;  /* restored at close */
	void			*saved_generic_ctx;
	int			 generic_set;
	unsigned long		 xml_line, xml_col;
	const xmlChar		*ns_cache[8];  /* interned URI -> kind */
	enum lsn_ns		 ns_kind[8];
	int			 ns_used;
	/* input: in[in_cur..in_len) inflated but not yet pushed */
	char			*in;
	size_t			 in_len, in_cur;
	int			 eof;        /* the part is all read */
	int			 done;       /* the parser was told so */
	int			 failed;     /* no more nodes: an error */
	int			 dtd;        /* a DTD stopped the parser */
	unsigned long		 dtd_line, dtd_col;
	int			 pdepth;     /* elements open now */
	int			 self_closed; /* next end is of a <x/> */
	void			*ids;        /* xmlHashTable: xml:id */
	/* the callback, its argument, and where it is */
	lsn_xr_fn		 run;
	void			*run_arg;
	int			 run_stopped; /* a node failed: error set */
	int			 run_skip;   /* depth skipped up to, or -1 */
	int			 run_text;   /* text pending: its node type */
	int			 run_blank;  /* it is all white space */
	char			*text;       /* the text pending */
	size_t			 text_len, text_cap;
	/* the current node */
	int			 depth;      /* depth of the current node */
	int			 type;       /* xmlReaderTypes of the node */
	int			 empty;      /* current element is <x/> */
	enum lsn_ns		 ns;         /* namespace of the current node */
	const char		*local;      /* local name of the current node */
	const xmlChar		*uri;        /* its namespace URI, or NULL */
	const xmlChar		**att;       /* an element's SAX2 attributes */
	int			 natt;
};

/*
 * Opens a reader over `part`. Returns 1 when opened, 0 when the part is
 * absent (nothing set), -1 on error (*pkg->err set).
 */
int		lsn_xr_open(struct lsn_xr *xr, struct lsn_pkg *pkg,
		    const char *part);
/*
 * Reads the whole part, calling fn(arg, xr) from the parser's callbacks
 * for each node, in document order; fields of xr describe it. Returns 0
 * at the end of the part, -1 when fn stopped it or on an error (*pkg->err
 * set: malformed XML with line:column, a limit, a DTD; our own errors,
 * xml-depth and an entity reference, name the line:column of the node).
 */
int		lsn_xr_run(struct lsn_xr *xr, lsn_xr_fn fn, void *arg);
void		lsn_xr_close(struct lsn_xr *xr);
/* The text of the current text, CDATA or white space node (valid while
 * it is handed out), or NULL; *len (when not NULL) its length. */
const char	*lsn_xr_value(const struct lsn_xr *xr, size_t *len);
/* Attribute `local` of the current element, in the element's own
 * namespace or none; NULL when absent. Caller frees with xmlFree. */
char		*lsn_xr_attr(struct lsn_xr *xr, const char *local);
/* Attribute in a given namespace kind (e.g. r:id). Caller frees with xmlFree. */
char		*lsn_xr_attr_ns(struct lsn_xr *xr, enum lsn_ns ns,
		    const char *local);
/* w:val style on/off attributes ("true", "1", "on" or absent: on). */
int		lsn_xr_onoff(struct lsn_xr *xr, const char *local);
/* The integer attribute value s, or dflt when it is missing, not a
 * whole number, or out of the range any part of a package uses. */
int		lsn_docx_int(const char *s, int dflt);
/* Sets an error about the current position of xr. Returns code. */
liaison_status	lsn_xr_error(struct lsn_xr *xr, liaison_status code,
		    const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));

/* ---- look-ups by id --------------------------------------------------- */

/*
 * An index of the ids of n items, sorted by id then by position, so that
 * a look-up costs log n and equal ids find the first item, as Word
 * does. The ids are not copied: they must outlive the index.
 */
struct lsn_key {
	const char	*id;
	size_t		 index;
};

/* Sorts keys[0..n) (filled by the caller) by id, then index. */
void		 lsn_keys_sort(struct lsn_key *keys, size_t n);
/* The index of the first item whose id is id, or (size_t)-1. */
size_t		 lsn_keys_find(const struct lsn_key *keys, size_t n,
		    const char *id);

/* ---- relationships -------------------------------------------------- */

struct lsn_rel {
	char	*id;
	char	*type;      /* full type URI */
	char	*target;    /* resolved part name, or the URL when external */
	int	 external;
};

struct lsn_rels {
	struct lsn_rel	*items;
	size_t		 count;
	struct lsn_key	*by_id;  /* ids sorted, or NULL: scan */
};

/*
 * Reads the relationships of `source` ("" for the package, else a part
 * name like "word/document.xml"). A missing .rels part is no error.
 * Returns 0, or -1 with *pkg->err set. Free with lsn_rels_free.
 */
int		 lsn_rels_read(struct lsn_pkg *pkg, const char *source,
		    struct lsn_rels *rels);
void		 lsn_rels_free(struct lsn_rels *rels);
/* The first relationship whose type ends in "/" + suffix, or NULL. */
const struct lsn_rel *lsn_rels_by_type(const struct lsn_rels *rels,
		    const char *suffix);
const struct lsn_rel *lsn_rels_by_id(const struct lsn_rels *rels,
		    const char *id);

/* ---- styles --------------------------------------------------------- */

struct lsn_style {
	char	*id;
	char	*name;        /* w:name, or the id when it has none */
	char	*based_on;    /* style id or NULL */
	int	 is_para;     /* w:type="paragraph" (or no type) */
	int	 outline_lvl; /* own w:outlineLvl 0-9, -1 none */
	int	 num_id;      /* own w:numPr/w:numId, -1 none */
	int	 ilvl;        /* own w:numPr/w:ilvl, -1 none */
	int	 is_default;
	int	 valign;      /* own rPr/vertAlign: an LSN_VALIGN_*, -1 none */
	int	 vanish;      /* own rPr/vanish: 0 or 1, -1 none */
	/* resolved through basedOn by lsn_styles_resolve: */
	int	 r_outline;   /* 1-9, 0 none */
	int	 r_num_id;    /* -1 none, 0 explicit "no numbering" */
	int	 r_ilvl;      /* -1 none */
	int	 r_valign;    /* -1 none */
	int	 r_vanish;    /* -1 none */
};

/* w:vertAlign values we tell apart (others are baseline). */
enum { LSN_VALIGN_BASELINE = 0, LSN_VALIGN_SUPER, LSN_VALIGN_SUB };

struct lsn_styles {
	struct lsn_style	*items;
	size_t			 count;
	size_t			 default_para;  /* index, or (size_t)-1 */
	struct lsn_key		*by_id;  /* sorted ids, or NULL: scan */
};

/* The value of the current w:vertAlign element: an LSN_VALIGN_*. */
int		 lsn_docx_valign(struct lsn_xr *xr);
/*
 * The longest style name or id kept, in bytes. Word allows 253
 * characters (up to 4 bytes each in UTF-8); a longer one is no name a
 * rule looks for, and every paragraph of the style would carry it
 * through each pass that reads styles. Longer ones count as none.
 */
#define LSN_DOCX_STYLE_NAME_MAX	1024

/* Reads styles.xml (part may be NULL: no styles). 0 or -1 with error. */
int		 lsn_styles_read(struct lsn_pkg *pkg, const char *part,
		    struct lsn_styles *st);
const struct lsn_style *lsn_styles_find(const struct lsn_styles *st,
		    const char *id);
void		 lsn_styles_free(struct lsn_styles *st);

/* ---- numbering ------------------------------------------------------ */

#define LSN_NUM_LEVELS 9

struct lsn_lvl {
	int	 defined;
	int	 start;
	char	*fmt;        /* numFmt value; NULL = decimal */
	char	*text;       /* lvlText; NULL = none */
	char	*font;       /* rFonts of the level (bullet glyph font) */
	char	*pstyle;     /* style linked to this level */
	int	 restart;    /* lvlRestart, -1 absent */
	int	 legal;      /* isLgl */
};

struct lsn_abstract {
	int		 id;
	char		*style_link;  /* numStyleLink: defined elsewhere */
	struct lsn_lvl	 lvl[LSN_NUM_LEVELS];
	/* counters shared by every w:num using this definition */
	int		 count[LSN_NUM_LEVELS];
	int		 started[LSN_NUM_LEVELS];
};

struct lsn_num {
	int		 id;
	int		 abstract_id;
	int		 start_override[LSN_NUM_LEVELS]; /* -1 none */
	int		 override_used[LSN_NUM_LEVELS];
	struct lsn_lvl	 lvl[LSN_NUM_LEVELS];  /* lvlOverride/w:lvl */
};

struct lsn_int_key {
	int		 id;
	size_t		 index;
};

struct lsn_numbering {
	struct lsn_abstract	*abs;
	size_t			 nabs;
	struct lsn_num		*nums;
	size_t			 nnums;
	/* abs and nums by id then position (see lsn_key), or NULL */
	struct lsn_int_key	*abs_by_id, *nums_by_id;
};

/* Reads numbering.xml (part may be NULL). 0 or -1 with error. */
int	 lsn_numbering_read(struct lsn_pkg *pkg, const char *part,
	    struct lsn_numbering *nb);
void	 lsn_numbering_free(struct lsn_numbering *nb);
/*
 * Advances the counters for a paragraph of list num_id at level ilvl
 * and writes the label a reader of the document sees into *label (a new
 * string the caller frees; NULL when the level shows nothing), and the
 * level's counter into *value (-1 for bullets and levels without a
 * number). styles resolve numbering style links. Returns 0, 1 when the
 * numId is not defined (no label, nothing counted), -1 when memory ran
 * out.
 */
int	 lsn_numbering_label(struct lsn_numbering *nb,
	    const struct lsn_styles *st, int num_id, int ilvl, char **label,
	    int *value);
/*
 * Appends counter n written in Word number format fmt (w:numFmt; NULL is
 * decimal) to b: see docx-numfmt.c for the formats done and those that
 * fall back to decimal. "bullet" and "none" write nothing. 0 or -1.
 */
int	 lsn_numfmt_put(struct lsn_buf *b, const char *fmt, int n);
/* The level linked to style id `style` in list num_id, or -1. */
int	 lsn_numbering_style_level(const struct lsn_numbering *nb,
	    int num_id, const char *style);

/* ---- maths (docx-math.c) -------------------------------------------- */

/*
 * Office Math as linear text. Between lsn_math_new and lsn_math_free
 * (which frees everything), the reader reports every m: element of one
 * m:oMath, the outermost first: lsn_math_start with the element's name
 * and m:val (or NULL), the text of m:t, lsn_math_end at its end. The
 * end of the m:oMath returns its linear form (the caller frees it);
 * other ends return NULL. lsn_math_failed says memory ran out.
 */
struct lsn_math;
struct lsn_math	*lsn_math_new(void);
void		 lsn_math_free(struct lsn_math *m);
void		 lsn_math_start(struct lsn_math *m, const char *local,
		    const char *val);
void		 lsn_math_text(struct lsn_math *m, const char *s, size_t n);
char		*lsn_math_end(struct lsn_math *m);
int		 lsn_math_failed(const struct lsn_math *m);

/* ---- text helpers (docx-text.c) ------------------------------------ */

/*
 * The Unicode text of a character in a symbol font (w:sym, bullets):
 * Symbol, Wingdings and private-use code points U+F0xx. Returns a static
 * UTF-8 string, or NULL when the glyph is not known.
 */
const char	*lsn_symbol_glyph(const char *font, unsigned int code);
/*
 * Appends s[0..n) to out in Unicode superscript (super) or subscript
 * characters. Returns 1 when every character has one, 0 when one has
 * none (out then holds a part: the caller resets it), -1 without memory.
 */
int		 lsn_script_text(int super, const char *s, size_t n,
		    struct lsn_buf *out);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * tuning.h: every threshold of the recognizer, named, with why.
 *
 * These are guesses tuned on ITU-T documents (samples/, test/cases/, the
 * shared corpus); a change here changes outputs, so run
 * tools/compare-outputs.sh and read what moved. Where one idea has two
 * values (a title's words, a ToR title's bytes), both are named and the
 * comment says why they differ.
 */
#ifndef LSN_RECOGNIZE_TUNING_H
#define LSN_RECOGNIZE_TUNING_H

/* ------------------------------------------------------------------ */
/* "Title-like": at most so many words (lsn_title_like), by who asks.  */
/* The less else vouches for a line, the shorter it must be.           */

/* An unnumbered heading: an isolated short line, nothing but its
 * shortness and place vouch for it, so only very short lines. */
#define LSN_TITLE_WORDS_UNNUMBERED	10
/* A numbered line ending a cover field's value: cover labels' values
 * run on, a short numbered title after them starts the text. */
#define LSN_TITLE_WORDS_COVER_END	12
/* A numbered heading (typed "1 Scope" or a label): the number that
 * fits the sequence vouches, so a clause title may be longer. */
#define LSN_TITLE_WORDS_NUMBERED	15
/* The words after "Annex A" with no dash or colon between ("Annex A
 * Draft Terms of Reference", a tab in the export): longer than a
 * heading, annex titles are, but "Annex A contains ..." is a sentence. */
#define LSN_TITLE_WORDS_ANNEX		25
/* The line that continues "Question 10/17": Question titles are the
 * longest titles ITU-T writes, and "Question" already vouches. */
#define LSN_TITLE_WORDS_CONTINUED	30
/* A title-like line is at most this many bytes, whatever its words. */
#define LSN_TITLE_BYTES			200
/* The clause number right after the last one vouches for a title up
 * to so many words ("6.2.5 Cause value (only applicable in the context
 * of ...)"), a list item being rarely numbered so. */
#define LSN_TITLE_WORDS_LONG		30
/* A numbered line that is no short title is a heading when its first
 * subclause is the next numbered line within so many lines. */
#define LSN_CHILD_LOOKAHEAD		8
/* A first subclause numbered above LSN_SUBHEADING_FIRST_MAX is a
 * heading when its next sibling is among the next so many numbered
 * lines. */
#define LSN_RUN_LOOKAHEAD		8

/* ------------------------------------------------------------------ */
/* Structure: annexes and headings (structure.c)                       */

/* A line longer than this is a paragraph, never an "Annex A" line. */
#define LSN_ANNEX_LINE_BYTES		400
/* "Annex A" alone: the next line is its title when it has at most so
 * many words (counted, not title-like: annex titles may end in '.'). */
#define LSN_ANNEX_TITLE_WORDS		40
/* An annex's title broken over lines in a text export spans fewer. */
#define LSN_ANNEX_TITLE_LINES		4
/* A parenthesis closing an annex's heading line is its note ("(This
 * annex forms an integral part of this Recommendation.)") from so many
 * words; "(normative)" or "(FG-Test)" is the title's. */
#define LSN_ANNEX_NOTE_WORDS		5
/* A note wrapped by a text export spans at most so many lines. */
#define LSN_ANNEX_NOTE_LINES		4
/* "(JCA-IdM)": a one-token parenthetical continuing a title is shorter
 * than this; longer ones are notes. */
#define LSN_ACRONYM_BYTES		40
/* A line opening a Resolution's part ("instructs the Director of the
 * Telecommunication Standardization Bureau") has at most so many words. */
#define LSN_ROLE_LINE_WORDS		12
/* A typed heading number ("3.1.2 ") is looked for in so many bytes. */
#define LSN_TYPED_NUMBER_BYTES		40
/* A heading number may skip a few (a clause deleted in a revision):
 * 2, 3 or 4 may follow 1; more is a list item or a reference. */
#define LSN_HEADING_STEP		3
/* The first top-level heading number: 0 to 9 (documents start at 1,
 * some at 0; "14 days" is no heading). */
#define LSN_HEADING_FIRST_MAX		9
/* The first number of a new level (3.0, 3.1, ...): 0 to 3. */
#define LSN_SUBHEADING_FIRST_MAX	3

/* ------------------------------------------------------------------ */
/* Kinds (kinds/)                                                      */

/* A ToR's title is at most so many bytes. The first-line claim takes
 * only shorter lines (< ), the build on a given title this long too
 * (<=): one byte apart since the two checks were written, kept so that
 * outputs stay as they were. */
#define LSN_TOR_TITLE_BYTES		400
/* "(JCA-IdM)" at the end of a ToR title: a group acronym is shorter. */
#define LSN_TOR_ACRONYM_BYTES		32
/* An address is a mailing list when "mailing list" is in the so many
 * bytes before it ... */
#define LSN_TOR_LIST_CONTEXT		60
/* ... or "reflector" in these fewer (a shorter word, said closer). */
#define LSN_TOR_REFLECTOR_CONTEXT	30

/* ------------------------------------------------------------------ */
/* Title page (titlepage.c)                                            */

/* The front is read as at most so many paragraphs: the title page, the
 * series list and the summary come before the first clause, a long TOC
 * is used by then; a text with no clause stops here. */
#define LSN_TITLEPAGE_PIECES		5000
/* A pandoc grid table has at most so many columns read; the title
 * page's has five. */
#define LSN_TITLEPAGE_GRID_COLUMNS	16
/* A History row's words from "ITU-T A.1" to its approval date, at most
 * ("ITU-T O.174 (2009) Cor. 1 2010-07-29"). */
#define LSN_TITLEPAGE_ROW_WORDS		6
/* A text export's line was cut by a wrapping exporter when the next
 * word would have made it longer than WRAP_MIN characters (pandoc wraps
 * at 72) and it is at most WRAP_MAX long (others wrap near 80; a longer
 * line is a paragraph of its own, as LibreOffice writes them). */
#define LSN_TITLEPAGE_WRAP_MIN		72
#define LSN_TITLEPAGE_WRAP_MAX		80
/* A Recommendation's title is at most so many bytes (the longest ITU
 * titles run to some 250); longer is text. */
#define LSN_TITLEPAGE_TITLE_BYTES	400

/* ------------------------------------------------------------------ */
/* Cover sheet (cover.c)                                               */

/* The cover is looked for in the first so many lines only. */
#define LSN_COVER_LINES			200
/* A paragraph of more words than this ends the cover: it is text. */
#define LSN_COVER_END_WORDS		12
/* Labels glued to the values before them ("Source:SG17Title:LS on
 * ...", a cover table whose cells an exporter joined) are looked for in
 * so many bytes of a line: a cover row is far shorter. */
#define LSN_COVER_GLUED_BYTES		1024
/* ... and a line is cut at so many of them at most. */
#define LSN_COVER_GLUED_LABELS		32
/* An ITU document number ("SG17-LS123") is 4 to 40 bytes. */
#define LSN_DOCNUM_MIN_BYTES		4
#define LSN_DOCNUM_MAX_BYTES		40
/* A line of a contact's name, organization or country has at most so
 * many words; a longer one is text after the cover. */
#define LSN_CONTACT_PIECE_WORDS		10
/* ... and one ending in a full stop at most so many ("Example S.A."):
 * longer, it is a sentence. */
#define LSN_CONTACT_DOT_WORDS		3
/* A table of contacts in a text export: a contact is at most so many
 * runs of lines (its role, name and address, Tel and E-mail, ...). */
#define LSN_CONTACT_GROUPS		4
/* A text export writes a cell's lines one under the other: a field's
 * value may go on over so many lines when a label follows them. */
#define LSN_COVER_VALUE_LINES		4

/* ------------------------------------------------------------------ */
/* Blocks (blocks.c)                                                   */

/* A caption is a line of at most so many bytes. */
#define LSN_CAPTION_BYTES		600
/* Items "1." then "7." are glued items to split when the gap is below
 * this; a larger jump is a number in the text. */
#define LSN_GLUED_GAP			50

/* ------------------------------------------------------------------ */
/* Tables of contents (toc.c)                                          */

/* Entries in a run without a title before it is taken as a TOC: fewer
 * is as likely a list of numbered lines ending in a number. */
#define LSN_TOC_UNTITLED_MIN		3
/* "Table of contents", "CONTENTS", ...: a TOC title is this short. */
#define LSN_TOC_TITLE_BYTES		40
/* The page column's header ("Page", "Стр."): one word this short. */
#define LSN_TOC_PAGE_HEADER_BYTES	16
/* A TOC field is looked for in tables nested so deep: a layout table
 * holds it, never a deep nest. */
#define LSN_TOC_TABLE_DEPTH		2
/* An entry without a number has at least so many words. */
#define LSN_TOC_ENTRY_MIN_WORDS		2
/* Text without heading numbers (pandoc's plain text drops Word's) takes
 * its clauses from the TOC when at least so many numbered entries are
 * found as lines of their own, in the TOC's order. */
#define LSN_TOC_GUIDED_MIN		2
/* A TOC decides which numbered lines of text are headings, at the
 * depths it lists, when at least so many of its numbered entries (and
 * half of them) are found as lines with their titles: fewer can be a
 * list that happens to match. */
#define LSN_TOC_AGREE_MIN		3
/* A line of entries joined by an exporter ("1<TAB>Scope<TAB>1 2<TAB>
 * Introduction<TAB>1 ...") is split when it holds at least so many:
 * one page followed by a word is as likely a title's own number. */
#define LSN_TOC_JOINED_MIN		3

/* ------------------------------------------------------------------ */
/* Inline content and entities                                         */

/* A point mark (bookmark) just before a cut heading number belongs to
 * the heading when the cut is shorter than this. */
#define LSN_ANCHOR_BEFORE_CUT		16
/* The cover's Question row ("10/17") is shorter than this; longer is
 * prose, read with the rest. */
#define LSN_COVER_QUESTION_BYTES	30
/* Years outside this range are numbers, not dates (dates.c). */
#define LSN_YEAR_MIN			1900
#define LSN_YEAR_MAX			2200
/* Bare Question numbers waiting for the Study Group of a later one
 * ("Q4, 5, 12/13"); a longer run of numbers is no list of Questions. */
#define LSN_QUESTIONS_PENDING_MAX	16

#endif

/* SPDX-License-Identifier: MIT */
/*
 * questions.h: lists of ITU Questions as ITU writes them (questions.c),
 * in running text and in a cover's Question(s) row. Numbers before one
 * with its Study Group share it: "Q4, 5, 12/13" is 4/13, 5/13, 12/13.
 */
#ifndef LSN_QUESTIONS_H
#define LSN_QUESTIONS_H

#include <stddef.h>

struct lsn_buf;

/*
 * Called once per Question found: its number (len bytes, digits) and
 * its Study Group as written ("13", "ITU-R SG11"; NUL-terminated).
 * Both live only during the call.
 */
typedef void	lsn_question_fn(void *arg, const char *number, size_t len,
		    const char *group);

/*
 * When t[i..n) opens a list of Questions ("Q10/17", "Q.9/17",
 * "Question 7/17", "Questions 1, 2 and 5/17", "Q4, 5, 12/13",
 * "Q8/ITU-R SG11", "Cuestiones 4 y 5/13", "Вопросы 1 и 2/15",
 * "المسألة 4/13", "课题4/13"), calls take for each Question that has
 * its Study Group and returns the index after the last one; else
 * returns i. A number with no group after it ("Q7") is none.
 * Allocates nothing.
 */
size_t	lsn_question_list_at(const char *t, size_t n, size_t i,
	    lsn_question_fn *take, void *arg);

/*
 * Splits a cover's Question(s) value s (n bytes) into values appended
 * to b, each followed by a NUL: "Q4, 5 and 12/13" gives "4/13", "5/13",
 * "12/13"; "45/15, 3/4, 8/ITU-R SG11" and "Q.9/17" give "45/15", "3/4",
 * "8/ITU-R SG11" and "9/17" (the opening "Q", "Q.", "Question(s)" and
 * their translations are left out); what is no Question stays as
 * written ("All"). Values are cut at ',', ';', "and" and its French,
 * Spanish and Russian forms, '&' and '、'. b's memory is the caller's
 * (lsn_buf_free); on allocation failure b->oom is set.
 */
void	lsn_split_questions(struct lsn_buf *b, const char *s, size_t n);

#endif

/*
 * docx.c: the DOCX reader (being built; see docx.am).
 */
#include "config.h"

#include <stdlib.h>

#include "options.h"
#include "reader/readers.h"
#include "util/error.h"

void
lsn_core_clear(struct lsn_core *core)
{
	if (core == NULL)
		return;
	free(core->title);
	free(core->creator);
	free(core->created);
	free(core->modified);
	core->title = core->creator = core->created = core->modified = NULL;
}

liaison_status
lsn_read_docx(const void *data, size_t len, const char *name,
    const struct liaison_options *opts, struct lsn_stream *out,
    struct lsn_core *core, liaison_error **err)
{
	(void)data; (void)len; (void)opts; (void)out; (void)core;
	return lsn_error_set(err, LIAISON_ERR_FORMAT, name, NULL, 0, 0,
	    "DOCX input is not supported yet");
}

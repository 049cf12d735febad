/* SPDX-License-Identifier: MIT */
/*
 * xml.c: the XML emitter: the model itself, indented where that adds
 * no white space to text (libxml2 leaves mixed content alone).
 */
#include "config.h"

#include <libxml/xmlsave.h>

#include "emit/emit.h"
#include "model/model.h"
#include "util/error.h"

static int
write_out(void *ctx, const char *buf, int len)
{
	struct lsn_out	*o = ctx;

	lsn_out_put(o, buf, (size_t)len);
	return o->error ? -1 : len;
}

int
lsn_emit_xml(xmlDocPtr model, struct lsn_out *o, liaison_error **err)
{
	xmlSaveCtxtPtr		 save;
	xmlStructuredErrorFunc	 saved = xmlStructuredError;
	void			*saved_ctx = xmlStructuredErrorContext;
	long			 rc;
	int			 closed;

	save = xmlSaveToIO(write_out, NULL, o, "UTF-8", XML_SAVE_FORMAT);
	if (save == NULL) {
		lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
		    "out of memory");
		return -1;
	}
	/* libxml2 reports a failed write on stderr as well: ours says it */
	xmlSetStructuredErrorFunc(NULL, lsn_xml_ignore_error);
	rc = xmlSaveDoc(save, model);
	closed = xmlSaveClose(save);
	xmlSetStructuredErrorFunc(saved_ctx, saved);
	if (o->error)
		return lsn_out_fail(o, "XML", err);
	if (closed < 0 || rc < 0) {
		/* the sink took every byte: libxml2's own allocation failed */
		lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
		    "out of memory while writing XML");
		return -1;
	}
	return 0;
}

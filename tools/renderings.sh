#!/bin/sh
# SPDX-License-Identifier: MIT
# renderings.sh OUTDIR NAME=DOCX... : one document, many renderings.
# Writes, for each DOCX given as NAME=PATH, every rendering this machine
# can make of it, as OUTDIR/RENDERING/NAME.EXT:
#   docx/NAME.docx         the DOCX as is (a copy)
#   lo-docx/NAME.docx      LibreOffice re-saving it as DOCX
#   lo-text/NAME.txt       LibreOffice's text export (UTF-8, with BOM)
#   plain/NAME.txt         pandoc -t plain
#   export-text/NAME.txt   the seeds' exporter (tools/export-text.py)
#   docx2txt/NAME.txt      docx2txt, when it is installed (Debian's
#                          docx2txt: a Perl script many pipelines use)
# LibreOffice runs once per output format over all files (its start-up
# is most of the cost of one conversion), with a profile of its own in
# OUTDIR so that it neither meets a running LibreOffice nor writes
# into $HOME. Needs soffice and pandoc; exits 77 (skip) without them.
set -u
[ $# -ge 1 ] || { echo "usage: renderings.sh OUTDIR NAME=DOCX..." >&2; exit 2; }
out=$1
shift
: "${PYTHON3:=/usr/bin/python3}"
: "${SOFFICE:=soffice}"
here=$(cd "$(dirname "$0")" && pwd)
for tool in "$SOFFICE" pandoc; do
	command -v "$tool" > /dev/null ||
		{ echo "renderings.sh: $tool is not installed"; exit 77; }
done
mkdir -p "$out/docx" "$out/lo-docx" "$out/lo-text" "$out/plain" \
	"$out/export-text" || exit 99
d2t=
if command -v docx2txt > /dev/null; then
	d2t=docx2txt
	mkdir -p "$out/docx2txt" || exit 99
else
	echo "renderings.sh: docx2txt is not installed; no docx2txt rendering"
fi
status=0
for arg in "$@"; do
	name=${arg%%=*}
	src=${arg#*=}
	cp "$src" "$out/docx/$name.docx" || exit 99
	if ! pandoc -t plain "$src" -o "$out/plain/$name.txt" 2> "$out/err"; then
		echo "renderings.sh: $name: pandoc failed: $(head -1 "$out/err")" >&2
		status=1
	fi
	if ! "$PYTHON3" "$here/export-text.py" "$src" "$out/export-text/$name.txt"; then
		status=1
	fi
	if [ -n "$d2t" ] && ! "$d2t" "$src" "$out/docx2txt/$name.txt" \
	    > "$out/err" 2>&1; then
		echo "renderings.sh: $name: docx2txt failed: $(head -1 "$out/err")" >&2
		status=1
	fi
done
# LibreOffice names its output after the input: one directory per
# format.
profile="file://$(cd "$out" && pwd)/lo-profile"
for fmt in "docx:lo-docx" "txt:Text (encoded):UTF8:lo-text"; do
	dir=${fmt##*:}
	filter=${fmt%:*}
	if ! "$SOFFICE" "-env:UserInstallation=$profile" --headless \
		--convert-to "$filter" --outdir "$out/$dir" "$out"/docx/*.docx \
		> "$out/lo.log" 2>&1; then
		echo "renderings.sh: soffice failed: $(tail -1 "$out/lo.log")" >&2
		status=1
	fi
done
for f in "$out"/docx/*.docx; do
	name=$(basename "$f" .docx)
	for r in lo-docx/$name.docx lo-text/$name.txt; do
		[ -s "$out/$r" ] || {
			echo "renderings.sh: LibreOffice wrote no $r" >&2
			status=1
		}
	done
done
exit $status

#!/bin/sh
# SPDX-License-Identifier: MIT
# renderings.sh: one document, many renderings. Each sample
# (samples/docx/NAME.docx, beside the seed text samples/NAME.txt it was
# made from) and each DOCX of ../shared/real-itu goes through every
# writer and exporter here (tools/renderings.sh: LibreOffice re-saving
# it as DOCX, LibreOffice's text export, pandoc's plain text, the seeds'
# exporter as tools/export-text.py reproduces it, docx2txt when it is
# installed; for the samples also the seed text itself), and the facts
# a user relies on must agree with those of the DOCX as is
# (test/renderings.py), except the losses listed with their reason in
# test/renderings/losses.
# Also checked: LibreOffice's text export is UTF-8 with a BOM, and the
# seeds' exporter is reproduced byte for byte where the sample's DOCX
# holds what the seed held (tor-jcg-iotsec).
# Skipped (77) without soffice (LibreOffice) or pandoc.
# About a minute of CPU, most of it LibreOffice's.
. "${top_srcdir:-$(dirname "$0")/..}/test/lib.sh"
for tool in soffice pandoc; do
	command -v "$tool" > /dev/null || {
		echo "renderings.sh: $tool is not installed" \
		    "(LibreOffice: libreoffice-writer-nogui); skipped"
		exit 77
	}
done
real="$top_srcdir/../shared/real-itu"
set --
for txt in "$top_srcdir"/samples/*.txt; do
	name=$(basename "$txt" .txt)
	[ -f "$top_srcdir/samples/docx/$name.docx" ] &&
		set -- "$@" "$name=$top_srcdir/samples/docx/$name.docx"
done
if [ -d "$real" ]; then
	for docx in "$real"/*.docx; do
		set -- "$@" "$(basename "$docx" .docx)=$docx"
	done
else
	echo "renderings.sh: no $real; the samples only"
fi
# LIAISON_RENDERINGS=DIR keeps the renderings and their models in DIR
# (emptied first), for renderings.py --draft.
r=${LIAISON_RENDERINGS:-$tmp/r}
rm -rf "$r"
if ! sh "$top_srcdir/tools/renderings.sh" "$r" "$@" > "$tmp/log" 2>&1; then
	fail "tools/renderings.sh: $(cat "$tmp/log")"
fi

# The seed texts are the samples' own text rendering.
mkdir -p "$r/seed"
for txt in "$top_srcdir"/samples/*.txt; do
	cp "$txt" "$r/seed/"
done

# LibreOffice's "Text (encoded):UTF8" writes UTF-8 with a byte order mark.
for t in "$r"/lo-text/*.txt; do
	if [ "$(head -c 3 "$t" | od -An -tx1 | tr -d ' \n')" = efbbbf ] &&
	    iconv -f UTF-8 -t UTF-8 "$t" > /dev/null 2>&1; then
		ok
	else
		fail "$t: not UTF-8 with a BOM"
	fi
done

# The seeds' exporter, reproduced: byte for byte where the DOCX holds
# all the seed held (the other samples' DOCX add a cover table and lost
# blank lines and trailing spaces, see test/README.md).
if cmp -s "$r/export-text/tor-jcg-iotsec.txt" \
    "$top_srcdir/samples/tor-jcg-iotsec.txt"; then
	ok
else
	fail "tools/export-text.py does not reproduce samples/tor-jcg-iotsec.txt:" \
	    "$(diff "$top_srcdir/samples/tor-jcg-iotsec.txt" \
	    "$r/export-text/tor-jcg-iotsec.txt" | head -5)"
fi

names=
for d in "$r"/*/; do
	d=${d%/}
	rendering=$(basename "$d")
	case $rendering in lo-profile) continue ;; esac
	mkdir -p "$r/json/$rendering"
	for f in "$d"/*; do
		[ -f "$f" ] || continue
		name=$(basename "$f")
		name=${name%.*}
		if "$LIAISON" convert "$f" > "$r/json/$rendering/$name.json" \
		    2> "$tmp/err"; then
			ok
		else
			fail "$rendering/$name: convert failed: $(cat "$tmp/err")"
			rm -f "$r/json/$rendering/$name.json"
		fi
	done
done
for f in "$r"/json/docx/*.json; do
	[ -f "$f" ] && names="$names $(basename "$f" .json)"
done

# shellcheck disable=SC2086  # names: one word each, no blanks in them
"$PYTHON3" "$top_srcdir/test/renderings.py" \
    "$top_srcdir/test/renderings/losses" "$r/json" $names > "$tmp/cmp"
status=$?
while IFS= read -r line; do
	case $line in
	PASS*) ok ;;
	FAIL*) fail "${line#FAIL }" ;;
	"	"*) echo "$line" >&2 ;;
	UNUSED*) echo "note: a loss no longer seen, remove it: ${line#UNUSED }" ;;
	*) fail "renderings.py: $line" ;;
	esac
done < "$tmp/cmp"
[ "$status" -le 1 ] || fail "renderings.py exited $status"
finish

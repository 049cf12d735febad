#!/bin/sh
# SPDX-License-Identifier: MIT
# fuzz/seed-corpus.sh OUTDIR [all|small]: seeds a corpus for each fuzz
# target in OUTDIR/TARGET/ from the bundled samples (text and DOCX), the
# recognizer cases, and (all, the default) pandoc's DOCX reader corpus
# when it is next to the tree. Each seed starts with the option byte(s)
# the target reads (see fuzz/fuzz.h); the diff seeds are a document and
# a revision of it (the next sample) back to back, split in half.
set -eu
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
out=$1
which=${2:-all}
pandoc=${LIAISON_PANDOC_CORPUS:-/work/shared/corpus/pandoc-docx}

for t in text docx recognize emit diff model; do
	mkdir -p "$out/$t"
done
# seed FILE TARGET PREFIX-OCTAL: copies FILE with the option byte(s).
seed() {
	name=$(basename "$1")
	{ printf "$3"; cat "$1"; } >"$out/$2/${4:-}$name"
}
texts=$(ls "$top_srcdir"/samples/*.txt "$top_srcdir"/test/cases/*.txt \
    2>/dev/null || true)
docxs=$(ls "$top_srcdir"/samples/docx/*.docx)
if [ "$which" = all ] && [ -d "$pandoc" ]; then
	docxs="$docxs $(ls "$pandoc"/*.docx)"
fi
for f in $texts; do
	cp "$f" "$out/text/"
	seed "$f" recognize '\001' ""          # as text
	seed "$f" emit '\001' ""
done
for f in $docxs; do
	seed "$f" docx '\000' accept-
	seed "$f" docx '\010' all-             # tracked changes recorded
	seed "$f" recognize '\002' ""          # as DOCX
	seed "$f" emit '\002' ""
done
# diff: the same document twice (no change) and each sample against the
# next one (many changes), in each output format
prev=
i=0
for f in $(ls "$top_srcdir"/samples/*.txt) $(ls "$top_srcdir"/samples/docx/*.docx | head -n 3); do
	b=$(basename "$f")
	fmt=$(printf '\\%03o' $((i % 5)))
	{ printf "\\000$fmt"; cat "$f" "$f"; } >"$out/diff/same-$b"
	if [ -n "$prev" ]; then
		{ printf "\\000$fmt"; head -c 20000 "$prev"; head -c 20000 "$f"; } \
		    >"$out/diff/pair-$b"
	fi
	prev=$f
	i=$((i + 1))
done
# models: the model of each text sample, as the XML emitter writes it
if [ -x "${LIAISON:-}" ]; then
	for f in $(ls "$top_srcdir"/samples/*.txt); do
		"$LIAISON" convert -q -f xml "$f" \
		    >"$out/model/$(basename "$f" .txt).xml" || true
	done
fi

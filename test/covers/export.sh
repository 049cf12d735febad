#!/bin/sh
# SPDX-License-Identifier: MIT
# export.sh: remakes test/covers/NAME.lo.txt, LibreOffice's text export
# of each NAME.case, as a user gets it from
#   soffice --headless --convert-to txt:Text NAME.docx
# (UTF-8, each table cell on a line of its own). Run from the source
# tree after changing a case: sh test/covers/export.sh
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/covers-export.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
for case in "$dir"/*.case; do
	name=$(basename "$case" .case)
	python3 "$dir/../docx/mkdocx.py" "$case" "$tmp/$name.docx"
done
# a profile of its own: another LibreOffice running keeps its profile
soffice -env:UserInstallation="file://$tmp/profile" --headless \
    --convert-to 'txt:Text (encoded):UTF8' --outdir "$tmp" "$tmp"/*.docx \
    > /dev/null
for case in "$dir"/*.case; do
	name=$(basename "$case" .case)
	cp "$tmp/$name.txt" "$dir/$name.lo.txt"
done

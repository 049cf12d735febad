#!/bin/sh
# SPDX-License-Identifier: MIT
# compare-outputs.sh: run two builds of liaison over every input we have
# and report each output that differs, so that a refactor changes outputs
# only on purpose.
#
# usage: tools/compare-outputs.sh [-k DIR] [-s SHARED] OLD_LIAISON NEW_LIAISON
#
#   OLD_LIAISON, NEW_LIAISON  the two commands (a build's ./liaison)
#   -k DIR     keep the outputs in DIR/old and DIR/new (default: a
#              temporary directory, removed at the end)
#   -s SHARED  the shared folder with seeds/, corpus/ and real-itu/
#              (default: ../shared beside the source tree; absent: skipped)
#
# Inputs: samples/, test/cases/, test/stream/, the DOCX test inputs, and
# the shared seeds, corpus and real ITU files. Each is converted to JSON,
# XML and Markdown (DOCX also with -t reject and -t all); the diff cases
# of test/diff/, each sample's text against its DOCX renderings, and each
# DOCX against its own tracked changes are diffed in every diff format.
# The exit status and stderr of each run are compared too.
#
# Prints one line per differing output and a closing count; exits 0 when
# everything is the same, 1 when something differs, 2 on a usage error.

usage() {
	echo "usage: $0 [-k DIR] [-s SHARED] OLD_LIAISON NEW_LIAISON" >&2
	exit 2
}

keep=
top=$(cd "$(dirname "$0")/.." && pwd)
shared=$top/../shared
while getopts k:s: opt; do
	case $opt in
	k) keep=$OPTARG ;;
	s) shared=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
shared=$(cd "$shared" 2>/dev/null && pwd) || shared=/nonexistent
[ $# -eq 2 ] || usage
old=$1
new=$2
for b in "$old" "$new"; do
	[ -x "$b" ] || { echo "$0: $b: not an executable" >&2; exit 2; }
done

if [ -n "$keep" ]; then
	out=$keep
	mkdir -p "$out" || exit 2
else
	out=$(mktemp -d "${TMPDIR:-/tmp}/compare.XXXXXX") || exit 2
	trap 'rm -rf "$out"' EXIT
	trap 'exit 130' INT TERM HUP
fi
rm -rf "$out/old" "$out/new" "$out/list"
: > "$out/list"
mkdir -p "$out/old" "$out/new"

# One job a line: NAME<TAB>OPTIONS<TAB>FILE[<TAB>FILE] (OPTIONS are
# words without spaces; the files are passed whole).
job() {
	printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${4:-}" >> "$out/list"
}

for f in "$top"/samples/*.txt "$top"/samples/docx/*.docx \
    "$top"/test/cases/*.txt "$top"/test/stream/*.txt \
    "$top"/test/docx/cases/*.docx \
    "$shared"/seeds/*.txt "$shared"/corpus/*/*.docx "$shared"/real-itu/*.docx \
    "$shared"/real-itu/*.doc; do
	[ -f "$f" ] || continue
	# a name under old/ and new/: "samples/x.txt", "shared/corpus/y.docx"
	case $f in
	"$shared"/*) rel=shared/${f#"$shared"/} ;;
	*) rel=${f#"$top"/} ;;
	esac
	for fmt in json xml markdown; do
		job "$rel.$fmt" "convert -f $fmt" "$f"
	done
	case $f in
	*.docx)
		job "$rel.reject.json" "convert -t reject" "$f"
		job "$rel.all.json" "convert -t all" "$f"
		for fmt in text json; do
			job "$rel.tracked.$fmt" "diff -c never -f $fmt" "$f"
		done ;;
	esac
done

for o in "$top"/test/diff/cases/*.old.*; do
	[ -f "$o" ] || continue
	base=${o%.old.*}
	ext=${o##*.old.}
	nw=$base.new.$ext
	[ -f "$nw" ] || continue
	for fmt in text markdown json xml html; do
		job "diff/${base##*/}.$fmt" "diff -c never -f $fmt" "$o" "$nw"
	done
done

for t in "$top"/samples/*.txt; do
	stem=${t##*/}
	stem=${stem%.txt}
	for d in "$top"/samples/docx/"$stem".*docx; do
		[ -f "$d" ] || continue
		for fmt in text markdown json xml html; do
			job "diff/${d##*/}-vs-text.$fmt" "diff -c never -f $fmt" "$t" "$d"
		done
	done
done

run() {
	bin=$1
	dir=$2
	while IFS="	" read -r name args f1 f2; do
		mkdir -p "$dir/$(dirname "$name")"
		# shellcheck disable=SC2086
		if [ -n "$f2" ]; then
			"$bin" $args "$f1" "$f2"
		else
			"$bin" $args "$f1"
		fi > "$dir/$name" 2> "$dir/$name.stderr"
		echo "$?" > "$dir/$name.status"
	done < "$out/list"
}
run "$old" "$out/old"
run "$new" "$out/new"

total=0
differ=0
while IFS="	" read -r name args f1 f2; do
	total=$((total + 1))
	what=
	cmp -s "$out/old/$name" "$out/new/$name" || what="output"
	cmp -s "$out/old/$name.status" "$out/new/$name.status" ||
		what="${what:+$what, }status $(cat "$out/old/$name.status") -> $(cat "$out/new/$name.status")"
	cmp -s "$out/old/$name.stderr" "$out/new/$name.stderr" ||
		what="${what:+$what, }stderr"
	if [ -n "$what" ]; then
		differ=$((differ + 1))
		echo "differs: $name ($what)"
	fi
done < "$out/list"
echo "compare-outputs: $total outputs compared, $differ differ"
[ "$differ" -eq 0 ]

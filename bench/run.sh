#!/bin/sh
# bench/run.sh: speed and memory of `liaison convert` and `liaison diff`
# against the floor commands, in one session on the same inputs (`make
# bench`; not part of `make check`: it prints figures, asserts nothing).
#
# Inputs come from bench/gen.py (the 004 seed repeated, annexes
# renumbered): plain text of 100 kB .. 10 MB and DOCX whose
# word/document.xml is 100 kB .. 15 MB. Each case runs once to warm up,
# then RUNS times (default 5; 3 above 5 MB) under bench/rusage.py (the
# child's wait4 figures, to the microsecond); the table shows medians of
# wall and CPU (user + system) time and of the peak resident set size.
# Floors, timed the same way:
#   text  wc -l FILE (repeated within a run to be measurable)
#   DOCX  unzip -p FILE word/document.xml | xmllint --stream --noout -
# The machine may be shared: CPU time is the steadier figure, and the
# ratios use it.
#
# Each liaison case is run a second time with LIAISON_HUGE_PAGES=0 (the
# heap on 4 kB pages, as before cli/heap.c), to show what the huge
# pages are worth on this machine.
#
# Environment: RUNS; BENCH_LARGE=1 adds 30 and 100 MB of text and pandoc
# on the 15 MB DOCX (about a minute per run); BENCH_DIFF=0 skips the
# diff cases; BENCH_DIR keeps the inputs there between runs.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
PY=${PYTHON3:-python3}
RUNS=${RUNS:-5}
LARGE=${BENCH_LARGE:-0}
GEN="$top_srcdir/bench/gen.py"
RUSAGE="$top_srcdir/bench/rusage.py"
SAMPLES="$top_srcdir/samples"

# The real binary, not libtool's wrapper script (a shell start per run).
if [ -x "$top_builddir/.libs/liaison" ]; then
	LIAISON="$top_builddir/.libs/liaison"
	LD_LIBRARY_PATH="$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
	export LD_LIBRARY_PATH
else
	LIAISON="$top_builddir/liaison"
fi

for tool in xmllint unzip; do
	if ! command -v "$tool" > /dev/null 2>&1; then
		echo "bench: installing the Debian packages libxml2-utils, unzip" >&2
		apt-get install -y libxml2-utils unzip > /dev/null 2>&1 || {
			echo "bench: $tool is missing" >&2; exit 1; }
		break
	fi
done

if [ -n "${BENCH_DIR:-}" ]; then
	dir=$BENCH_DIR
	mkdir -p "$dir" || exit 1
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench.XXXXXX") || exit 1
	trap 'rm -rf "$tmp"' EXIT INT TERM
else
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench.XXXXXX") || exit 1
	dir=$tmp
	trap 'rm -rf "$tmp"' EXIT INT TERM
fi

# gen KIND BYTES: the input's path, generated once.
gen() {
	ext=txt
	[ "$1" = docx ] && ext=docx
	f="$dir/$1-$2.$ext"
	[ -s "$f" ] || "$PY" "$GEN" "$1" "$SAMPLES" "$f" "$2" || exit 1
	echo "$f"
}

median() {  # stdin: numbers, one a line
	sort -g | awk '{ v[NR] = $1 } END {
		if (NR == 0) print "nan"
		else if (NR % 2) print v[(NR + 1) / 2]
		else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# measure RUNS CMD [INNER]: runs CMD (a shell command line) once to warm
# up, then RUNS times; sets m_wall, m_cpu (seconds) and m_rss (MB),
# medians. With INNER, each run repeats CMD INNER times and the times
# are per repetition: the floors take a millisecond or two.
measure() {
	n=$1
	inner=${3:-1}
	if [ "$inner" -gt 1 ]; then
		set -- "$1" "i=0; while [ \$i -lt $inner ]; do $2; i=\$((i + 1)); done"
	fi
	shift
	: > "$tmp/times"
	sh -c "$1" > /dev/null 2>&1 || { echo "bench: failed: $1" >&2; exit 1; }
	i=0
	while [ "$i" -lt "$n" ]; do
		"$PY" "$RUSAGE" "$tmp/times" "$1" > /dev/null 2>&1 ||
		    { echo "bench: failed: $1" >&2; exit 1; }
		i=$((i + 1))
	done
	m_wall=$(awk -v k="$inner" '{ print $1 / k }' "$tmp/times" | median)
	m_cpu=$(awk -v k="$inner" '{ print ($2 + $3) / k }' "$tmp/times" | median)
	m_rss=$(awk '{ print $4 / 1024 }' "$tmp/times" | median)
}

inner_for() {  # inner_for BYTES SIZE: repetitions to cover BYTES, 1 .. 50
	awk -v b="$1" -v s="$2" 'BEGIN { k = int(b / s) + 1; print (k > 50 ? 50 : k) }'
}

runs_for() {  # runs_for BYTES
	if [ "$1" -gt 5000000 ]; then echo $((RUNS < 3 ? RUNS : 3)); else echo "$RUNS"; fi
}

row() {  # row CASE MB FLOOR_CPU
	awk -v c="$1" -v mb="$2" -v w="$m_wall" -v u="$m_cpu" -v r="$m_rss" \
	    -v f="$3" 'BEGIN {
		t = u > 0 ? u : 0.001
		printf "%-26s %8.2f %8.3f %8.3f %8.1f %8.1f %7.3f %6.1fx %7.1f\n",
		    c, mb, w, u, 1000 * t / mb, mb / t, f,
		    (f > 0 ? u / f : 0), r }'
}

# linearity LABEL: after a series, the time per MB of its largest input
# over that of its smallest (1.0 = linear; start-up weighs on the small).
per_mb() {
	awk -v u="$m_cpu" -v mb="$1" 'BEGIN { print 1000 * (u > 0 ? u : 0.001) / mb }'
}

linearity() {
	awk -v a="$first_per_mb" -v b="$last_per_mb" -v l="$1" 'BEGIN {
		printf "%s: ms/MB of the largest / ms/MB of the smallest = %.2f (1.00 = linear)\n", l, b / a }'
}

header() {
	printf '\n%s\n' "$1"
	printf '%-26s %8s %8s %8s %8s %8s %7s %7s %7s\n' case MB wall_s cpu_s \
	    ms/MB MB/s floor_s x_floor rss_MB
}

echo "liaison bench: $(nproc) CPUs, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)," \
    "$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)," \
    "load $(cut -d' ' -f1-3 /proc/loadavg); medians of $RUNS runs after a warm-up"
echo "$($LIAISON --version 2>/dev/null | head -1); $(xmllint --version 2>&1 | head -1)"

# Text -------------------------------------------------------------
text_sizes="100000 1000000 10000000"
[ "$LARGE" = 1 ] && text_sizes="$text_sizes 30000000 100000000"
header "plain text -> JSON (floor: wc -l)"
for size in $text_sizes; do
	f=$(gen text "$size")
	mb=$(awk -v b="$(wc -c < "$f")" 'BEGIN { print b / 1e6 }')
	n=$(runs_for "$size")
	measure "$n" "wc -l '$f'" $(inner_for 100000000 "$size")
	floor=$m_cpu
	row "wc -l" "$mb" 0
	measure "$n" "'$LIAISON' convert -q '$f'"
	row "liaison text" "$mb" "$floor"
	last_per_mb=$(per_mb "$mb")
	measure "$n" "LIAISON_HUGE_PAGES=0 '$LIAISON' convert -q '$f'"
	row "  4 kB pages (no THP)" "$mb" "$floor"
	[ "$size" = 100000 ] && first_per_mb=$last_per_mb
done
linearity "text"

# DOCX -------------------------------------------------------------
docx_sizes="100000 1500000 15000000"
header "DOCX -> JSON, MB of word/document.xml (floor: unzip -p | xmllint --stream)"
for size in $docx_sizes; do
	f=$(gen docx "$size")
	mb=$(unzip -l "$f" word/document.xml | awk 'NR == 4 { print $1 / 1e6 }')
	n=$(runs_for "$size")
	measure "$n" "unzip -p '$f' word/document.xml | xmllint --stream --noout -" \
	    $(inner_for 30000000 "$size")
	floor=$m_cpu
	row "unzip|xmllint --stream" "$mb" 0
	measure "$n" "'$LIAISON' convert -q '$f'"
	row "liaison docx" "$mb" "$floor"
	lcpu=$m_cpu
	last_per_mb=$(per_mb "$mb")
	measure "$n" "LIAISON_HUGE_PAGES=0 '$LIAISON' convert -q '$f'"
	row "  4 kB pages (no THP)" "$mb" "$floor"
	[ "$size" = 100000 ] && first_per_mb=$last_per_mb
	if command -v pandoc > /dev/null 2>&1 &&
	    { [ "$size" -le 1500000 ] || [ "$LARGE" = 1 ]; }; then
		measure 1 "pandoc -f docx -t json '$f'"
		row "pandoc -t json" "$mb" "$floor"
		awk -v p="$m_cpu" -v l="$lcpu" 'BEGIN {
			printf "%-26s liaison is %.0fx faster than pandoc (cpu)\n", "", p / l }'
	fi
done

linearity "DOCX"

# Diff -------------------------------------------------------------
if [ "${BENCH_DIFF:-1}" != 0 ]; then
	header "liaison diff of two revisions, whole command (floor: wc -l of both)"
	for paras in 1000 10000; do
		mkdir -p "$dir/diff-$paras"
		[ -s "$dir/diff-$paras/new.txt" ] ||
		    "$PY" "$top_srcdir/test/diff/gen-bench.py" "$SAMPLES" \
		    "$dir/diff-$paras" "$paras" 1 > /dev/null || exit 1
		old="$dir/diff-$paras/old.txt"
		new="$dir/diff-$paras/new.txt"
		mb=$(awk -v b="$(cat "$old" "$new" | wc -c)" 'BEGIN { print b / 1e6 }')
		measure "$RUNS" "wc -l '$old' '$new'" 20
		floor=$m_cpu
		measure "$RUNS" "'$LIAISON' diff '$old' '$new'; test \$? -le 1"
		row "diff $paras paragraphs" "$mb" "$floor"
	done
	if [ -x "$top_builddir/test/diff/run-diff" ]; then
		printf '\ntest/bench-diff.sh (the diff alone, documents loaded once):\n'
		RUNS=$RUNS top_srcdir=$top_srcdir top_builddir=$top_builddir \
		    PYTHON3=$PY sh "$top_srcdir/test/bench-diff.sh" | sed 's/^/  /'
	fi
fi

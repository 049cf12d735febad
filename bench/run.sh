#!/bin/sh
# SPDX-License-Identifier: MIT
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
# and, from 1 MB, the model's own floor: bench/model-floor builds the
# input's model tree again with the recognizer's helpers and validates
# it, timing only that inside its process (no start-up), and for a DOCX
# adds inflating and parsing word/document.xml with nothing done with
# it. What a conversion spends above that floor is reading the text,
# recognizing and emitting.
# The machine may be shared: CPU time is the steadier figure, and the
# ratios use it.
#
# Each liaison case is run a second time with LIAISON_HUGE_PAGES=1 (the
# heap on transparent huge pages, cli/heap.c's opt-in), to show what
# the huge pages are worth on this machine.
#
# The batch: an archive of BENCH_ARCHIVE (default 1 000) DOCX files
# (bench/gen.py archive: 74 kB to 1.5 MB of word/document.xml) converted
# by one command with the default --jobs (the CPUs available), into an
# output directory and as JSON Lines, then with -j1; its floor is
# `bench/model-floor -r JOBS` (every word/document.xml inflated and
# SAX-parsed, nothing done, by as many processes taking the next file),
# and pandoc converts a sample of BENCH_PANDOC_SAMPLE files (default 20,
# every Nth of the archive by size) one at a time, its times scaled to
# the whole archive by the count of files. Each batch case runs once (a run is 1 000 files).
#
# Environment: RUNS; BENCH_LARGE=1 adds 30 and 100 MB of text and pandoc
# on the 15 MB DOCX (about a minute per run); BENCH_TEXT=0 skips the
# text cases, BENCH_DIFF=0 the diff cases; BENCH_BATCH=0 skips the
# batch, BENCH_BATCH=only runs it alone; BENCH_DIR keeps the inputs
# there between runs; BENCH_REF=BUILDDIR adds a row for the liaison of
# that other build directory to each DOCX case, timed in the same
# session, so that a change is measured against its base in one run.
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

# BENCH_REF's binary, with its own library (not ours, on the path)
REF=
if [ -n "${BENCH_REF:-}" ] && [ -x "$BENCH_REF/.libs/liaison" ]; then
	REF="LD_LIBRARY_PATH='$BENCH_REF/.libs' '$BENCH_REF/.libs/liaison'"
elif [ -n "${BENCH_REF:-}" ]; then
	REF="'$BENCH_REF/liaison'"
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

# model_floor FILE N: the model's own cost for FILE (bench/model-floor:
# its libxml2 tree built by the recognizer's helpers and validated;
# reading, recognizing and emitting left out) and, for a DOCX, what
# inflating and parsing word/document.xml costs in process; medians of
# N runs in m_tree, m_valid and m_read (CPU seconds), m_cpu their sum.
MODEL_FLOOR="$top_builddir/bench/model-floor"
model_floor() {
	"$LIAISON" convert -q -f xml -o "$tmp/model.xml" "$1" ||
	    { echo "bench: failed: convert -f xml $1" >&2; exit 1; }
	docx=
	case $1 in *.docx) docx=$1 ;; esac
	: > "$tmp/floor"
	i=0
	while [ "$i" -lt "$2" ]; do
		"$MODEL_FLOOR" "$tmp/model.xml" $docx >> "$tmp/floor" ||
		    { echo "bench: failed: model-floor $1" >&2; exit 1; }
		i=$((i + 1))
	done
	m_tree=$(sed 's/.*tree_s=\([0-9.]*\).*/\1/' "$tmp/floor" | median)
	m_valid=$(sed 's/.*validate_s=\([0-9.]*\).*/\1/' "$tmp/floor" | median)
	m_read=0
	[ -n "$docx" ] &&
	    m_read=$(sed 's/.*read_s=\([0-9.]*\).*/\1/' "$tmp/floor" | median)
	m_cpu=$(awk -v a="$m_tree" -v b="$m_valid" -v c="$m_read" \
	    'BEGIN { print a + b + c }')
	m_wall=$m_cpu
	m_rss=0
	rm -f "$tmp/model.xml"
}

floor_row() {  # floor_row MB FLOOR_CPU: after model_floor
	if [ "$m_read" = 0 ]; then
		row "  model tree+validation" "$1" "$2"
		awk -v t="$m_tree" -v v="$m_valid" 'BEGIN {
			printf "%-26s tree %.3f s + validation %.3f s, in process\n", "", t, v }'
	else
		row "  read+tree+validation" "$1" "$2"
		awk -v r="$m_read" -v t="$m_tree" -v v="$m_valid" 'BEGIN {
			printf "%-26s read %.3f s + tree %.3f s + validation %.3f s, in process\n", "", r, t, v }'
	fi
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

# What any run pays before it reads a byte: exec, loading libxml2
# (with ICU), libzip (with libcrypto), utf8proc.
measure "$RUNS" "'$LIAISON' --version" 20
startup=$m_cpu
printf '\nstart-up (liaison --version): %.4f s cpu, %.1f MB\n' "$startup" "$m_rss"

# Batch ------------------------------------------------------------
# batch: the archive's rows (see the top of this file)
batch() {
	count=${BENCH_ARCHIVE:-1000}
	sample=${BENCH_PANDOC_SAMPLE:-20}
	arch="$dir/archive-$count"
	[ -s "$arch/doc-$(printf '%04d' "$count").docx" ] ||
	    "$PY" "$GEN" archive "$SAMPLES" "$arch" "$count" || exit 1
	jobs=$(nproc)
	mb=$("$PY" -c 'import sys, zipfile
print(sum(zipfile.ZipFile(f).getinfo("word/document.xml").file_size
    for f in sys.argv[1:]) / 1e6)' "$arch"/*.docx)
	header "archive of $count DOCX -> JSON, $jobs jobs (default), MB of word/document.xml"
	once "'$MODEL_FLOOR' -r $jobs '$arch'/*.docx"
	fwall=$m_wall
	floor=$m_cpu
	row "floor: model-floor -r $jobs" "$mb" 0
	mkdir -p "$tmp/out"
	once "'$LIAISON' convert -q -d '$tmp/out' '$arch'/*.docx"
	row "liaison -d DIR" "$mb" "$floor"
	lwall=$m_wall
	lcpu=$m_cpu
	once "'$LIAISON' convert -q '$arch'/*.docx"
	row "liaison (JSON Lines)" "$mb" "$floor"
	jlwall=$m_wall
	once "'$LIAISON' convert -q -j1 -d '$tmp/out' '$arch'/*.docx"
	row "liaison -j1 -d DIR" "$mb" "$floor"
	rm -rf "$tmp/out"
	awk -v w="$lwall" -v c="$lcpu" -v fw="$fwall" -v fc="$floor" \
	    -v jw="$jlwall" 'BEGIN {
		printf "%-26s -d: %.2fx the floor in wall time, %.2fx in cpu (JSON Lines: %.2fx wall)\n",
		    "", w / fw, c / fc, jw / fw }'
	if command -v pandoc > /dev/null 2>&1; then
		# every Nth file by size: the sample spreads as the archive
		"$PY" -c 'import sys, zipfile
k = int(sys.argv[1])
files = sorted((zipfile.ZipFile(f).getinfo("word/document.xml").file_size, f)
    for f in sys.argv[2:])
step = max(len(files) // k, 1)
for size, f in files[step // 2::step][:k]:
    print(f)' "$sample" "$arch"/*.docx > "$tmp/sample"
		k=$(wc -l < "$tmp/sample")
		smb=$("$PY" -c 'import sys, zipfile
print(sum(zipfile.ZipFile(f.strip()).getinfo("word/document.xml").file_size
    for f in open(sys.argv[1])) / 1e6)' "$tmp/sample")
		once "while read -r f; do pandoc -f docx -t json \"\$f\" -o '$tmp/p.json' || exit 1; done < '$tmp/sample'"
		row "pandoc, $k files" "$smb" "$floor"
		awk -v w="$m_wall" -v c="$m_cpu" -v k="$k" -v n="$count" \
		    -v lw="$lwall" -v lc="$lcpu" 'BEGIN {
			pw = w * n / k; pc = c * n / k
			printf "%-26s pandoc one file at a time, scaled to %d files: %.1f s wall, %.1f s cpu\n", "", n, pw, pc
			printf "%-26s liaison -d is %.0fx faster in wall time, %.0fx in cpu\n", "", pw / lw, pc / lc }'
	fi
}

# once CMD: one run of CMD under rusage.py; sets m_wall, m_cpu, m_rss.
once() {
	: > "$tmp/times"
	"$PY" "$RUSAGE" "$tmp/times" "$1" > /dev/null 2>&1 ||
	    { echo "bench: failed: $1" >&2; exit 1; }
	read -r m_wall u s r < "$tmp/times"
	m_cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')
	m_rss=$(awk -v r="$r" 'BEGIN { print r / 1024 }')
}

if [ "${BENCH_BATCH:-1}" = only ]; then
	batch
	exit 0
fi

# Text -------------------------------------------------------------
text_sizes="100000 1000000 10000000"
[ "$LARGE" = 1 ] && text_sizes="$text_sizes 30000000 100000000"
[ "${BENCH_TEXT:-1}" = 0 ] && text_sizes=
[ -n "$text_sizes" ] && header "plain text -> JSON (floor: wc -l)"
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
	measure "$n" "LIAISON_HUGE_PAGES=1 '$LIAISON' convert -q '$f'"
	row "  huge pages (opt-in)" "$mb" "$floor"
	[ "$size" = 100000 ] && first_per_mb=$last_per_mb
	if [ "$size" -ge 1000000 ]; then
		model_floor "$f" "$n"
		floor_row "$mb" "$floor"
	fi
done
[ -n "$text_sizes" ] && linearity "text"

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
	if [ -n "${BENCH_REF:-}" ]; then
		measure "$n" "$REF convert -q '$f'"
		row "  reference (BENCH_REF)" "$mb" "$floor"
		[ "$size" = 100000 ] && ref_first=$(per_mb "$mb")
		ref_last=$(per_mb "$mb")
	fi
	measure "$n" "LIAISON_HUGE_PAGES=1 '$LIAISON' convert -q '$f'"
	row "  huge pages (opt-in)" "$mb" "$floor"
	[ "$size" = 100000 ] && first_per_mb=$last_per_mb
	if [ "$size" -ge 1500000 ]; then
		model_floor "$f" "$n"
		floor_row "$mb" "$floor"
		mfloor=$m_cpu
	fi
	if command -v pandoc > /dev/null 2>&1 &&
	    { [ "$size" -le 1500000 ] || [ "$LARGE" = 1 ]; }; then
		measure 1 "pandoc -f docx -t json '$f'"
		row "pandoc -t json" "$mb" "$floor"
		awk -v p="$m_cpu" -v l="$lcpu" 'BEGIN {
			printf "%-26s liaison is %.0fx faster than pandoc (cpu)\n", "", p / l }'
		[ "$size" -ge 1500000 ] &&
		    awk -v p="$m_cpu" -v f="$mfloor" -v s="$startup" 'BEGIN {
			printf "%-26s at most %.0fx: start-up, reading and the model alone\n", "", p / (f + s) }'
	fi
done

linearity "DOCX"
[ -n "${BENCH_REF:-}" ] && first_per_mb=$ref_first last_per_mb=$ref_last &&
    linearity "DOCX, reference"

[ "${BENCH_BATCH:-1}" != 0 ] && batch

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

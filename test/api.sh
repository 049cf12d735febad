#!/bin/sh
# SPDX-License-Identifier: MIT
# api.sh: the library as its users get it. Installs the build into a
# scratch DESTDIR, checks what was installed (header, library, pkg-config
# file, man pages, bash completion), then compiles test/api/api-test.c
# with the installed liaison.pc alone and runs it. Skipped (77) when
# pkg-config is missing.

: "${top_srcdir:?}" "${top_builddir:?}"
command -v pkg-config > /dev/null 2>&1 || { echo "pkg-config not found"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/liaison-api.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
root=$tmp/root

# A make of its own: not the jobserver of the make running the tests.
unset MAKEFLAGS MFLAGS MAKELEVEL
if ! ${MAKE:-make} -C "$top_builddir" install DESTDIR="$root" \
    > "$tmp/install.log" 2>&1; then
	echo "FAIL: make install DESTDIR=..." >&2
	tail -n 20 "$tmp/install.log" >&2
	exit 1
fi

pc=$(find "$root" -name liaison.pc | head -n 1)
status=0
for f in include/liaison.h bin/liaison share/man/man1/liaison.1 \
    share/man/man3/liaison.3 share/man/man5/liaison.5 \
    share/bash-completion/completions/liaison; do
	if [ -z "$(find "$root" -path "*/$f" | head -n 1)" ]; then
		echo "FAIL: not installed: $f" >&2
		status=1
	fi
done
# What a distribution ships: no libtool archive, every schema.
if [ -n "$(find "$root" -name '*.la' | head -n 1)" ]; then
	echo "FAIL: a .la file is installed: $(find "$root" -name '*.la')" >&2
	status=1
fi
for f in "$top_srcdir"/schemas/*; do
	if [ -z "$(find "$root" -path "*/share/liaison/${f##*/}" | head -n 1)" ]; then
		echo "FAIL: schema not installed: ${f##*/}" >&2
		status=1
	fi
done
if [ -z "$pc" ]; then
	echo "FAIL: liaison.pc not installed" >&2
	exit 1
fi

# The sysroot points pkg-config's -I and -L into DESTDIR.
PKG_CONFIG_PATH=$(dirname "$pc")
PKG_CONFIG_SYSROOT_DIR=$root
export PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
cflags=$(pkg-config --cflags liaison) && libs=$(pkg-config --libs liaison) || {
	echo "FAIL: pkg-config liaison" >&2
	exit 1
}
libdir=$root$(pkg-config --variable=libdir liaison | sed "s#^$root##")
# The library exports the public API alone; where the linker took
# lib/liaison.map, each symbol carries the version LIAISON_0.
if command -v nm > /dev/null 2>&1; then
	nm -D --defined-only "$libdir/libliaison.so" | awk '{ print $NF }' |
	    grep -v '^LIAISON_0$' > "$tmp/syms"
	if grep -v '^liaison_' "$tmp/syms" > "$tmp/bad"; then
		echo "FAIL: exported, not liaison_:" $(cat "$tmp/bad") >&2
		status=1
	fi
	if [ ! -s "$tmp/syms" ]; then
		echo "FAIL: nm -D lists no symbols" >&2
		status=1
	fi
	if grep -q "^lsn_cv_ld_version_script=yes" "$top_builddir/config.log" &&
	    grep -v '@@LIAISON_0$' "$tmp/syms" > "$tmp/bad"; then
		echo "FAIL: without the version LIAISON_0:" $(cat "$tmp/bad") >&2
		status=1
	fi
fi
# A library built with --enable-sanitizers needs its runtimes first.
san=
if ldd "$libdir/libliaison.so" 2>/dev/null | grep -q libasan; then
	san="-fsanitize=address,undefined"
fi
if ! ${CC:-cc} -std=c99 -Wall -Wextra -Werror $san -o "$tmp/api-test" \
    "$top_srcdir/test/api/api-test.c" $cflags $libs; then
	echo "FAIL: api-test.c does not build with:" $cflags $libs >&2
	exit 1
fi
# Only the installed library may be found: nothing from the build tree.
if ! LD_LIBRARY_PATH=$libdir "$tmp/api-test" \
    "$top_srcdir/samples/ls-sg17-questions.txt" \
    "$top_srcdir/samples/docx/ls-cg-iotsec-tor.docx" "$tmp"; then
	status=1
fi
if ! LD_LIBRARY_PATH=$libdir ldd "$tmp/api-test" 2>/dev/null |
    grep -q "$libdir/libliaison"; then
	echo "FAIL: api-test did not load the installed libliaison" >&2
	status=1
fi
exit $status

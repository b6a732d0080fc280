#!/usr/bin/env bash
# Builds and runs the C unit tests of src/core (tests/core/test_*.c) under
# AddressSanitizer + UndefinedBehaviorSanitizer, with no PHP involved.
# Prints one line per test program and ends with "core: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
out=${SQZ_CORE_BUILD:-build-core}
mkdir -p "$out"
cc=${CC:-gcc}
cflags=(-std=gnu11 -g -O1 -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers
	-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -Isrc -Isrc/core)
# gzip is decoded with ISA-L where the build finds it (config.m4), else
# with zlib: the tests use what the extension will; test_gunzip runs with
# both. zlib is always linked: the tests make their gzip streams with it.
libs="$(pkg-config --libs libcurl libcrypto json-c zlib) -lm"
inflate=()
if pkg-config --exists libisal; then
	inflate=(-DSQZ_HAVE_ISAL=1 $(pkg-config --libs libisal))
fi
core_sources=(src/core/*.c)
passed=0 failed=0
variants=()
for t in tests/core/test_*.c; do
	[ -e "$t" ] || continue
	variants+=("$t:")
	if [ "$(basename "$t")" = test_gunzip.c ] && [ ${#inflate[@]} -gt 0 ]; then
		variants+=("$t:zlib")
	fi
done
for v in "${variants[@]}"; do
	t=${v%%:*} flavour=${v#*:}
	name=$(basename "$t" .c)${flavour:+-$flavour}
	with=("${inflate[@]}")
	[ "$flavour" = zlib ] && with=()
	if ! "$cc" "${cflags[@]}" -o "$out/$name" "$t" "${core_sources[@]}" $libs "${with[@]}" 2>"$out/$name.build.log"; then
		echo "FAIL $name (build)"; cat "$out/$name.build.log"
		failed=$((failed + 1)); continue
	fi
	if ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
		"$out/$name" >"$out/$name.log" 2>&1; then
		echo "PASS $name ($(tail -n1 "$out/$name.log"))"
		passed=$((passed + 1))
	else
		echo "FAIL $name"; cat "$out/$name.log"
		failed=$((failed + 1))
	fi
done
echo "core: $passed passed, $failed failed"
[ "$failed" = 0 ]

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
libs="$(pkg-config --libs libcurl libcrypto json-c) -lm"
core_sources=(src/core/*.c)
passed=0 failed=0
for t in tests/core/test_*.c; do
	[ -e "$t" ] || continue
	name=$(basename "$t" .c)
	if ! "$cc" "${cflags[@]}" -o "$out/$name" "$t" "${core_sources[@]}" $libs 2>"$out/$name.build.log"; then
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

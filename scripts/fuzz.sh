#!/usr/bin/env bash
# Fuzzes every parser of untrusted input in src/core with libFuzzer
# (clang -fsanitize=fuzzer,address,undefined); no PHP involved.
#
#   scripts/fuzz.sh [seconds-per-harness] [harness ...]
#
# Builds each tests/fuzz/fuzz_<name>.c against the core sources (the real
# http.c with its transfers replaced by the scripted tests/fuzz/fake_http.c),
# runs it for N seconds (default 20; 0 = only replay the seed corpus, a
# quick regression check) starting from tests/fuzz/corpus/<name>, and prints
# one line per harness:
#   PASS fuzz_<name>: <execs> execs (<n>/s), <new> new inputs, cov <edges>
#   FAIL fuzz_<name>: <sanitizer/libFuzzer verdict>; input: <file>; log: <file>
# Exits non-zero when a harness crashed, leaked, hung or broke a property.
# Inputs found are kept in build-core/fuzz/corpus/<name> (reused by later runs;
# build-core/ is git-ignored); a crashing input in build-core/fuzz/crashes/
# (reproduce: build-core/fuzz/fuzz_<name> FILE).
# Environment: SQZ_FUZZ_RUNS=N (reproducible: seed 1, N inputs per harness,
# a scratch corpus; seconds are then ignored unless 0), SQZ_FUZZ_BUILD
# (build-core/fuzz), SQZ_FUZZ_PARALLEL (harnesses run
# at once; default: number of CPUs), CC (clang).
set -uo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
shift || true
case "$secs" in ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [seconds-per-harness] [harness ...]" >&2; exit 2 ;; esac
out=${SQZ_FUZZ_BUILD:-build-core/fuzz}
parallel=${SQZ_FUZZ_PARALLEL:-$(nproc)}

# clang + compiler-rt: libFuzzer lives in libclang-rt-<clang's major>-dev
# (14 on Debian 12, 19 on Debian 13).
install_packages() {
	echo "fuzz: installing $*"
	if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1; then
		apt-get update -qq >/dev/null 2>&1
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || { echo "fuzz: cannot install $*"; exit 1; }
	fi
}
command -v "${CC:-clang}" >/dev/null 2>&1 || install_packages clang
if [ -z "${CC:-}" ]; then
	clang_major=$(clang -dumpversion | cut -d. -f1)
	dpkg -s "libclang-rt-$clang_major-dev" >/dev/null 2>&1 || install_packages "libclang-rt-$clang_major-dev"
fi
cc=${CC:-clang}

mkdir -p "$out/obj" "$out/corpus" "$out/crashes" "$out/logs"
san=(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
base=(-std=gnu11 -g -O1 "${san[@]}" -Isrc -Isrc/core $(pkg-config --cflags libcurl libcrypto json-c))
libs="$(pkg-config --libs libcurl libcrypto json-c zlib) -lm"
# http.c keeps its response bookkeeping, origin and retry policy; the
# transfers, the sleep and the stack come from fake_http.c.
renames=(-Dsqz_http_perform=sqz_real_http_perform -Dsqz_http_perform_many=sqz_real_http_perform_many
	-Dsqz_http_sleep=sqz_real_http_sleep -Dsqz_http_new=sqz_real_http_new -Dsqz_http_free=sqz_real_http_free
	-Dsqz_http_wait=sqz_real_http_wait -Dsqz_http_cancel=sqz_real_http_cancel -Dsqz_http_cancelled=sqz_real_http_cancelled)

# Objects are rebuilt when their source or any header is newer.
newest_header=$(ls -t src/core/*.h tests/fuzz/*.h 2>/dev/null | head -n1)
compile() { # compile <source> <object> [extra flags...]
	local src=$1 obj=$2; shift 2
	if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$newest_header" -nt "$obj" ] || [ scripts/fuzz.sh -nt "$obj" ]; then
		"$cc" "${base[@]}" -fsanitize=fuzzer-no-link "$@" -c "$src" -o "$obj" 2>"$obj.log" || { cat "$obj.log"; return 1; }
	fi
}
objs=()
for src in src/core/*.c; do
	name=$(basename "$src" .c)
	extra=()
	[ "$name" = http ] && extra=("${renames[@]}")
	compile "$src" "$out/obj/core_$name.o" "${extra[@]}" || { echo "FAIL build: $src"; exit 1; }
	objs+=("$out/obj/core_$name.o")
done
compile tests/fuzz/fake_http.c "$out/obj/fake_http.o" -Wall -Wextra -Werror || { echo "FAIL build: fake_http.c"; exit 1; }
objs+=("$out/obj/fake_http.o")

harnesses=()
if [ $# -gt 0 ]; then
	for h in "$@"; do harnesses+=("tests/fuzz/fuzz_${h#fuzz_}.c"); done
else
	harnesses=(tests/fuzz/fuzz_*.c)
fi
for h in "${harnesses[@]}"; do
	[ -f "$h" ] || { echo "fuzz: no harness $h"; exit 2; }
	name=$(basename "$h" .c)
	compile "$h" "$out/obj/$name.o" -D_GNU_SOURCE -Wall -Wextra -Werror || { echo "FAIL $name (build)"; exit 1; }
	if ! "$cc" "${san[@]}" -fsanitize=fuzzer -o "$out/$name" "$out/obj/$name.o" "${objs[@]}" $libs 2>"$out/logs/$name.link.log"; then
		echo "FAIL $name (link)"; cat "$out/logs/$name.link.log"; exit 1
	fi
done

run_one() { # run_one <name>; prints the line, returns non-zero on a finding
	local name=$1 short=${1#fuzz_}
	local seeds="tests/fuzz/corpus/$short" work="$out/corpus/$short" log="$out/logs/$name.log"
	mkdir -p "$work"
	local args=(-timeout=10 -rss_limit_mb=2560 -max_len=262144 -print_final_stats=1 -artifact_prefix="$out/crashes/$name-")
	if [ -f "tests/fuzz/dict/$short.dict" ]; then
		args+=(-dict="tests/fuzz/dict/$short.dict")
	elif [ -f tests/fuzz/dict/graph.dict ]; then
		args+=(-dict=tests/fuzz/dict/graph.dict)
	fi
	local dirs=("$work")
	[ -d "$seeds" ] && dirs+=("$seeds")
	if [ "$secs" = 0 ]; then
		args+=(-runs=0)
	elif [ -n "${SQZ_FUZZ_RUNS:-}" ]; then
		# Reproducible smoke: the same inputs on every machine (fixed seed, a
		# count instead of a duration, a scratch corpus instead of the one that
		# grows across local runs), so the test command never fails by luck.
		work=$(mktemp -d "$out/corpus/$short.smoke.XXXXXX")
		dirs=("$work")
		[ -d "$seeds" ] && dirs+=("$seeds")
		args+=(-seed=1 -runs="$SQZ_FUZZ_RUNS")
	else
		args+=(-max_total_time="$secs")
	fi
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$out/$name" "${args[@]}" "${dirs[@]}" >"$log" 2>&1
	local rc=$?
	[ -n "${SQZ_FUZZ_RUNS:-}" ] && [ "$secs" != 0 ] && rm -rf "$work"
	local execs rate added cov
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
	added=$(sed -n 's/^stat::new_units_added: *//p' "$log" | tail -n1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n1 | cut -d' ' -f2)
	if [ "$rc" = 0 ]; then
		echo "PASS $name: ${execs:-?} execs (${rate:-?}/s), ${added:-0} new inputs, cov ${cov:-?}"
		return 0
	fi
	local verdict input
	verdict=$(grep -m1 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*property violated|.*bearer token sent|==[0-9]+== ERROR: libFuzzer)' "$log" \
		| sed 's/^==[0-9]*==//' | cut -c1-200)
	input=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n1)
	echo "FAIL $name: ${verdict:-exit $rc}; input: ${input:-none}; log: $log"
	return 1
}

failed=0
rm -f "$out"/logs/*.rc "$out"/logs/*.line
names=()
for h in "${harnesses[@]}"; do names+=("$(basename "$h" .c)"); done
if [ "$parallel" -le 1 ]; then
	for n in "${names[@]}"; do run_one "$n" || failed=$((failed + 1)); done
else
	# A few at a time; the lines come out in harness order at the end.
	for n in "${names[@]}"; do
		while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n; done
		( run_one "$n" > "$out/logs/$n.line"; echo $? > "$out/logs/$n.rc" ) &
	done
	wait
	for n in "${names[@]}"; do
		cat "$out/logs/$n.line"
		[ "$(cat "$out/logs/$n.rc" 2>/dev/null)" = 0 ] || failed=$((failed + 1))
	done
fi
if [ -n "${SQZ_FUZZ_RUNS:-}" ] && [ "$secs" != 0 ]; then
	echo "fuzz: ${#names[@]} harnesses, $failed failed (seed 1, $SQZ_FUZZ_RUNS runs each)"
else
	echo "fuzz: ${#names[@]} harnesses, $failed failed ($secs s each)"
fi
[ "$failed" = 0 ]

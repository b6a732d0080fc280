#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine (as root) or a dev box:
#   installs what is missing, builds with -Werror, runs the project checks,
#   the C unit tests of src/core under ASan+UBSan, and every .phpt with PHP's
#   run-tests.php (-j2). The last line is "N passed, N failed, N skipped".
# Options (environment):
#   SQZ_TESTS="tests/Config tests/Store"   run only these phpt folders/files
#   SQZ_VALGRIND=0                         skip the second phpt run under valgrind (default: on)
#   SQZ_SUITE=phpt                         only build and the phpt (scripts/matrix.sh on a debug
#                                          PHP, whose own leak and refcount reports replace valgrind)
#   SQZ_DEBIAN13=0                         on a Debian 12 host (as root), do not also run the whole
#                                          suite again in a Debian 13 / PHP 8.4 root (scripts/debian13.sh)
#   SQZ_DEBIAN13_VALGRIND=1                that Debian 13 run with its valgrind pass too (default: without)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

passed=0 failed=0 skipped=0
record() { # record <name> <status>; 77 = skipped, as automake's tests say
	if [ "$2" = 0 ]; then passed=$((passed + 1));
	elif [ "$2" = 77 ]; then skipped=$((skipped + 1));
	else failed=$((failed + 1)); echo "FAILED: $1"; fi
}

bash scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }
# Chromium, node and playwright-core for tests/e2e (the phpt skips without them).
bash tests/e2e/setup.sh || true
if ! bash scripts/build.sh; then
	echo "build failed"
	echo "$passed passed, $((failed + 1)) failed"
	exit 1
fi

if [ "${SQZ_SUITE:-all}" = all ]; then
	echo "== project checks"
	bash scripts/check-core.sh; record core-check $?
	bash scripts/check-arginfo.sh; record arginfo-check $?
	bash scripts/check-format.sh; record format-check $?
	php scripts/package-xml.php --check; record package-xml-check $?
	# pecl package, pecl install into a scratch PEAR root, every path checked.
	bash scripts/check-package.sh; record package-install-check $?

	echo "== C unit tests of src/core (ASan + UBSan)"
	core_out=$(bash scripts/core-tests.sh 2>&1); core_rc=$?
	echo "$core_out"
	core_line=$(echo "$core_out" | tail -n1)
	if [[ "$core_line" =~ core:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
		passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
		[ "$core_rc" != 0 ] && [ "${BASH_REMATCH[2]}" = 0 ] && failed=$((failed + 1))
	else
		record core-tests 1
	fi

	# Reproducible by default (seed 1, a fixed number of inputs): a red run is a
	# finding anyone can replay, never bad luck. SQZ_FUZZ_SECONDS=N explores for
	# N seconds per harness instead (scripts/fuzz.sh for real fuzzing sessions).
	if [ -n "${SQZ_FUZZ_SECONDS:-}" ]; then
		echo "== fuzz smoke (libFuzzer + ASan/UBSan, $SQZ_FUZZ_SECONDS s per harness)"
		bash scripts/fuzz.sh "$SQZ_FUZZ_SECONDS"; record fuzz-smoke $?
	else
		echo "== fuzz smoke (libFuzzer + ASan/UBSan, seed 1, ${SQZ_FUZZ_RUNS:-20000} inputs per harness)"
		SQZ_FUZZ_RUNS=${SQZ_FUZZ_RUNS:-20000} bash scripts/fuzz.sh 1; record fuzz-smoke $?
	fi

fi # SQZ_SUITE=all

run_phpt() { # run_phpt <label> [extra run-tests args...]
	local label=$1; shift
	local log ext_args
	log=$(mktemp)
	# No php.ini for the tests (-n), the host's other shared extensions
	# loaded by name: where sqzgraph is installed system-wide too, its ini
	# would load a second sqzgraph ("Module already loaded" in every test).
	mapfile -t ext_args < <(php scripts/php-ext-args.php)
	TEST_PHP_EXECUTABLE=$(command -v php) NO_INTERACTION=1 REPORT_EXIT_STATUS=0 \
		php "$(bash scripts/php-build-dir.sh)/run-tests.php" \
		-q -j2 --show-diff -n "${ext_args[@]}" "$@" \
		-d extension="$root/modules/sqzgraph.so" ${PHPT_DIRS:-${SQZ_TESTS:-tests}} >"$log" 2>&1
	# The diffs of failed tests, then run-tests.php's own summary of them.
	sed -n '/^========DIFF========/,/^========DONE========/p' "$log" | head -400
	sed -n '/^FAILED TEST SUMMARY/,/^=====/p; /^LEAKED TEST SUMMARY/,/^=====/p; /^BORKED/,/^=====/p; /^WARNED TEST SUMMARY/,/^=====/p' "$log" | sed "s/^/[$label] /"
	local p f s b l w
	p=$(sed -n 's/^Tests passed *: *\([0-9]*\).*/\1/p' "$log"); p=${p:-0}
	# "Warned": passed, but only on run-tests.php's retry after an error it
	# deems transient (or an XFAIL test that passes). Counted with the passed
	# ones, and named above, so that no test drops out of the count.
	w=$(sed -n 's/^Tests warned *: *\([0-9]*\).*/\1/p' "$log"); w=${w:-0}
	p=$((p + w))
	f=$(sed -n 's/^Tests failed *: *\([0-9]*\).*/\1/p' "$log"); f=${f:-0}
	s=$(sed -n 's/^Tests skipped *: *\([0-9]*\).*/\1/p' "$log"); s=${s:-0}
	b=$(grep -c '^BORK' "$log"); l=$(sed -n 's/^Tests leaked *: *\([0-9]*\).*/\1/p' "$log"); l=${l:-0}
	passed=$((passed + p)); failed=$((failed + f + b + l)); skipped=$((skipped + s))
	echo "[$label] phpt: $p passed ($w of them warned), $f failed, $l leaked, $b borked, $s skipped"
	if [ "$p" = 0 ] && [ "$f" = 0 ]; then
		echo "[$label] run-tests.php ran no test:"; tail -n 30 "$log"; failed=$((failed + 1))
	fi
	rm -f "$log"
}

# PdoStore's tests need PostgreSQL and MariaDB: throwaway servers on unix
# sockets in a fresh folder (scripts/db-servers.sh), started here, outside
# run-tests.php (so the valgrind pass never traces them), stopped whatever
# happens. Their SQZ_PGSQL_* / SQZ_MYSQL_* variables reach every test and its
# children; a test run by hand without them skips (tests/db.inc). Servers
# that do not start are a failure, not a suite of skipped tests.
db_dir=
stop_db_servers() {
	if [ -n "$db_dir" ]; then
		bash scripts/db-servers.sh stop "$db_dir"
		db_dir=
	fi
}
trap stop_db_servers EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
echo "== database servers (PostgreSQL, MariaDB on unix sockets)"
db_dir=$(mktemp -d /tmp/sqzgraph-db.XXXXXX)
if db_env=$(bash scripts/db-servers.sh start "$db_dir"); then
	eval "$db_env"
	echo "$db_env" | sed -n 's/^export \(SQZ_[A-Z]*_DSN\)=/\1=/p'
	record db-servers 0
else
	# start removed the folder and stopped what it had started
	db_dir=
	record db-servers 1
fi
unset db_env

echo "== phpt (run-tests.php -j2)"
run_phpt phpt
if [ "${SQZ_VALGRIND:-1}" = 1 ] && [ "${SQZ_SUITE:-all}" = all ]; then
	# Memory safety is part of passing: the same phpt under valgrind, with
	# PHP's allocator off so that every allocation is seen, and a full leak
	# check (run-tests' -m alone does not report definite leaks as errors).
	# PCRE's JIT confuses memcheck, so it is off for this run. The mock
	# tenant's own tests (tests/MockTenant) exercise PHP code, not the
	# extension, and their concurrency checks need real-time speed: they run
	# in the first pass only.
	echo "== phpt under valgrind (USE_ZEND_ALLOC=0, leak-check=full)"
	# run-tests traces children: keep the mock tenant's servers, system tools
	# and the child processes that tests kill on purpose (kill tests, lock
	# holders, time-zone children: their scripts are named *child*) out of it.
	USE_ZEND_ALLOC=0 VALGRIND_OPTS="--leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --trace-children-skip=*/date,*/sh,*/bash,*/dash,*/env,*/sleep,*/kill,*/node,*/chromium,*/openssl,*/curl,*/script,*/stty --trace-children-skip-by-arg=*/mock-tenant/*,*child*" \
		PHPT_DIRS="${SQZ_TESTS:-$(ls -d tests/*/ | grep -v -e 'tests/MockTenant/' -e 'tests/mock-tenant/' | tr '\n' ' ')}" \
		run_phpt valgrind -m -d pcre.jit=0
fi

stop_db_servers

# The current Debian as well: on a Debian 12 host run as root (CI, a fresh
# machine), the same suite in a Debian 13 root with PHP 8.4 — a platform
# this host's packages cannot show (json-c 0.18, curl 8.14, PHP 8.4).
if [ "${SQZ_DEBIAN13:-1}" != 0 ] && [ "${SQZ_SUITE:-all}" = all ] && [ "$(id -u)" = 0 ] \
	&& [ "$(. /etc/os-release 2>/dev/null; echo "${ID:-}-${VERSION_ID:-}")" = debian-12 ]; then
	echo "== the whole suite in a Debian 13 root (PHP 8.4; SQZ_DEBIAN13=0 skips this)"
	d13_log=$(mktemp)
	# Without its valgrind pass (SQZ_DEBIAN13_VALGRIND=1 adds it): both
	# platforms under valgrind no longer fit CI's 90 minutes on two cores
	# since the database tests; memory safety is checked by this host's pass,
	# the core's ASan/UBSan tests and fuzzers (here and there), and the ZTS
	# debug PHP of scripts/matrix.sh.
	bash scripts/debian13.sh "SQZ_VALGRIND=${SQZ_DEBIAN13_VALGRIND:-0} bash scripts/test.sh" >"$d13_log" 2>&1
	d13_rc=$?
	grep -E '^(FAILED|== |\[[a-z]+\] (phpt:|FAIL|LEAK|BORK|WARN)|core:|fuzz:|debian13:)' "$d13_log" | sed 's/^/[debian 13] /'
	sed -n '/^========DIFF========/,/^========DONE========/p' "$d13_log" | head -200
	d13_last=$(tail -n1 "$d13_log")
	if [ "$d13_rc" = 77 ]; then
		skipped=$((skipped + 1))
	elif [[ "$d13_last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed(,\ ([0-9]+)\ skipped)?$ ]]; then
		# Nothing ran (set-up or build failed inside the root): say why.
		[ "$d13_rc" != 0 ] && [ "${BASH_REMATCH[1]}" = 0 ] && tail -n 30 "$d13_log" | sed 's/^/[debian 13] /'
		echo "[debian 13] $d13_last"
		passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2])); skipped=$((skipped + ${BASH_REMATCH[4]:-0}))
		[ "$d13_rc" != 0 ] && [ "${BASH_REMATCH[2]}" = 0 ] && failed=$((failed + 1))
	else
		tail -n 30 "$d13_log"
		record debian-13 1
	fi
	rm -f "$d13_log"
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]

#!/usr/bin/env bash
# The test suite on every supported platform, from a Debian 12 machine (as root):
#
#   php 8.2 nts release (debian 12)   this machine: bash scripts/test.sh
#   php 8.4 nts release (debian 13)   a Debian 13 root made with mmdebstrap, entered
#                                     with chroot: bash scripts/test.sh inside it
#                                     (scripts/debian13.sh)
#   php 8.2 zts debug                 PHP 8.2 from Debian's source package, built with
#                                     --enable-debug --enable-zts: the build and the phpt
#                                     (the debug engine reports leaks and refcount errors)
#
# What it prepares is kept under SQZ_MATRIX_DIR (default /var/cache/sqzgraph-matrix):
# debian-13-root/, php-8.2-src/ and php-8.2-zts-debug/. A first run builds them (about
# 25 minutes on 2 cores besides the suites); later runs reuse them. Each configuration
# tests a copy of this working tree (committed and untracked files, not the ignored
# build output), so the configurations never share a build.
#
# Prints one line per configuration and last "N passed, N failed, N skipped" over all.
# Options (environment):
#   SQZ_MATRIX="deb12 deb13 zts"   the configurations to run (default: all three)
#   SQZ_MATRIX_DIR=DIR             where the roots and builds are kept
#   SQZ_DEBIAN_MIRROR=URL          Debian mirror for the Debian 13 root (default deb.debian.org)
#   SQZ_VALGRIND, SQZ_TESTS        passed on to scripts/test.sh
set -uo pipefail
cd "$(dirname "$0")/.."
tree=$(pwd)
dir=${SQZ_MATRIX_DIR:-/var/cache/sqzgraph-matrix}
mirror=${SQZ_DEBIAN_MIRROR:-http://deb.debian.org/debian}
configs=${SQZ_MATRIX:-deb12 deb13 zts}

if [ "$(id -u)" != 0 ]; then
	echo "matrix: run as root (it installs packages, builds a Debian 13 root and enters it with chroot)" >&2
	exit 1
fi
mkdir -p "$dir"
log_dir="$dir/logs"
mkdir -p "$log_dir"

copy_tree() { # copy_tree <destination>: the working tree as it is, with its .git, without build output
	rm -rf "$1"
	mkdir -p "$1"
	{ git -C "$tree" ls-files -z --cached --others --exclude-standard; printf '.git\0'; } |
		(cd "$tree" && tar -cf - --null -T -) | tar -xf - -C "$1"
}

summary=() total_passed=0 total_failed=0 total_skipped=0
tally() { # tally <label> <log> <seconds>
	local last
	last=$(tail -n1 "$2")
	if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed(,\ ([0-9]+)\ skipped)?$ ]]; then
		total_passed=$((total_passed + BASH_REMATCH[1]))
		total_failed=$((total_failed + BASH_REMATCH[2]))
		total_skipped=$((total_skipped + ${BASH_REMATCH[4]:-0}))
		summary+=("$1: $last ($(($3 / 60)) min $(($3 % 60)) s)")
	else
		total_failed=$((total_failed + 1))
		summary+=("$1: did not finish (log: $2)")
	fi
}

run_config() { # run_config <label> <log> <command...>
	local label=$1 log=$2 start
	shift 2
	echo "== $label (log: $log)"
	start=$(date +%s)
	"$@" >"$log" 2>&1
	grep -E '^(FAILED|\[[a-z]+\] (phpt:|FAIL|LEAK|BORK|WARN))' "$log" | head -40
	tally "$label" "$log" $(($(date +%s) - start))
	echo "${summary[-1]}"
}

# --- php 8.2 nts release (debian 12): this machine -------------------------
if [[ " $configs " == *" deb12 "* ]]; then
	copy_tree "$dir/work/debian-12/main"
	# SQZ_DEBIAN13=0: Debian 13 is its own line below, not part of this one.
	run_config "php 8.2 nts release (debian 12)" "$log_dir/debian-12.log" \
		env SQZ_VALGRIND="${SQZ_VALGRIND:-1}" SQZ_DEBIAN13=0 ${SQZ_TESTS:+SQZ_TESTS="$SQZ_TESTS"} \
		bash "$dir/work/debian-12/main/scripts/test.sh"
fi

# --- php 8.4 nts release (debian 13): a root file system (scripts/debian13.sh)
if [[ " $configs " == *" deb13 "* ]]; then
	run_config "php 8.4 nts release (debian 13)" "$log_dir/debian-13.log" \
		env SQZ_MATRIX_DIR="$dir" SQZ_DEBIAN_MIRROR="$mirror" SQZ_DEBIAN13=0 bash scripts/debian13.sh "bash scripts/test.sh"
fi

# --- php 8.2 zts debug: PHP built from Debian's source package -------------
zts="$dir/php-8.2-zts-debug"
if [[ " $configs " == *" zts "* ]]; then
	# A build made before PdoStore lacks its drivers: build again rather than skip those tests.
	# (The module list is read whole first: under pipefail, grep -q ending the pipe early
	# would kill php with SIGPIPE and look like a missing driver.)
	zts_modules=$([ -x "$zts/bin/php" ] && "$zts/bin/php" -m 2>/dev/null)
	if ! grep -qx pdo_pgsql <<<"$zts_modules" || ! grep -qx pdo_mysql <<<"$zts_modules"; then
		echo "== building PHP 8.2 (debug, ZTS) from Debian's source package into $zts (about 15 minutes)"
		bash scripts/build-php-debug.sh "$dir" >"$log_dir/php-zts-build.log" 2>&1 ||
			{ tail -n 30 "$log_dir/php-zts-build.log"; echo "matrix: the PHP build failed (log: $log_dir/php-zts-build.log)"; exit 1; }
	fi
	copy_tree "$dir/work/zts/main"
	run_config "php 8.2 zts debug" "$log_dir/zts-debug.log" \
		env PATH="$zts/bin:$PATH" SQZ_SUITE=phpt ${SQZ_TESTS:+SQZ_TESTS="$SQZ_TESTS"} bash "$dir/work/zts/main/scripts/test.sh"
fi

echo
printf '%s\n' "${summary[@]}"
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
[ "$total_failed" = 0 ]

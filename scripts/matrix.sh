#!/usr/bin/env bash
# The test suite on every supported platform, from a Debian 12 machine (as root):
#
#   php 8.2 nts release (debian 12)   this machine: bash scripts/test.sh
#   php 8.4 nts release (debian 13)   a Debian 13 root made with mmdebstrap, entered
#                                     with chroot: bash scripts/test.sh inside it
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

apt_install() { # apt_install <package>...: only what is missing
	local missing=() p
	for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
	[ ${#missing[@]} = 0 ] && return 0
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

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
	run_config "php 8.2 nts release (debian 12)" "$log_dir/debian-12.log" \
		env SQZ_VALGRIND="${SQZ_VALGRIND:-1}" ${SQZ_TESTS:+SQZ_TESTS="$SQZ_TESTS"} bash "$dir/work/debian-12/main/scripts/test.sh"
fi

# --- php 8.4 nts release (debian 13): a root file system -------------------
root13="$dir/debian-13-root"
mounted=()
unmount_all() {
	local m
	for m in "${mounted[@]}"; do umount -R "$m" 2>/dev/null || umount -lR "$m" 2>/dev/null || true; done
	mounted=()
}
trap unmount_all EXIT
enter13() { # enter13 <command>: a login-like shell in the Debian 13 root
	chroot "$root13" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb \
		${CI:+CI="$CI"} ${SQZ_VALGRIND:+SQZ_VALGRIND="$SQZ_VALGRIND"} ${SQZ_TESTS:+SQZ_TESTS="$SQZ_TESTS"} \
		bash -c "$1"
}
if [[ " $configs " == *" deb13 "* ]]; then
	if [ ! -x "$root13/usr/bin/apt-get" ]; then
		echo "== preparing the Debian 13 root in $root13 (mmdebstrap, a few minutes)"
		apt_install mmdebstrap || { echo "matrix: cannot install mmdebstrap"; exit 1; }
		rm -rf "$root13.partial"
		if ! mmdebstrap --variant=apt --include=ca-certificates trixie "$root13.partial" "$mirror" \
			>"$log_dir/mmdebstrap.log" 2>&1; then
			tail -n 20 "$log_dir/mmdebstrap.log"
			echo "matrix: mmdebstrap failed (log: $log_dir/mmdebstrap.log)"; exit 1
		fi
		mv "$root13.partial" "$root13"
	fi
	# What the suite needs: processes (/proc), devices and pseudo-terminals
	# (/dev, the progress-bar test), the name server.
	for m in proc dev sys; do
		mountpoint -q "$root13/$m" || { mount --rbind "/$m" "$root13/$m" && mount --make-rslave "$root13/$m" && mounted+=("$root13/$m"); }
	done
	cp /etc/resolv.conf "$root13/etc/resolv.conf"
	copy_tree "$root13/root/sqzgraph"
	# The root's package lists are refreshed once per run: mmdebstrap leaves
	# none. git, as on any machine the project was cloned to.
	enter13 "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq git" \
		>"$log_dir/debian-13-apt.log" 2>&1 || { cat "$log_dir/debian-13-apt.log"; echo "matrix: apt-get failed in $root13"; exit 1; }
	run_config "php 8.4 nts release (debian 13)" "$log_dir/debian-13.log" \
		enter13 "cd /root/sqzgraph && bash scripts/test.sh"
	unmount_all
fi

# --- php 8.2 zts debug: PHP built from Debian's source package -------------
zts="$dir/php-8.2-zts-debug"
if [[ " $configs " == *" zts "* ]]; then
	if [ ! -x "$zts/bin/php" ]; then
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

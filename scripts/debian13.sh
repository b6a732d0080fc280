#!/usr/bin/env bash
# Runs a command of this project inside a Debian 13 ("trixie", PHP 8.4) root
# file system, from a Debian 12 host, as root. Never installs Debian 13
# packages into the host:
#   - the root is made once with mmdebstrap (a Debian 12 package) under
#     $SQZ_MATRIX_DIR/debian-13-root (default /var/cache/sqzgraph-matrix) and reused;
#   - /proc, /dev and /sys are bind-mounted while the command runs and
#     unmounted after, whatever happens;
#   - the working tree (committed and untracked files and .git, not the build
#     output) is copied to /root/sqzgraph inside it, so nothing is shared with
#     the host's build.
#   bash scripts/debian13.sh [command]     (default: bash scripts/test.sh)
# Exit status: the command's; 77 when this machine cannot make or enter the
# root (not Debian 12, not root, mmdebstrap or mount refused), with the reason.
set -uo pipefail
cd "$(dirname "$0")/.."
tree=$(pwd)
dir=${SQZ_MATRIX_DIR:-/var/cache/sqzgraph-matrix}
mirror=${SQZ_DEBIAN_MIRROR:-http://deb.debian.org/debian}
root13="$dir/debian-13-root"
command=${1:-bash scripts/test.sh}

skip() { echo "debian13: skipped: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "needs root (mmdebstrap, mount, chroot)"
[ "$(. /etc/os-release 2>/dev/null; echo "${ID:-}-${VERSION_ID:-}")" = debian-12 ] || skip "the host is not Debian 12"
mkdir -p "$dir/logs" || skip "cannot create $dir"

if [ ! -x "$root13/usr/bin/apt-get" ]; then
	echo "debian13: making the Debian 13 root in $root13 (mmdebstrap, about a minute)"
	if ! dpkg -s mmdebstrap >/dev/null 2>&1; then
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap >/dev/null; } ||
			skip "cannot install mmdebstrap"
	fi
	rm -rf "$root13.partial"
	if ! mmdebstrap --variant=apt --include=ca-certificates trixie "$root13.partial" "$mirror" >"$dir/logs/mmdebstrap.log" 2>&1; then
		tail -n 20 "$dir/logs/mmdebstrap.log"
		rm -rf "$root13.partial"
		echo "debian13: mmdebstrap failed (log: $dir/logs/mmdebstrap.log)"
		exit 1
	fi
	mv "$root13.partial" "$root13"
fi

mounted=()
unmount_all() {
	local m
	for m in "${mounted[@]}"; do umount -R "$m" 2>/dev/null || umount -lR "$m" 2>/dev/null || true; done
	mounted=()
}
trap unmount_all EXIT
# What the suite needs: processes (/proc), devices and pseudo-terminals
# (/dev, the progress-bar test), /sys; the host's name server.
for m in proc dev sys; do
	if ! mountpoint -q "$root13/$m"; then
		mount --rbind "/$m" "$root13/$m" 2>/dev/null || skip "mount --rbind /$m refused here (a container without CAP_SYS_ADMIN?)"
		mount --make-rslave "$root13/$m"
		mounted+=("$root13/$m")
	fi
done
cp /etc/resolv.conf "$root13/etc/resolv.conf"
# The certificate authorities this host's administrator added (a company
# proxy's, say): the root trusts what the host trusts (npm, for the browser
# test, goes through them).
ca_env=()
if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
	mkdir -p "$root13/usr/local/share/ca-certificates"
	cp /usr/local/share/ca-certificates/*.crt "$root13/usr/local/share/ca-certificates/"
	ca_env=(NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt)
fi

rm -rf "$root13/root/sqzgraph"
mkdir -p "$root13/root/sqzgraph"
{ git -C "$tree" ls-files -z --cached --others --exclude-standard; printf '.git\0'; } |
	(cd "$tree" && tar -cf - --null -T -) | tar -xf - -C "$root13/root/sqzgraph"

enter() {
	chroot "$root13" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb \
		"${ca_env[@]}" \
		${CI:+CI="$CI"} ${SQZ_VALGRIND:+SQZ_VALGRIND="$SQZ_VALGRIND"} ${SQZ_TESTS:+SQZ_TESTS="$SQZ_TESTS"} \
		${SQZ_SUITE:+SQZ_SUITE="$SQZ_SUITE"} bash -c "$1"
}
# mmdebstrap leaves no package lists: refresh them once per run. git, as on
# any machine the project was cloned to (package.xml's check lists its files).
if ! enter "update-ca-certificates >/dev/null 2>&1; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq git >/dev/null" >"$dir/logs/debian-13-apt.log" 2>&1; then
	tail -n 20 "$dir/logs/debian-13-apt.log"
	echo "debian13: apt-get failed in $root13 (log: $dir/logs/debian-13-apt.log)"
	exit 1
fi
enter "cd /root/sqzgraph && $command"

#!/usr/bin/env bash
# Installs what sqzgraph needs on Debian 12 (PHP 8.2) or Debian 13 (PHP 8.4),
# as root, only when missing, and makes gen_stub.php work offline with
# Debian's php-parser.
set -euo pipefail

# The PHP series: the one installed (php-config), else the distribution's
# own (Debian 12 ships 8.2, Debian 13 8.4), else whatever php-cli names.
series=
if command -v php-config >/dev/null 2>&1; then
	series=$(php-config --version | cut -d. -f1,2)
else
	case "$(. /etc/os-release 2>/dev/null; echo "${ID:-}-${VERSION_ID:-}")" in
	debian-12) series=8.2 ;;
	debian-13) series=8.4 ;;
	esac
fi
updated=0
apt_update() {
	[ "$updated" = 1 ] && return 0
	apt-get update -qq
	updated=1
}
if [ -z "$series" ] && [ "$(id -u)" = 0 ]; then
	apt_update
	series=$(apt-cache depends php-cli 2>/dev/null | sed -n 's/.*Depends: php\([0-9]*\.[0-9]*\)-cli.*/\1/p' | head -n1)
fi
if [ -z "$series" ]; then
	echo "sqzgraph setup: cannot tell which PHP to install here; install php-dev, php-cli, php-curl and php-sqlite3 of one PHP series (8.2 or later)" >&2
	exit 1
fi

# PostgreSQL and MariaDB (Debian 12: 15 and 10.11; Debian 13: 17 and 11.8)
# for PdoStore's tests, which start their own throwaway servers on unix
# sockets (scripts/db-servers.sh); the system services stay off.
packages=("php$series-dev" "php$series-cli" "php$series-curl" "php$series-sqlite3"
	"php$series-pgsql" "php$series-mysql" php-pear php-parser
	libcurl4-openssl-dev libssl-dev libjson-c-dev zlib1g-dev libisal-dev pkg-config make gcc valgrind
	postgresql mariadb-server)
missing=()
for p in "${packages[@]}"; do
	dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done

# Debian's server packages start their service on install and enable it at
# boot. A policy-rc.d answering 101 ("action forbidden") while apt-get runs
# keeps invoke-rc.d / deb-systemd-invoke from starting anything (also in a
# chroot, where a started server would outlive the command); the one the
# machine had (Docker images ship one) is put back afterwards.
policy=/usr/sbin/policy-rc.d
policy_saved=
restore_policy() {
	if [ -n "$policy_saved" ]; then
		mv -f "$policy_saved" "$policy"
	else
		rm -f "$policy"
	fi
}
# The services of the server packages this run installed: disabled at boot
# (systemd's links and the SysV ones), stopped should one run all the same.
disable_service() { # disable_service <name>
	if command -v systemctl >/dev/null 2>&1; then
		if [ -d /run/systemd/system ]; then
			systemctl disable --now "$1" >/dev/null 2>&1 || true
		else
			systemctl disable "$1" >/dev/null 2>&1 || true
		fi
	fi
	# Without systemctl (a container, a chroot) the links that the package's
	# deb-systemd-helper made would still start it once systemd boots.
	rm -f /etc/systemd/system/*.wants/"$1".service
	update-rc.d "$1" disable >/dev/null 2>&1 || true
	if [ ! -d /run/systemd/system ] && [ -x "/etc/init.d/$1" ]; then
		"/etc/init.d/$1" stop >/dev/null 2>&1 || true
	fi
}

# The process ids of running database servers (procps may be absent in a
# fresh root, /proc is not).
server_pids() {
	local f
	for f in /proc/[0-9]*/comm; do
		case "$(cat "$f" 2>/dev/null)" in
		postgres | mariadbd | mysqld) f=${f#/proc/}; echo "${f%/comm}" ;;
		esac
	done | sort
}

if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "sqzgraph setup: missing packages: ${missing[*]}; run as root or: apt-get install ${missing[*]}" >&2
		exit 1
	fi
	echo "sqzgraph setup: installing ${missing[*]}"
	apt_update
	servers_before=$(server_pids)
	if [ -e "$policy" ]; then
		policy_saved=$(mktemp "$policy.sqzgraph.XXXXXX")
		cp -p "$policy" "$policy_saved"
	fi
	trap restore_policy EXIT
	printf '#!/bin/sh\n# sqzgraph setup.sh: no service starts while it installs packages\nexit 101\n' >"$policy"
	chmod 755 "$policy"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	restore_policy
	trap - EXIT
	for p in "${missing[@]}"; do
		case "$p" in
		postgresql) disable_service postgresql ;;
		mariadb-server) disable_service mariadb ;;
		esac
	done
	# Nothing of the two servers may run now that did not run before.
	started=$(comm -13 <(echo "$servers_before") <(server_pids))
	if [ -n "$started" ]; then
		echo "sqzgraph setup: database servers left running by the installation: $(echo "$started" | tr '\n' ' ')" >&2
		exit 1
	fi
fi

# gen_stub.php wants to download the PHP-Parser release it names next to
# itself; Debian's php-parser is that library, so point the folder at it.
build_dir=$(php-config --prefix)/lib/php/$(php-config --phpapi)/build
if [ -f "$build_dir/gen_stub.php" ]; then
	parser_version=$(sed -n 's/^ *\$version = "\([0-9.]*\)";.*/\1/p' "$build_dir/gen_stub.php" | head -n1)
	parser_dir="$build_dir/PHP-Parser-${parser_version:-4.15.1}"
	if [ ! -e "$parser_dir/lib" ] && [ -d /usr/share/php/PhpParser ]; then
		mkdir -p "$parser_dir"
		ln -sfn /usr/share/php "$parser_dir/lib"
	fi
fi

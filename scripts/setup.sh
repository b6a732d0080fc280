#!/usr/bin/env bash
# Installs what sqzgraph needs on Debian 12 (as root), only when missing,
# and makes gen_stub.php work offline with Debian's php-parser.
set -euo pipefail

packages=(php8.2-dev php8.2-cli php8.2-curl php8.2-sqlite3 php-pear php-parser
	libcurl4-openssl-dev libssl-dev libjson-c-dev pkg-config make gcc valgrind)
missing=()
for p in "${packages[@]}"; do
	dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "sqzgraph setup: missing packages: ${missing[*]}; run as root or: apt-get install ${missing[*]}" >&2
		exit 1
	fi
	echo "sqzgraph setup: installing ${missing[*]}"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# gen_stub.php wants to download PHP-Parser 4.15.1 next to itself; Debian's
# php-parser is that library, so point the expected folder at it.
build_dir=$(php-config --extension-dir | sed 's#/usr/lib/php/\([0-9]*\).*#/usr/lib/php/\1/build#')
if [ -f "$build_dir/gen_stub.php" ] && [ ! -e "$build_dir/PHP-Parser-4.15.1/lib" ]; then
	mkdir -p "$build_dir/PHP-Parser-4.15.1"
	ln -sfn /usr/share/php "$build_dir/PHP-Parser-4.15.1/lib"
fi

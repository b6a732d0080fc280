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

packages=("php$series-dev" "php$series-cli" "php$series-curl" "php$series-sqlite3" php-pear php-parser
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
	apt_update
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
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

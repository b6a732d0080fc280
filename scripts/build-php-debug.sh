#!/usr/bin/env bash
# Builds a debug, thread-safe (ZTS) PHP 8.2 from Debian 12's source package
# (its patches applied) into <dir>/php-8.2-zts-debug, with the extensions the
# test suite and the mock tenant load (PdoStore's PostgreSQL and MariaDB drivers too). Used by scripts/matrix.sh; as root.
#   bash scripts/build-php-debug.sh [dir]   (default /var/cache/sqzgraph-matrix)
set -euo pipefail
dir=${1:-/var/cache/sqzgraph-matrix}
prefix="$dir/php-8.2-zts-debug"
src="$dir/php-8.2-src"
mkdir -p "$dir"

missing=()
for p in dpkg-dev autoconf libtool shtool bison re2c pkg-config make gcc libxml2-dev libsqlite3-dev zlib1g-dev \
	libcurl4-openssl-dev libssl-dev libpq-dev; do
	dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
sources=/etc/apt/sources.list.d/sqzgraph-bookworm-src.sources
if ! grep -rqs '^Types: deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src .* bookworm' /etc/apt/sources.list; then
	cat >"$sources" <<'EOF'
# Added by sqzgraph's scripts/build-php-debug.sh: PHP's source package.
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
fi
apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -f "$src/main/php_version.h" ]; then
	download=$(mktemp -d "$dir/download.XXXXXX")
	# The newest source first; a mirror may lack the security archive's.
	fetched=
	for version in "" $(apt-cache showsrc php8.2 | sed -n 's/^Version: //p' | sort -rV); do
		if (cd "$download" && apt-get source -qq --download-only "php8.2${version:+=$version}") >/dev/null 2>&1; then
			fetched=yes
			break
		fi
	done
	[ -n "$fetched" ] || { echo "cannot download the php8.2 source package"; exit 1; }
	rm -rf "$src"
	dpkg-source -x "$download"/php8.2_*.dsc "$src" >/dev/null
	rm -rf "$download"
fi

cd "$src"
# Debian's patches touch the build system: regenerate configure.
./buildconf --force >/dev/null
./configure --prefix="$prefix" --enable-debug --enable-zts \
	--disable-all --disable-cgi --disable-phpdbg --enable-cli --without-pear \
	--with-curl --with-openssl --with-zlib --enable-pcntl --enable-posix --enable-sockets \
	--enable-pdo --with-pdo-sqlite --with-sqlite3 --with-pdo-pgsql --enable-mysqlnd --with-pdo-mysql=mysqlnd --with-iconv --enable-opcache \
	--enable-ctype --enable-tokenizer --enable-filter --enable-session --enable-phar \
	--with-libxml --enable-dom --enable-xml --enable-simplexml --enable-xmlwriter --enable-xmlreader
make -j"$(nproc)"
make install
# Debian's phpize takes libtool's and pkg-config's m4 files from
# $prefix/share/aclocal, which is /usr/share/aclocal only for /usr.
sed -i 's#^aclocaldir=.*#aclocaldir="/usr/share/aclocal"#' "$prefix/bin/phpize"
# OPcache is a Zend extension: load it the way Debian's php.ini does.
mkdir -p "$prefix/lib"
echo "zend_extension=opcache.so" >"$prefix/lib/php.ini"
"$prefix/bin/php" -v

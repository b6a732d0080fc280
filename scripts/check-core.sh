#!/usr/bin/env bash
# The core (src/core) is pure C on libcurl, OpenSSL, json-c and zlib or ISA-L: it must never
# include a PHP or Zend header. Fails listing each offending include.
set -uo pipefail
cd "$(dirname "$0")/.."
offenders=$(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]*/)?(php[^/>"]*|zend[^/>"]*|Zend/[^>"]*|main/[^>"]*|ext/[^>"]*|TSRM[^>"]*)[>"]' src/core/*.[ch] 2>/dev/null)
if [ -n "$offenders" ]; then
	echo "src/core includes PHP/Zend headers (move that code to src/php):"
	echo "$offenders"
	exit 1
fi
# Compile every core file alone, without PHP's include paths: an indirect
# include of a Zend header fails here even if the grep above misses it.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in src/core/*.c; do
	gcc -std=gnu11 -fsyntax-only -Isrc -Isrc/core $(pkg-config --cflags libcurl libcrypto json-c) "$f" 2>"$tmp/err" || {
		echo "src/core file does not compile without PHP headers: $f"; cat "$tmp/err"; exit 1; }
done
echo "core check: src/core includes no PHP/Zend header"

#!/usr/bin/env bash
# Regenerates every *_arginfo.h from its .stub.php with the php-dev package's
# gen_stub.php and fails when the committed file differs.
set -uo pipefail
cd "$(dirname "$0")/.."
# The committed files come from PHP 8.2's gen_stub.php, the oldest PHP
# supported: its output builds on every later one, while a newer generator's
# output differs in form (not in meaning) and may use what 8.2 lacks.
reference=8.2
if [ "$(php-config --version | cut -d. -f1,2)" != "$reference" ]; then
	echo "arginfo check: skipped (the _arginfo.h files are generated with PHP $reference's gen_stub.php; this is PHP $(php-config --version))"
	exit 77
fi
gen=$(bash scripts/php-build-dir.sh)/gen_stub.php
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0
while IFS= read -r stub; do
	arginfo="${stub%.stub.php}_arginfo.h"
	mkdir -p "$tmp/$(dirname "$stub")"
	cp "$stub" "$tmp/$stub"
	if ! php "$gen" -f "$tmp/$stub" >"$tmp/gen.log" 2>&1; then
		echo "gen_stub.php failed on $stub:"; cat "$tmp/gen.log"; status=1; continue
	fi
	if [ ! -f "$arginfo" ]; then
		echo "missing committed $arginfo (run: php $gen $stub)"; status=1
	elif ! diff -u "$arginfo" "$tmp/${stub%.stub.php}_arginfo.h" >"$tmp/diff"; then
		echo "$arginfo is stale (run: php $gen $stub):"; cat "$tmp/diff"; status=1
	fi
done < <(find src -name '*.stub.php' | sort)
[ "$status" = 0 ] && echo "arginfo check: every _arginfo.h matches its stub"
exit "$status"

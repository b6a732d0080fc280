#!/usr/bin/env bash
# Builds modules/sqzgraph.so in the source tree (phpize, configure, make).
# SQZ_DEV=1 (the default here) compiles with -Wall -Wextra -Werror.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

# One build at a time in this tree: two configures racing break each other.
exec 9>"${TMPDIR:-/tmp}/sqzgraph-build-$(id -u)-$(pwd | sha256sum | cut -c1-12).lock"
flock 9

flags=(--with-sqzgraph)
[ "${SQZ_DEV:-1}" = 1 ] && flags+=(--enable-sqzgraph-dev)
stamp="phpize:$(cat config.m4 | sha256sum | cut -c1-16) ${flags[*]} ${CFLAGS:-}"
if [ ! -f Makefile ] || [ "$(cat .build-stamp 2>/dev/null)" != "$stamp" ]; then
	phpize >/dev/null
	./configure -q "${flags[@]}" >/dev/null
	echo "$stamp" > .build-stamp
fi
# make installs with cp, which rewrites modules/sqzgraph.so in place: a PHP
# process that has it mapped (a test still running) would crash. Unlinking
# first gives the new build a new inode; running processes keep the old one.
rm -f modules/sqzgraph.so modules/sqzgraph.la
make -s -j"$(nproc)" >/dev/null
test -f modules/sqzgraph.so
echo "built: $(pwd)/modules/sqzgraph.so"

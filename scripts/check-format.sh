#!/usr/bin/env bash
# Checks the C sources against .clang-format: sqzgraph.c, php_sqzgraph.h,
# src/ (without the generated *_arginfo.h), tests/core and tests/fuzz.
#   bash scripts/check-format.sh            every file
#   bash scripts/check-format.sh FILE...    only these
# Prints "format check: N files clean", or each file that differs with the
# first lines of its diff; exits 0 / 1, or 77 (skipped) when clang-format
# cannot be installed here.
# The version is pinned: clang-format's output changes between releases, and
# 19 is the first with what .clang-format needs (trailing comments left where
# they are, macro bodies left alone). Debian 12 ships it as clang-format-19,
# Debian 13 as its default clang-format.
set -uo pipefail
cd "$(dirname "$0")/.."

package=clang-format-19
if ! dpkg -s "$package" >/dev/null 2>&1 && ! command -v "$package" >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "format check: installing $package"
		apt-get update -qq >/dev/null 2>&1
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null 2>&1
	fi
fi
if ! command -v "$package" >/dev/null 2>&1; then
	echo "format check: skipped ($package is not installed and could not be: apt-get install $package)"
	exit 77
fi

if [ $# -gt 0 ]; then
	files=("$@")
elif git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	mapfile -t files < <(git ls-files -- sqzgraph.c php_sqzgraph.h 'src/*.c' 'src/*.h' \
		'tests/core/*.c' 'tests/core/*.h' 'tests/fuzz/*.c' 'tests/fuzz/*.h' | grep -v '_arginfo\.h$')
else
	mapfile -t files < <(find sqzgraph.c php_sqzgraph.h src tests/core tests/fuzz \
		-type f \( -name '*.c' -o -name '*.h' \) ! -name '*_arginfo.h' | sort)
fi

tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
clean=0 dirty=0
for f in "${files[@]}"; do
	if "$package" --style=file --dry-run --Werror "$f" >/dev/null 2>&1; then
		clean=$((clean + 1))
		continue
	fi
	dirty=$((dirty + 1))
	"$package" --style=file "$f" | diff -u "$f" - >"$tmp"
	echo "$f: differs in $(grep -c '^@@' "$tmp") place(s) (to apply: $package -i $f)"
	sed -n '3,14p' "$tmp" | sed 's/^/    /'
done
if [ "$dirty" -gt 0 ]; then
	echo "format check: $dirty of ${#files[@]} files differ from .clang-format"
	exit 1
fi
echo "format check: $clean files clean"

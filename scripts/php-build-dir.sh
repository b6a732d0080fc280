#!/usr/bin/env bash
# Prints the folder of the PHP in use (php-config on PATH) that holds
# run-tests.php and gen_stub.php: <prefix>/lib/php/<api>/build, for Debian's
# packages (/usr/lib/php/20220829/build) as for a PHP built from source.
set -euo pipefail
dir="$(php-config --prefix)/lib/php/$(php-config --phpapi)/build"
if [ ! -f "$dir/run-tests.php" ]; then
	echo "php-build-dir: no run-tests.php in $dir; install the PHP dev package (php-dev)" >&2
	exit 1
fi
echo "$dir"

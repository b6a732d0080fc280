#!/usr/bin/env bash
# The package as an administrator gets it: `pecl package`, then `pecl install`
# of that file into a scratch PEAR root, then every installed path checked
# against package.xml — the CLI as bin_dir/sqzgraph, each doc under
# doc_dir/sqzgraph/, each test under test_dir/sqzgraph/, the extension — and
# both run: the installed extension reports this version, the installed CLI
# runs with it (and without it says how to enable it).
# Nothing is written outside the scratch directory: pecl would copy the
# built sqzgraph.so into this PHP's own extension directory, so its
# php_prefix points at a php-config that names a scratch prefix instead.
# Exit 0 = passed, 1 = failed, 77 = skipped (no pecl).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

command -v pecl >/dev/null && command -v pear >/dev/null || { echo "package install check: skipped (no pecl; apt-get install php-pear)"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/sqzgraph-package-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "package install check: $*"; exit 1; }

version=$(sed -n 's/^#define PHP_SQZGRAPH_VERSION "\(.*\)"$/\1/p' php_sqzgraph.h)
[ -n "$version" ] || fail "no PHP_SQZGRAPH_VERSION in php_sqzgraph.h"
host_ext_dir=$(php-config --extension-dir)
touch "$work/started"

(cd "$work" && pecl package "$root/package.xml") >"$work/package.log" 2>&1 \
	|| { cat "$work/package.log"; fail "pecl package failed"; }
tgz="$work/sqzgraph-$version.tgz"
[ -f "$tgz" ] || { cat "$work/package.log"; fail "pecl package made no $tgz"; }

pear config-create "$work/pear" "$work/pear.conf" >/dev/null || fail "pear config-create failed"
mkdir "$work/bin" "$work/prefix"
cat >"$work/bin/php-config" <<EOF
#!/bin/sh
case "\$1" in
--prefix) echo "$work/prefix" ;;
--extension-dir) echo "$work/prefix/ext" ;;
*) exec "$(command -v php-config)" "\$@" ;;
esac
EOF
printf '#!/bin/sh\nexec "%s" "$@"\n' "$(command -v phpize)" >"$work/bin/phpize"
chmod +x "$work/bin/php-config" "$work/bin/phpize"
pear -c "$work/pear.conf" config-set php_prefix "$work/bin/" >/dev/null || fail "pear config-set failed"

# No stdin: pecl takes each configure option's default, as in CI.
if ! MAKEFLAGS="-j$(nproc)" pecl -c "$work/pear.conf" install "$tgz" </dev/null >"$work/install.log" 2>&1 \
	|| ! grep -q "^install ok: channel://pecl.php.net/sqzgraph-$version" "$work/install.log"; then
	tail -n 40 "$work/install.log"
	fail "pecl install failed"
fi
written=$(find "$host_ext_dir" -maxdepth 1 -type f -newer "$work/started" 2>/dev/null)
[ -z "$written" ] || fail "pecl install wrote into this PHP's extension directory: $written"

pecl -c "$work/pear.conf" list-files sqzgraph >"$work/files.txt" 2>&1 || { cat "$work/files.txt"; fail "pecl list-files failed"; }
conf() { pear -c "$work/pear.conf" config-get "$1"; }
mapfile -t ext_args < <(php scripts/php-ext-args.php)
SQZ_PACKAGE_XML="$root/package.xml" SQZ_BIN_DIR=$(conf bin_dir) SQZ_DOC_DIR=$(conf doc_dir) \
	SQZ_TEST_DIR=$(conf test_dir) SQZ_EXT_DIR="$work/prefix/ext" php -n "${ext_args[@]}" -r '
	$xml = simplexml_load_file(getenv("SQZ_PACKAGE_XML"));
	// The built extension: "src" in PEAR 1.10.13 (Debian 12), "ext" in 1.10.16 (Debian 13).
	$expected = ["script " . getenv("SQZ_BIN_DIR") . "/sqzgraph", "ext " . getenv("SQZ_EXT_DIR") . "/sqzgraph.so"];
	foreach ($xml->contents->dir->file as $f) {
		$role = (string) $f["role"];
		if ($role === "doc") {
			$expected[] = "doc " . getenv("SQZ_DOC_DIR") . "/sqzgraph/" . $f["name"];
		} elseif ($role === "test") {
			$expected[] = "test " . getenv("SQZ_TEST_DIR") . "/sqzgraph/" . $f["name"];
		}
	}
	$installed = [];
	foreach (file("php://stdin", FILE_IGNORE_NEW_LINES) as $line) {
		if (preg_match("#^(doc|test|script|src|data|php|ext)\s+(/\S.*)$#", $line, $m)) {
			$installed[] = ($m[1] === "src" && str_ends_with($m[2], ".so") ? "ext" : $m[1]) . " " . $m[2];
		}
	}
	$bad = 0;
	foreach (array_diff($expected, $installed) as $p) { echo "not installed: $p\n"; $bad++; }
	foreach (array_diff($installed, $expected) as $p) { echo "installed where package.xml does not say: $p\n"; $bad++; }
	foreach ($installed as $p) {
		$path = substr($p, strpos($p, " ") + 1);
		if (!is_file($path)) { echo "listed but missing on disk: $path\n"; $bad++; }
	}
	$cli = getenv("SQZ_BIN_DIR") . "/sqzgraph";
	if (!is_executable($cli)) { echo "$cli is not executable\n"; $bad++; }
	foreach (["LICENSE", "CHANGELOG.md", "README.md", "docs/reference.md", "docs/installing.md", "stubs/sqzgraph.php"] as $doc) {
		if (!in_array("doc " . getenv("SQZ_DOC_DIR") . "/sqzgraph/$doc", $installed, true)) { echo "the package lacks $doc\n"; $bad++; }
	}
	echo $bad ? "" : "installed: " . count($installed) . " files where package.xml says\n";
	exit($bad ? 1 : 0);
' <"$work/files.txt" || fail "installed files differ from package.xml"

so="$work/prefix/ext/sqzgraph.so"
cli="$(conf bin_dir)/sqzgraph"
got=$(php -n "${ext_args[@]}" -d extension="$so" -r 'echo phpversion("sqzgraph");' 2>&1)
[ "$got" = "$version" ] || fail "the installed extension reports version '$got', expected $version"
out=$(php -n "${ext_args[@]}" -d extension="$so" "$cli" --version 2>&1); rc=$?
[ "$rc" = 0 ] && [[ "$out" == *"sqzgraph $version"* ]] || { echo "$out"; fail "installed CLI with the installed extension: exit $rc"; }
# As cron runs it before the extension is enabled: it says so, exit 69.
out=$(PATH="$(conf bin_dir):$PATH" sqzgraph --version 2>&1); rc=$?
# The module list read whole: under pipefail, grep -q ending the pipe early could
# kill php with SIGPIPE and read as "not loaded".
if ! grep -qx sqzgraph <<<"$(php -m 2>/dev/null)"; then
	[ "$rc" = 69 ] && [[ "$out" == *"extension"* ]] || { echo "$out"; fail "installed CLI without the extension: exit $rc, expected 69"; }
fi
echo "package install check: sqzgraph-$version.tgz installs $(grep -c '^[a-z]' "$work/files.txt") paths as package.xml says; the installed CLI and extension run"
